/// A failure of the session log: what went wrong, in one line, with the file concerned.
///
/// Like GRDB's `DatabaseError`, one struct with a code rather than an enum per case.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The database was written by a newer Stilte; nothing was changed.
        public static let newerSchema = Code(rawValue: "newer-schema")
        /// The file is not a readable SQLite database; it was left as it is.
        public static let corrupt = Code(rawValue: "corrupt")
        /// No take, trainee or review with that identifier.
        public static let notFound = Code(rawValue: "not-found")
        /// A take's recording file is not where the log says it is.
        public static let missingRecording = Code(rawValue: "missing-recording")
        /// The input does not make sense (a rating of 7, a pause that ends before it starts).
        public static let invalidInput = Code(rawValue: "invalid-input")
        /// A file or directory could not be created, read or removed.
        public static let io = Code(rawValue: "io")
        /// A row in the log cannot be decoded (a date out of range, damaged JSON); it names the row.
        public static let unreadableRow = Code(rawValue: "unreadable-row")
        /// An input is larger than Stilte accepts (a bundle with too many entries or bytes).
        public static let tooLarge = Code(rawValue: "too-large")
        /// A home, directory or file that is a symbolic link, belongs to someone else or that
        /// others may write; it was neither used nor changed.
        public static let unsafePath = Code(rawValue: "unsafe-path")
        /// An SQLite database of another program where the session log should be; left as it is.
        public static let foreign = Code(rawValue: "foreign")
        /// Any other SQLite error.
        public static let database = Code(rawValue: "database")
    }

    public var code: Code
    /// The one-line explanation, including what to do.
    public var message: String
    /// The file concerned, when there is one.
    public var path: String?
    /// The explanation in every interface language, for errors whose text has been written
    /// in all of them (`message` is its English).
    public var phrase: Phrase?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public init(_ code: Code, _ phrase: Phrase, path: String? = nil) {
        self.init(code, phrase.en, path: path)
        self.phrase = phrase
    }

    /// The one line in `language` (English where no translation was written).
    public func text(_ language: Language) -> String {
        let message = phrase?.text(language) ?? message
        if let path { return "\(path): \(message)" }
        return message
    }

    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }
}
