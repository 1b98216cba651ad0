import Foundation
import StilteCore
import StilteStorePostgres

/// The organisation's shared log on PostgreSQL, when one is configured: `--database URL`
/// (`stilte serve`), else `$STILTE_DATABASE_URL`. Without either, every command uses the
/// embedded SQLite log. Recordings stay under `$STILTE_HOME` (the server's data directory).
enum SharedLog {
    /// The configured URL, nil when none (an empty variable counts as none).
    static func url(_ option: String? = nil) -> String? {
        let text = option ?? ProcessInfo.processInfo.environment["STILTE_DATABASE_URL"]
        return text.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Connects to and migrates the shared log at `url`.
    static func open(_ url: String) throws -> PostgresSessionLog {
        try PostgresSessionLog(location: PostgresLocation(url: url), home: .fromEnvironment())
    }
}
