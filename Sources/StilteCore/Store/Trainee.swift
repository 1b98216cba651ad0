import Foundation

/// Someone who practises; takes belong to a trainee by name.
public struct Trainee: Codable, Sendable, Equatable {
    public var id: Int64?
    /// The name given on the command line (`--trainee`); unique in a log.
    public var name: String
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }

    /// The name a trainee is stored under: `name` without surrounding spaces. The rule every
    /// store applies before it looks a trainee up or adds one.
    /// - Throws: ``StoreError`` `.invalidInput` for an empty name or one with control characters.
    public static func storedName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw StoreError(.invalidInput, "a trainee needs a name") }
        guard trimmed.terminalSafe == trimmed else { throw StoreError(.invalidInput, StoreText.controlCharactersInName) }
        return trimmed
    }
}
