import Foundation
import Logging
import PostgresNIO
import StilteAnalysis
import StilteCore

/// The shared session log of an organisation, on a PostgreSQL server (`STILTE_DATABASE_URL`
/// or `stilte serve --database`), behind the same ``SessionLog`` interface as the embedded
/// SQLite log: the same rows, the same behaviour (proven by the session-log behaviour tests,
/// which run against both), the rules in Core.
///
/// Recordings stay files, under `home` (the server's data directory) through Core's
/// ``RecordingStore`` — `recordings/<uuid>.<ext>`, never a path a client names — and the rows
/// name them as the SQLite log does. Files rather than `bytea` or large objects: a recording is
/// up to 2 GB (over `bytea`'s 1 GB limit), the server streams it with byte ranges from a file,
/// `pg_dump` stays small, and the recording code (private modes, no links, crash-safe writer,
/// locks of takes being recorded) is the one the single-trainee log already uses.
///
/// ```swift
/// let log = try PostgresSessionLog(location: PostgresLocation(url: "postgres://stilte@db/stilte"),
///                                  home: StilteHome(url: dataDirectory))
/// let take = try log.saveTake(newTake).take
/// ```
public final class PostgresSessionLog: SessionLog {
    public let home: StilteHome
    let connections: PostgresConnections
    /// Locks on the recordings this process is writing (``beginTake(_:)`` to ``finishTake(_:measurement:)``).
    let recordingLocks = RecordingLocks()

    /// Connections open at most per log (the server's request tasks share them).
    public static let defaultConnections = 8

    /// Connects to the database at `location`, migrates it (or refuses one written by a newer
    /// Stilte or by another program, changing nothing) and prepares `home` for the recordings.
    public init(location: PostgresLocation, home: StilteHome, connections: Int = PostgresSessionLog.defaultConnections,
                logger: Logger = Logger(label: "stilte.postgres")) throws {
        self.home = home
        try PrivateFiles.makeDirectory(home.url)
        try RecordingStore(home: home).prepare()
        self.connections = try PostgresConnections(location, limit: connections, logger: logger)
        try self.connections.transaction { sql in try PostgresSchema.migrate(sql) }
    }

    /// The schema version this Stilte writes.
    public static var schemaVersion: Int { PostgresSchema.version }

    /// Closes the idle connections; the log is not used after this.
    public func close() { connections.close() }

    @discardableResult
    func transaction<T>(_ body: (PostgresStatements) throws -> T) throws -> T {
        try connections.transaction(body)
    }

    // MARK: Trainees and sessions

    /// The id of the trainee named `name`, created when new.
    func traineeId(named name: String, _ sql: PostgresStatements) throws -> Int64 {
        let trimmed = try Trainee.storedName(name)
        try sql.run("INSERT INTO trainee (name, created_at) VALUES (\(trimmed), \(Date())) ON CONFLICT (name) DO NOTHING")
        guard let id = try sql.value("SELECT id FROM trainee WHERE name = \(trimmed)", as: Int64.self) else {
            throw StoreError(.notFound, "no trainee \(trimmed)")
        }
        return id
    }

    public func beginSession(trainee: String, devices: String, appVersion: String) throws -> PracticeSession {
        try transaction { sql in
            let owner = try traineeId(named: trainee, sql)
            var session = PracticeSession(traineeId: owner, startedAt: Date(), devices: devices, appVersion: appVersion)
            session.id = try sql.value("""
                INSERT INTO session (trainee_id, started_at, devices, app_version)
                VALUES (\(owner), \(session.startedAt), \(devices), \(appVersion)) RETURNING id
                """, as: Int64.self)
            return session
        }
    }

    public func endSession(_ sessionId: Int64) throws {
        try transaction { sql in
            guard try sql.run("UPDATE session SET ended_at = \(Date()) WHERE id = \(sessionId)") == 1 else {
                throw StoreError(.notFound, "no session \(sessionId)")
            }
        }
    }

    public func trainee(id: Int64) throws -> Trainee? {
        try transaction { sql in
            try sql.rows("SELECT id, name, created_at FROM trainee WHERE id = \(id)").first.map(PostgresRows.trainee)
        }
    }

    public func trainees() throws -> [Trainee] {
        try transaction { sql in
            try sql.rows("SELECT id, name, created_at FROM trainee ORDER BY name COLLATE \"C\"").map(PostgresRows.trainee)
        }
    }
}
