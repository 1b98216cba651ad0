import Foundation
import GRDB
import StilteAnalysis

/// The session log in `$STILTE_HOME/stilte.sqlite`, the embedded default.
///
/// One `DatabaseQueue` per process owns the connection. The file is in WAL mode
/// with a busy timeout, and GRDB 7 starts every write transaction with
/// `BEGIN IMMEDIATE`, so a trainee rehearsing and a trainer reviewing in another
/// process wait for each other instead of failing with "database is locked".
public final class SQLiteSessionLog: SessionLog {
    public let home: StilteHome
    let dbQueue: DatabaseQueue
    /// Locks on the recordings this process is writing (``beginTake(_:)`` to ``finishTake(_:measurement:)``).
    let recordingLocks = RecordingLocks()

    /// How long a writer waits for another process's write transaction.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating when needed) the log in `home`.
    ///
    /// Throws ``StoreError`` `.corrupt` for a file that is not a readable SQLite
    /// database and `.newerSchema` for one written by a newer Stilte; in both
    /// cases the file is left exactly as it was.
    public init(home: StilteHome) throws {
        self.home = home
        try PrivateFiles.makeDirectory(home.url)
        try PrivateFiles.makeDirectory(home.recordingsURL)
        let path = home.databaseURL.path
        try Self.checkHeader(path: path)
        try PrivateFiles.makeFile(home.databaseURL)

        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            // Check with a plain connection that only reads: GRDB's WAL setup below
            // writes to a file whose -wal is missing, and a refused file must stay as it is.
            let probe = try DatabaseQueue(path: path, configuration: configuration)
            try probe.read { db in try Self.checkSchemaIsKnown(db, path: path) }
            try probe.close()

            configuration.journalMode = .wal
            dbQueue = try DatabaseQueue(path: path, configuration: configuration)
            try Schema.migrator.migrate(dbQueue)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try PrivateFiles.setMode(PrivateFiles.fileMode, path: path + suffix)
        }
    }

    /// A non-empty file that does not start with the SQLite header is refused before
    /// SQLite touches it.
    private static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
            throw StoreError(.corrupt, "not a Stilte session log (no SQLite header); it was left untouched — move it away or set STILTE_HOME", path: path)
        }
    }

    private static func checkSchemaIsKnown(_ db: Database, path: String) throws {
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let superseded = try db.tableExists("grdb_migrations") && Schema.migrator.hasBeenSuperseded(db)
        if userVersion > Schema.version || superseded {
            throw StoreError(.newerSchema, "written by a newer Stilte (schema \(userVersion), this one knows \(Schema.version)); nothing was changed — upgrade stilte to use it", path: path)
        }
    }

    /// Maps SQLite errors to one-line store errors.
    static func storeError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(.corrupt, "the session log is damaged (\(error.message ?? "corrupt")); it was left untouched — restore a backup or move it away", path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.database, "the session log stayed locked by another stilte for \(Int(busyTimeout)) s; try again", path: path)
        default:
            return StoreError(.database, "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")", path: path)
        }
    }

    /// Runs a write transaction (`BEGIN IMMEDIATE`), mapping SQLite errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try dbQueue.write(body) } catch let error as DatabaseError {
            throw Self.storeError(error, path: home.databaseURL.path)
        }
    }

    /// Runs a read, mapping SQLite errors.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try dbQueue.read(body) } catch let error as DatabaseError {
            throw Self.storeError(error, path: home.databaseURL.path)
        }
    }

    // MARK: Trainees and sessions

    /// The trainee named `name`, created when new.
    func trainee(named name: String, in db: Database) throws -> Trainee {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw StoreError(.invalidInput, "a trainee needs a name") }
        if let existing = try Trainee.filter(Column("name") == trimmed).fetchOne(db) { return existing }
        var trainee = Trainee(name: trimmed)
        try trainee.insert(db)
        return trainee
    }

    public func beginSession(trainee: String, devices: String, appVersion: String) throws -> PracticeSession {
        try write { db in
            let owner = try self.trainee(named: trainee, in: db)
            var session = PracticeSession(traineeId: owner.id ?? 0, startedAt: Date(), devices: devices, appVersion: appVersion)
            try session.insert(db)
            return session
        }
    }

    public func endSession(_ sessionId: Int64) throws {
        try write { db in
            guard var session = try PracticeSession.fetchOne(db, key: sessionId) else {
                throw StoreError(.notFound, "no session \(sessionId)")
            }
            session.endedAt = Date()
            try session.update(db)
        }
    }

    public func trainee(id: Int64) throws -> Trainee? {
        try read { db in try Trainee.fetchOne(db, key: id) }
    }

    public func trainees() throws -> [Trainee] {
        try read { db in try Trainee.order(Column("name")).fetchAll(db) }
    }
}
