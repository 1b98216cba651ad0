import Foundation
import StilteCore

/// Where a shared session log lives: a `postgres://` URL, parsed and checked before any
/// connection is made.
///
/// Accepted forms (libpq's URL syntax, the parts Stilte needs):
/// - `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|require]`
/// - `postgres://USER@localhost/DATABASE?host=/path/to/socket/dir` (a unix socket, as
///   `scripts/with-postgres` starts one)
///
/// TCP connections use TLS unless `sslmode=disable` is given; a password travels only over
/// TLS or a unix socket.
public struct PostgresLocation: Sendable, Equatable {
    /// How to reach the server.
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The directory holding the server's socket `.s.PGSQL.PORT`.
        case socket(directory: String, port: Int)
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    /// Whether the TCP connection is encrypted (always true unless `sslmode=disable`).
    public var tls: Bool

    /// The longest URL accepted, in bytes (an environment variable, not a document).
    static let maxLength = 2048

    /// Parses `text`; throws a ``StoreError`` (`.invalidInput`) naming what is wrong.
    public init(url text: String) throws {
        guard text.utf8.count <= Self.maxLength, let components = URLComponents(string: text),
              let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError(.invalidInput, PostgresText.badURL(text))
        }
        let options = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw StoreError(.invalidInput, PostgresText.badURL(text)) }
        if let directory = options["host"], directory.hasPrefix("/") {
            endpoint = .socket(directory: directory, port: port)
        } else if let host = components.host, !host.isEmpty {
            endpoint = .tcp(host: host, port: port)
        } else {
            throw StoreError(.invalidInput, PostgresText.badURL(text))
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard let user = components.user, !user.isEmpty, !database.isEmpty, !database.contains("/") else {
            throw StoreError(.invalidInput, PostgresText.badURL(text))
        }
        self.user = user
        self.password = components.password
        self.database = database
        switch options["sslmode"] ?? "require" {
        case "disable": tls = false
        case "require", "verify-full": tls = true
        default: throw StoreError(.invalidInput, PostgresText.badURL(text))
        }
    }

    /// The URL without its password, for messages.
    public var redacted: String {
        switch endpoint {
        case .tcp(let host, let port): return "postgres://\(user)@\(host):\(port)/\(database)"
        case .socket(let directory, _): return "postgres://\(user)@localhost/\(database)?host=\(directory)"
        }
    }
}
