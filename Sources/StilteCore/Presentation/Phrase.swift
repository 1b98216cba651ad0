/// Something the user reads, written in every interface ``Language``.
///
/// How to add a string: write it where it is shown, in every language, and render it with the
/// language of the screen:
///
///     let line = Phrase(en: "Pause after your no: \(s)", nl: "Pauze na je nee: \(s)")
///     print(line.text(language))
///
/// Both arguments are required, so a sentence without its Dutch cannot compile, and nothing falls
/// back to English at run time. Numbers go through ``NumberFormat`` (Dutch writes "3,92 s"),
/// verdicts through ``Verdict/name(_:)``. Only text that really is the same in every language
/// (a name, a file path, a symbol) uses ``same(_:)``, which says so at the call site.
/// Machine formats (JSON, CSV, TSV, SVG attributes) stay untranslated and do not use this type.
///
/// Write the Dutch as a Dutch trainer would say it ("je", short sentences), not word for word.
public struct Phrase: Sendable, Hashable {
    public let en: String
    public let nl: String

    public init(en: String, nl: String) {
        self.en = en
        self.nl = nl
    }

    /// Text that reads the same in every language: a name, a path, a number, a symbol.
    public static func same(_ text: String) -> Phrase { Phrase(en: text, nl: text) }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .nl: nl
        }
    }

    /// `count` followed by the singular or plural noun: "1 take", "3 takes"; "1 opname", "3 opnamen".
    public static func count(_ count: Int, en: (one: String, many: String), nl: (one: String, many: String)) -> Phrase {
        Phrase(en: "\(count) \(count == 1 ? en.one : en.many)", nl: "\(count) \(count == 1 ? nl.one : nl.many)")
    }

    /// The two phrases one after the other, in each language.
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        Phrase(en: lhs.en + rhs.en, nl: lhs.nl + rhs.nl)
    }
}

extension Sequence where Element == Phrase {
    /// The phrases joined by `separator`, in each language.
    public func joined(separator: Phrase) -> Phrase {
        let all = Array(self)
        return Phrase(en: all.map(\.en).joined(separator: separator.en), nl: all.map(\.nl).joined(separator: separator.nl))
    }
}
