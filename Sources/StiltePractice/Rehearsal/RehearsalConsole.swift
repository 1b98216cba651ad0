import StilteCore

/// The terminal a rehearsal talks to, as the session needs it: what it can show,
/// single keys in, text out, the cursor. The CLI's `Terminal` is one.
public protocol RehearsalConsole: AnyObject {
    /// What the output can show (ANSI, colours).
    var style: TerminalStyle { get }
    /// Whether keys can be read one at a time.
    var interactive: Bool { get }
    /// Columns of the output.
    var columns: Int { get }
    /// Reads keys one at a time without echo.
    func enterKeyMode()
    /// Hides the cursor while the live screen is drawn.
    func hideCursor()
    /// Shows the cursor again after `hideCursor()`.
    func showCursor()
    /// Puts the input mode and the cursor back as they were; safe to call twice.
    func restore()
    /// Forgets keys typed ahead.
    func discardPendingKeys()
    /// The key pressed since the last call, if any (never waits).
    func pressedKey() -> Character?
    /// Waits up to `timeout` seconds for one of `keys` (Enter is "\n"); nil on timeout or when `stop` says so.
    func waitForKey(_ keys: Set<Character>, timeout: Double, stop: () -> Bool) -> Character?
    /// Writes `text` at once (not buffered).
    func write(_ text: String)
}

extension RehearsalConsole {
    /// Waits for one of `keys` until `stop` says so.
    public func waitForKey(_ keys: Set<Character>, stop: () -> Bool) -> Character? {
        waitForKey(keys, timeout: .infinity, stop: stop)
    }

    /// Writes `lines`, each ended by a newline.
    public func print(_ lines: [String]) {
        write(lines.map { $0 + "\n" }.joined())
    }
}

/// Draws the live screen in place: each frame overwrites the previous one.
struct LiveCanvas {
    private var drawnLines = 0

    /// Replaces the previous frame with `lines`.
    mutating func draw(_ lines: [String], on terminal: any RehearsalConsole) {
        var out = drawnLines > 0 ? "\r\u{1B}[\(drawnLines)A" : ""
        for line in lines { out += "\u{1B}[2K" + line + "\n" }
        if lines.count < drawnLines {
            for _ in lines.count..<drawnLines { out += "\u{1B}[2K\n" }
            out += "\u{1B}[\(drawnLines - lines.count)A"
        }
        drawnLines = lines.count
        terminal.write(out)
    }
}
