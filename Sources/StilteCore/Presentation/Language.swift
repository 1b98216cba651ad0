/// A language Stilte's interface speaks.
///
/// To add a language: add a case here, then build. The compiler stops at every place that must
/// learn it: ``Phrase`` (a new stored property, so every sentence in the code must be given in it),
/// ``NumberFormat/decimalSeparator(_:)`` and ``LanguageChoice/parse(_:)``. Then write the new
/// language's text for every ``Phrase``; `LanguageTests` renders every screen in each language.
public enum Language: String, CaseIterable, Codable, Sendable {
    /// English.
    case en
    /// Dutch, the language of most trainees.
    case nl
}

/// Where the interface language comes from, in order of precedence:
/// `--lang`, then `$STILTE_LANG`, then the trainee's stored preference, then the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them), then English.
public struct LanguageChoice: Sendable, Equatable {
    /// From `--lang`.
    public var flag: Language?
    /// From `$STILTE_LANG`.
    public var variable: Language?
    /// From the locale variables; nil for "C", "POSIX" or a language Stilte does not speak.
    public var locale: Language?

    public init(flag: Language? = nil, variable: Language? = nil, locale: Language? = nil) {
        self.flag = flag
        self.variable = variable
        self.locale = locale
    }

    /// The language to speak to a trainee whose stored preference is `stored`.
    public func resolved(stored: Language? = nil) -> Language {
        flag ?? variable ?? stored ?? locale ?? .en
    }

    /// Whether `--lang` or `$STILTE_LANG` chose the language, so a stored preference does not count.
    public var isExplicit: Bool { flag != nil || variable != nil }

    /// Reads `--lang` (given as `flag`) and the environment. A `--lang` or `$STILTE_LANG` that
    /// names no language Stilte speaks is an error; an unknown locale only falls through.
    public static func from(flag: String?, environment: [String: String]) throws(LanguageError) -> LanguageChoice {
        var choice = LanguageChoice()
        if let flag {
            guard let language = parse(flag) else { throw LanguageError(source: "--lang", value: flag) }
            choice.flag = language
        }
        if let value = environment["STILTE_LANG"], !value.isEmpty {
            guard let language = parse(value) else { throw LanguageError(source: "STILTE_LANG", value: value) }
            choice.variable = language
        }
        // POSIX: the first of these that is set and not empty decides the messages' locale.
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        choice.locale = locale.flatMap(parse)
        return choice
    }

    /// The language a value such as "nl", "NL", "nl_BE.UTF-8", "en_GB" or "dutch" names; nil otherwise.
    public static func parse(_ value: String) -> Language? {
        let lower = value.lowercased()
        let code = lower.prefix { $0.isLetter }
        switch code {
        case "en", "english", "engels": return .en
        case "nl", "dutch", "nederlands": return .nl
        default: return nil
        }
    }
}

/// `--lang` or `$STILTE_LANG` names a language Stilte does not speak.
public struct LanguageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// "--lang" or "STILTE_LANG".
    public var source: String
    public var value: String

    /// Said in both languages: the language is what is in doubt.
    public var description: String {
        "\(source) '\(value)': use en (English) or nl (Nederlands) / gebruik en (Engels) of nl (Nederlands)"
    }
}
