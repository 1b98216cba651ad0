import Foundation
import GRDB
import StilteAnalysis
#if canImport(Glibc)
import Glibc
import StilteCore
#endif

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

    /// How a command uses the log.
    public enum Access: Sendable {
        /// Reads and writes: creates the home, `recordings/` and the log when missing, and migrates.
        case readWrite
        /// Only reads: the file is opened read-only, so nothing is created, migrated or grown;
        /// a home without a log reads as an empty log. A log that needs a migration first
        /// is opened for writing, once.
        case readOnly
    }

    /// Opens the log in `home`, creating it when needed unless `access` is `.readOnly`.
    ///
    /// Refuses, leaving everything exactly as it was: a home, `recordings/` or log that is a
    /// symbolic link, belongs to another user or that others may write (``StoreError/Code/unsafePath``);
    /// a file that is not a readable SQLite database (`.corrupt`); an SQLite database of another
    /// program (`.foreign`); one written by a newer Stilte, also when that is only in its
    /// write-ahead log (`.newerSchema`).
    public init(home: StilteHome, access: Access = .readWrite) throws {
        self.home = home
        let path = home.databaseURL.path
        do {
            if access == .readOnly, let reader = try Self.openForReading(home) {
                dbQueue = reader
            } else {
                dbQueue = try Self.openForWriting(home)
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    private static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.readonly = readonly
        return configuration
    }

    /// A read-only connection, or nil when the log must be created or migrated first.
    private static func openForReading(_ home: StilteHome) throws -> DatabaseQueue? {
        let path = home.databaseURL.path
        var info = stat()
        if lstat(home.url.path, &info) != 0 && errno == ENOENT { return try emptyLog() }
        try PrivateFiles.checkDirectory(home.url.path)
        guard try checkDatabaseFiles(path) else { return try emptyLog() }
        try checkHeader(path: path)
        let reader = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
        let state = try reader.read { db in try checkIsStilteLog(db, path: path) }
        switch state {
        case .empty: return try emptyLog()
        case .needsMigration: return nil
        case .current: return reader
        }
    }

    /// A connection that may write, after creating and migrating what is missing.
    private static func openForWriting(_ home: StilteHome) throws -> DatabaseQueue {
        let path = home.databaseURL.path
        try PrivateFiles.makeDirectory(home.url)
        try RecordingStore(home: home).prepare()
        // Two processes opening a new log at once: one creates and migrates it while the
        // other waits, so the other never sees a half-made log (tables but no migration
        // row yet) and refuses it as another program's.
        let creating = try PrivateFiles.lockDirectory(home.url)
        defer { close(creating) }
        if try checkDatabaseFiles(path) {
            try checkHeader(path: path)
            // Check read-only first: a refused file must stay as it is, and a read-only
            // connection never checkpoints (nor deletes) a write-ahead log on close.
            let probe = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            _ = try probe.read { db in try checkIsStilteLog(db, path: path) }
            try probe.close()
        } else {
            try PrivateFiles.makeFile(home.databaseURL)
        }
        var configuration = configuration(readonly: false)
        // WAL is set once and stays in the file. (GRDB's `.wal` journal mode writes to
        // the file on every open to create the -wal file, growing it by a page.)
        configuration.prepareDatabase { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try Schema.migrator.migrate(queue)
        return queue
    }

    /// An empty log in memory, for reading a home that has none yet.
    private static func emptyLog() throws -> DatabaseQueue {
        let queue = try DatabaseQueue(configuration: configuration(readonly: false))
        try Schema.migrator.migrate(queue)
        return queue
    }

    /// Checks the log and its -wal and -shm files are regular files of this user, not links;
    /// returns whether the log exists.
    private static func checkDatabaseFiles(_ path: String) throws -> Bool {
        let exists = try PrivateFiles.checkFile(path)
        try PrivateFiles.checkFile(path + "-wal")
        try PrivateFiles.checkFile(path + "-shm")
        return exists
    }

    /// A non-empty file that does not start with the SQLite header is refused before
    /// SQLite touches it.
    private static func checkHeader(path: String) throws {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = Glibc.read(fd, &header, header.count)
        if count > 0 && header[0..<count] != Array("SQLite format 3\0".utf8)[...] {
            throw StoreError(.corrupt, SQLiteText.noSQLiteHeader, path: path)
        }
    }

    /// What an existing database holds, as far as opening it goes.
    private enum Contents { case empty, needsMigration, current }

    /// Refuses a database of another program or of a newer Stilte.
    private static func checkIsStilteLog(_ db: Database, path: String) throws -> Contents {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if tables.isEmpty { return .empty }
        let hasStilteMigrations = tables.contains("grdb_migrations") ? try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = ?)", arguments: [Schema.firstMigration]) : false
        guard hasStilteMigrations == true else { throw StoreError(.foreign, SQLiteText.foreignDatabase, path: path) }
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let superseded = try Schema.migrator.hasBeenSuperseded(db)
        if userVersion > Schema.version || superseded {
            throw StoreError(.newerSchema, SQLiteText.newerSchema(userVersion, known: Schema.version), path: path)
        }
        return try Schema.migrator.hasCompletedMigrations(db) ? .current : .needsMigration
    }

    /// Maps SQLite errors to one-line store errors.
    static func storeError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(.corrupt, SQLiteText.damaged(error.message ?? "corrupt"), path: path)
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
        let trimmed = try Trainee.storedName(name)
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
