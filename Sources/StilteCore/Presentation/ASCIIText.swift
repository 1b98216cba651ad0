import Foundation

/// Text for a terminal that shows ASCII only (`LC_ALL=C`, `LANG=POSIX`): every character Stilte
/// draws outside ASCII gets an ASCII stand-in ("…" → "...", "█" → "#", "“" → "\""), accented
/// letters lose their accents. Screens fit their lines to the width after folding.
public enum ASCIIText {
    /// Stand-ins: one column each, except "…" → "...", "→" → "->", "±" → "+/-".
    static let stand: [Character: String] = [
        "…": "...", "“": "\"", "”": "\"", "‘": "'", "’": "'", "—": "-", "–": "-", "→": "->", "±": "+/-", "×": "x",
        "·": ".", "●": "*", "○": "o", "◌": "o", "█": "#", "▒": "=", "░": "-", "▕": "|", "▏": "|", "─": "-",
        "▁": "_", "▂": ".", "▃": ",", "▄": "-", "▅": "~", "▆": "=", "▇": "*", "\u{FFFD}": "?",
    ]

    /// `text` in ASCII; escape sequences pass unchanged.
    public static func fold(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        var out = ""
        for character in text {
            if character.isASCII { out.append(character) } else if let stand = stand[character] { out += stand } else {
                // "ë" → "e": the letter without its marks; anything else becomes "?".
                let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)
                out += base.isEmpty ? "?" : String(String.UnicodeScalarView(base))
            }
        }
        return out
    }

    /// Whether the locale the environment names (`LC_ALL`, else `LC_CTYPE`, else `LANG`) is set
    /// and not UTF-8: "C", "POSIX", "nl_NL.ISO-8859-1". Unset means UTF-8 (today's default).
    public static func wanted(_ environment: [String: String]) -> Bool {
        guard let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else {
            return false
        }
        let lower = locale.lowercased()
        return !(lower.contains("utf-8") || lower.contains("utf8"))
    }
}
