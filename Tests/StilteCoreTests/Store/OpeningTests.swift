import Foundation
import GRDB
import Testing
@testable import StilteCore
@testable import StilteStoreSQLite

@Suite("Opening the session log")
struct OpeningTests {
    @Test("an empty home gets the schema by the named migrations, user_version 1")
    func migratesFromEmpty() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        try log.dbQueue.read { db in
            #expect(try db.tableExists("trainee"))
            #expect(try db.tableExists("session"))
            #expect(try db.tableExists("take"))
            #expect(try db.tableExists("review"))
            #expect(try Schema.migrator.appliedMigrations(db) == ["v1: trainees, sessions, takes, reviews", "v2: week index for progress",
                                                                   "v3: demo and empty takes", "v4: trainee preferences and coaching events",
                                                                   "v5: min-pause per take"])
            #expect(try db.columns(in: "take").contains { $0.name == "minPause" })
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == Schema.version)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'take'")
            #expect(indexes.contains("take_progress_pause"))
            #expect(indexes.contains("take_progress_time"))
            #expect(indexes.contains("take_progress_week"))
        }
    }

    @Test("a log at schema 1 is migrated to 2 on open, keeping its takes")
    func migratesFromV1() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        try PrivateFiles.makeDirectory(home.url)
        do {
            let queue = try DatabaseQueue(path: home.databaseURL.path)
            try Schema.migrator.migrate(queue, upTo: "v1: trainees, sessions, takes, reviews")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO trainee (name, createdAt) VALUES ('anna', '2026-05-18 10:00:00.000')")
                try db.execute(sql: """
                    INSERT INTO take (uuid, traineeId, scenarioId, turn, state, recordingPath, sampleRate, pauseDuration, verdict,
                                      targetSeconds, targetTolerance, overruns, unreliable, createdAt)
                    VALUES ('0e0e0e0e-0000-4000-8000-000000000001', 1, 's1', 1, 'complete', 'recordings/x.wav', 16000, 4.1,
                            'on-target', 4, 0.5, 0, 0, '2026-05-18 10:00:00.000')
                    """)
            }
            try queue.close()
        }
        let log = try SQLiteSessionLog(home: home)
        let version = try log.dbQueue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == Schema.version)
        let group = try #require(try log.progress(TakeFilter()).groups.first)
        #expect(group.onTarget == 1)
        #expect(group.weeks.map(\.week) == ["2026-05-18"])
    }

    @Test("writes start as writers (BEGIN IMMEDIATE) on a WAL file with a busy timeout")
    func immediateTransactions() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let statements = StatementLog()
        try log.dbQueue.inDatabase { db in db.trace { statements.append("\($0)") } }
        _ = try log.saveTake(StoreFixtures.take(seconds: 4))
        #expect(statements.all.first == "BEGIN IMMEDIATE TRANSACTION")
        #expect(statements.all.contains { $0.hasPrefix("INSERT INTO \"take\"") })
        let mode = try log.dbQueue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("a 0-byte file counts as empty and is migrated")
    func emptyFileIsNew() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        try PrivateFiles.makeDirectory(home.url)
        FileManager.default.createFile(atPath: home.databaseURL.path, contents: Data())
        let log = try SQLiteSessionLog(home: home)
        #expect(try log.takes(TakeFilter()).isEmpty)
    }

    @Test("reopening keeps the data and applies nothing twice")
    func reopen() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        _ = try SQLiteSessionLog(home: home).saveTake(StoreFixtures.take(seconds: 4))
        let again = try SQLiteSessionLog(home: home)
        #expect(try again.takes(TakeFilter()).count == 1)
    }

    @Test("directories are 0700 and the database files 0600 whatever the umask")
    func modes() throws {
        let old = umask(0)
        defer { umask(old) }
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        _ = try log.saveTake(StoreFixtures.take(seconds: 4))
        let session = try log.beginSession(trainee: "anna", devices: "default", appVersion: "test")
        let pending = try log.beginTake(TakeDraft(sessionId: session.id ?? 0, scenarioId: "s1", sampleRate: 16_000))
        #expect(PrivateFiles.mode(of: home.url.path) == 0o700)
        #expect(PrivateFiles.mode(of: home.recordingsURL.path) == 0o700)
        for suffix in ["", "-wal", "-shm"] {
            #expect(PrivateFiles.mode(of: home.databaseURL.path + suffix) == 0o600, "stilte.sqlite\(suffix)")
        }
        #expect(PrivateFiles.mode(of: home.url.appendingPathComponent(pending.recordingPath).path) == 0o600)
    }
}

@Suite("Refusing files it must not change")
struct RefusalTests {
    @Test("a database with a migration this build does not know: clear error, bytes unchanged")
    func unknownMigration() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        do {
            let log = try SQLiteSessionLog(home: home)
            try log.dbQueue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')")
            }
            try log.dbQueue.close()
        }
        let before = try #require(StoreFixtures.bytes(home.databaseURL))
        #expect(throws: StoreError.self) { try SQLiteSessionLog(home: home) }
        do {
            _ = try SQLiteSessionLog(home: home)
        } catch let error as StoreError {
            #expect(error.code == .newerSchema)
            #expect(error.description.contains("newer Stilte"))
            #expect(!error.description.contains("\n"))
        }
        #expect(StoreFixtures.bytes(home.databaseURL) == before)
    }

    @Test("a database with a larger user_version: clear error, bytes unchanged")
    func newerUserVersion() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        do {
            let log = try SQLiteSessionLog(home: home)
            try log.dbQueue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 7") }
            try log.dbQueue.close()
        }
        let before = try #require(StoreFixtures.bytes(home.databaseURL))
        let error = #expect(throws: StoreError.self) { try SQLiteSessionLog(home: home) }
        #expect(error?.code == .newerSchema)
        #expect(error?.description.contains("schema 7") == true)
        #expect(StoreFixtures.bytes(home.databaseURL) == before)
    }

    @Test("a file that is not SQLite: clear error, never overwritten")
    func notSQLite() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        try PrivateFiles.makeDirectory(home.url)
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: home.databaseURL)
        let error = #expect(throws: StoreError.self) { try SQLiteSessionLog(home: home) }
        #expect(error?.code == .corrupt)
        #expect(error?.description.contains(home.databaseURL.path) == true)
        #expect(StoreFixtures.bytes(home.databaseURL) == garbage)
        #expect(!FileManager.default.fileExists(atPath: home.databaseURL.path + "-wal"))
    }

    @Test("a database damaged past its header: clear error, bytes unchanged")
    func damagedPages() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        do {
            let log = try SQLiteSessionLog(home: home)
            for i in 0..<50 { _ = try log.saveTake(StoreFixtures.take(seconds: Double(i % 7))) }
            try log.dbQueue.close()
        }
        var bytes = try #require(StoreFixtures.bytes(home.databaseURL))
        // Keep the 100-byte header, scribble over everything else.
        for i in 100..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 131) }
        try bytes.write(to: home.databaseURL)
        let error = #expect(throws: StoreError.self) { try SQLiteSessionLog(home: home) }
        #expect(error?.code == .corrupt)
        #expect(StoreFixtures.bytes(home.databaseURL) == bytes)
    }
}

/// SQL statements seen by a trace, safe to append to from GRDB's queue.
final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []
    func append(_ statement: String) { lock.withLock { statements.append(statement) } }
    var all: [String] { lock.withLock { statements } }
}
