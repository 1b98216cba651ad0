/// What the terminal Stilte writes to can do: cursor movement (ANSI) and colour.
public struct TerminalStyle: Sendable, Equatable {
    /// Cursor movement and line clearing are allowed (a TTY whose TERM is not `dumb`).
    public var ansi: Bool
    /// Colours are allowed (`ansi`, and `NO_COLOR` unset or empty).
    public var colors: Bool
    /// Only ASCII can be shown (``ASCIIText/wanted(_:)``): text goes through ``ASCIIText/fold(_:)``.
    public var ascii: Bool

    public init(ansi: Bool, colors: Bool, ascii: Bool = false) {
        self.ansi = ansi
        self.colors = ansi && colors
        self.ascii = ascii
    }

    /// `text` as this terminal can show it (ASCII stand-ins when ``ascii``).
    public func shown(_ text: String) -> String { ascii ? ASCIIText.fold(text) : text }

    /// What ends a line cut short: "…", or "." on an ASCII terminal (one column either way).
    public var ellipsis: Character { ascii ? "." : "…" }

    /// Plain text: no escape sequences at all.
    public static let plain = TerminalStyle(ansi: false, colors: false)

    /// Decides from whether the output is a terminal and the environment
    /// (`TERM`, `NO_COLOR` as https://no-color.org describes it).
    public static func detect(isTTY: Bool, environment: [String: String]) -> TerminalStyle {
        let term = environment["TERM"] ?? ""
        let ansi = isTTY && !term.isEmpty && term != "dumb"
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return TerminalStyle(ansi: ansi, colors: !noColor, ascii: ASCIIText.wanted(environment))
    }

    /// A colour or emphasis for a stretch of text.
    public enum Paint: String, Sendable {
        case bold = "1", dim = "2", green = "32", yellow = "33", red = "31", cyan = "36", inverse = "7"
    }

    /// `text` in `paint` when colours are allowed, else `text` unchanged.
    public func paint(_ text: String, _ paint: Paint) -> String {
        colors && !text.isEmpty ? "\u{1B}[\(paint.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// Terminal text measured without its escape sequences.
public enum VisibleText {
    /// `text` without ANSI escape sequences (CSI `ESC [ … letter`).
    public static func strip(_ text: String) -> String {
        var out = ""
        var inEscape = false
        var sawBracket = false
        for ch in text {
            if inEscape {
                if !sawBracket { sawBracket = (ch == "["); if !sawBracket { inEscape = false }; continue }
                if ch.isLetter { inEscape = false; sawBracket = false }
                continue
            }
            if ch == "\u{1B}" { inEscape = true; continue }
            out.append(ch)
        }
        return out
    }

    /// Columns `text` takes on the screen (every character Stilte draws is one column wide).
    public static func width(_ text: String) -> Int { strip(text).count }

    /// `text` cut to `columns`, ending in "…" when cut. For text without escapes.
    public static func fit(_ text: String, _ columns: Int, ellipsis: Character = "…") -> String {
        guard text.count > columns else { return text }
        guard columns > 1 else { return String(text.prefix(max(0, columns))) }
        return String(text.prefix(columns - 1)) + String(ellipsis)
    }

    /// `text` cut to `columns` of the screen: unchanged when it fits, else without its escape
    /// sequences, cut and ending in "…" (a line never wraps, so a screen redrawn in place stays put).
    public static func fitStyled(_ text: String, _ columns: Int, ellipsis: Character = "…") -> String {
        width(text) <= columns ? text : fit(strip(text), columns, ellipsis: ellipsis)
    }

    /// `left` and `right` on one line of `columns`, `right` flush right; `left` is cut to make room.
    public static func spread(_ left: String, _ right: String, _ columns: Int) -> String {
        let rightWidth = width(right)
        let room = max(0, columns - rightWidth - 1)
        let leftFitted = width(left) > room ? fit(strip(left), room) : left
        let gap = max(1, columns - width(leftFitted) - rightWidth)
        return leftFitted + String(repeating: " ", count: gap) + right
    }
}
