import Foundation
import Logging
import StilteAnalysis
import StilteCore
@testable import StilteStorePostgres
import StilteStoreSQLite

/// The stores the session-log behaviour tests run against.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// SQLite always; PostgreSQL when a server is given (`scripts/with-postgres` starts one) or
    /// required (`scripts/test`, CI: then a missing server fails every PostgreSQL case).
    static var available: [StoreKind] {
        TestPostgres.url != nil || TestPostgres.required ? [.sqlite, .postgres] : [.sqlite]
    }
}

/// The PostgreSQL server the tests use: `STILTE_TEST_POSTGRES_URL` (a superuser's URL; every
/// log gets a new database of its own, dropped afterwards).
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["STILTE_TEST_POSTGRES_URL"]
    /// Set by `scripts/test`: PostgreSQL must be there.
    static let required = ProcessInfo.processInfo.environment["STILTE_REQUIRE_POSTGRES"] == "1"
    static let absence = "PostgreSQL is absent (no STILTE_TEST_POSTGRES_URL): the shared log's cases did not run; "
        + "run them with `scripts/with-postgres swift test --filter StilteStoreTests`"

    /// The server's URL, or an error saying how to start one.
    static func serverURL() throws -> String {
        guard let url else { throw StoreError(.database, absence) }
        return url
    }

    /// The same server's URL naming `database` instead.
    static func url(database: String) throws -> PostgresLocation {
        var location = try PostgresLocation(url: try serverURL())
        location.database = database
        return location
    }

    /// Runs `statement` (no transaction: CREATE/DROP DATABASE) on the server's own database.
    static func administer(_ statement: String) throws {
        let connections = try PostgresConnections(try PostgresLocation(url: try serverURL()), limit: 1,
                                                  logger: Logger(label: "stilte.tests"))
        defer { connections.close() }
        try connections.withConnection { sql in try sql.run(.init(unsafeSQL: statement)) }
    }
}

/// A session log of one kind in a fresh home (and, for PostgreSQL, a fresh database);
/// ``remove()`` deletes both.
final class TestLog {
    let kind: StoreKind
    let home: StilteHome
    let log: any SessionLog
    private let database: String?

    init(_ kind: StoreKind) throws {
        self.kind = kind
        home = StilteHome(url: FileManager.default.temporaryDirectory
            .appendingPathComponent("stilte-store-\(UUID().uuidString)", isDirectory: true))
        switch kind {
        case .sqlite:
            database = nil
            log = try SQLiteSessionLog(home: home)
        case .postgres:
            let name = "stilte_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try TestPostgres.administer("CREATE DATABASE \(name)")
            database = name
            log = try PostgresSessionLog(location: try TestPostgres.url(database: name), home: home, connections: 2)
        }
    }

    /// Another log over the same home and database (a second process, a restarted server).
    func reopen() throws -> any SessionLog {
        switch kind {
        case .sqlite: return try SQLiteSessionLog(home: home)
        case .postgres: return try PostgresSessionLog(location: try TestPostgres.url(database: database ?? ""), home: home, connections: 1)
        }
    }

    /// Closes the log and removes its home and database (call with `defer`: a test object
    /// may be released before the test's last line).
    func remove() {
        (log as? PostgresSessionLog)?.close()
        if let database { try? TestPostgres.administer("DROP DATABASE IF EXISTS \(database) WITH (FORCE)") }
        try? FileManager.default.removeItem(at: home.url)
    }
}

/// Takes and analyses for the behaviour tests (whole seconds, so every store keeps dates exactly).
enum Fixtures {
    static let day = Date(timeIntervalSince1970: 1_780_000_000)

    /// An analysis whose pause runs from `start` for `seconds`.
    static func analysis(pauseStart start: Double = 1.5, seconds: Double, target: PauseTarget = PauseTarget()) -> Analysis {
        let end = start + seconds
        return Analysis(duration: end + 2, target: target,
                        segments: [TimeSpan(start: 0.2, end: start), TimeSpan(start: end, end: end + 1.5)],
                        refusal: TimeSpan(start: 0.2, end: start), pause: Pause(start: start, end: end),
                        verdict: target.verdict(for: seconds))
    }

    /// A complete take of `trainee` on `scenario` with a pause of `seconds` (nil: no pause).
    static func take(_ trainee: String = "anna", scenario: String = "s1", seconds: Double?, at date: Date = day,
                     state: Take.State = .complete) -> NewTake {
        let analysis = seconds.map { self.analysis(seconds: $0) }
            ?? Analysis(duration: 3, target: PauseTarget(), segments: [TimeSpan(start: 0.2, end: 3)],
                        refusal: nil, pause: nil, verdict: .noPause)
        return NewTake(trainee: trainee, scenarioId: scenario, recordingPath: "recordings/\(UUID().uuidString.lowercased()).wav",
                       sampleRate: 16_000, measurement: TakeMeasurement(duration: analysis.duration, analysis: analysis, state: state),
                       createdAt: date)
    }
}
