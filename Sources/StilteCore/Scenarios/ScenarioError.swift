/// Why a scenario file, or the library as a whole, could not be loaded.
///
/// Its `description` is one line, `FILE:LINE: FIELD: what is wrong — what to do`, e.g.
/// `Scenarios/client-insists.nl.yaml:14: turns[1].audio: file "x.ogg" does not exist in Audio/ — run scripts/make-prompts or fix the path`.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is, for code that reacts to it (tests, tools).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file or directory could not be read.
        public static let unreadable = Code(rawValue: "unreadable")
        /// The file is not valid YAML.
        public static let syntax = Code(rawValue: "syntax")
        /// A required field is absent.
        public static let missingField = Code(rawValue: "missing-field")
        /// A field has the wrong kind of value (text for a number, a list for text…).
        public static let wrongType = Code(rawValue: "wrong-type")
        /// A field this format does not know (often a typo).
        public static let unknownKey = Code(rawValue: "unknown-key")
        /// A value of the right type that is not allowed (an unknown language, a negative target…).
        public static let badValue = Code(rawValue: "bad-value")
        /// The id differs from the file name.
        public static let idMismatch = Code(rawValue: "id-mismatch")
        /// Two files declare the same id.
        public static let duplicateID = Code(rawValue: "duplicate-id")
        /// `pair` names no loaded scenario, or one that does not pair back, or one in the same language.
        public static let badPair = Code(rawValue: "bad-pair")
        /// An audio path is absolute.
        public static let absolutePath = Code(rawValue: "absolute-path")
        /// An audio path climbs out of `Audio/` with `..`.
        public static let pathEscape = Code(rawValue: "path-escape")
        /// An audio path leads out of `Audio/` through a symbolic link.
        public static let symlinkEscape = Code(rawValue: "symlink-escape")
        /// An audio file does not exist (or is not a regular file).
        public static let missingAudio = Code(rawValue: "missing-audio")
        /// No scenario library could be found.
        public static let noLibrary = Code(rawValue: "no-library")
        /// A file, or the library as a whole, is larger than Stilte reads (``ScenarioLimits``).
        public static let tooLarge = Code(rawValue: "too-large")
    }

    public var code: Code
    /// The file (or directory) as shown to the user, relative to the working directory when inside it.
    public var file: String
    /// 1-based line in `file`, when the problem has one.
    public var line: Int?
    /// The field, as a path into the document: `title`, `turns[1].audio`, `client.voice`.
    public var field: String?
    /// What is wrong and what to do, without the location.
    public var message: String
    /// The message in every interface language, for errors whose text has been written in all
    /// of them (`message` is its English).
    public var phrase: Phrase?

    public init(_ code: Code, file: String, line: Int? = nil, field: String? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public init(_ code: Code, file: String, line: Int? = nil, field: String? = nil, _ phrase: Phrase) {
        self.init(code, file: file, line: line, field: field, phrase.en)
        self.phrase = phrase
    }

    /// The one line in `language` (English where no translation was written).
    public func text(_ language: Language) -> String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { location += ": \(field)" }
        return "\(location): \(phrase?.text(language) ?? message)"
    }

    public var description: String { text(.en) }
}
