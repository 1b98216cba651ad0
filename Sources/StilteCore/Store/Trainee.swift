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
}
