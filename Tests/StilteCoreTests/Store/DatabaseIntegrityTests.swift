import Foundation
import GRDB
import Testing
@testable import StilteCore
@testable import StilteStoreSQLite

/// Opening the log changes nothing it should not (issue #12, item 10): reading never grows the file,
/// a damaged or foreign file and a write-ahead log from a newer Stilte stay exactly as they were.
@Suite("Opening the log leaves files alone")
struct DatabaseIntegrityTests {
    /// A log with `count` takes, closed (checkpointed, no -wal left).
    private static func closedLog(takes count: Int) throws -> StilteHome {
        let home = StoreFixtures.home()
        let log = try SQLiteSessionLog(home: home)
        for i in 0..<count { _ = try log.saveTake(StoreFixtures.take(seconds: Double(i % 7))) }
        try log.dbQueue.close()
        return home
    }

    private static func files(_ home: StilteHome) -> [String: Data] {
        var found: [String: Data] = [:]
        for suffix in ["", "-wal", "-shm"] {
            if let data = StoreFixtures.bytes(URL(fileURLWithPath: home.databaseURL.path + suffix)) { found[suffix] = data }
        }
        return found
    }

    @Test("twenty opens for writing that write nothing leave the file byte for byte as it was")
    func opensDoNotGrowTheFile() throws {
        let home = try Self.closedLog(takes: 20)
        defer { StoreFixtures.remove(home) }
        let before = try #require(StoreFixtures.bytes(home.databaseURL))
        for _ in 0..<20 {
            let log = try SQLiteSessionLog(home: home)
            #expect(try log.takes(TakeFilter()).count == 20)
            try log.dbQueue.close()
        }
        let after = try #require(StoreFixtures.bytes(home.databaseURL))
        #expect(after.count == before.count, "grew from \(before.count) to \(after.count) bytes")
        #expect(after == before)
    }

    @Test("a read-only open reads the takes and never writes: no byte, no -wal, no new page")
    func readOnlyNeverWrites() throws {
        let home = try Self.closedLog(takes: 20)
        defer { StoreFixtures.remove(home) }
        let before = try #require(StoreFixtures.bytes(home.databaseURL))
        for _ in 0..<5 {
            let log = try SQLiteSessionLog(home: home, access: .readOnly)
            #expect(try log.takes(TakeFilter()).count == 20)
            #expect(throws: (any Error).self) { _ = try log.saveTake(StoreFixtures.take(seconds: 4)) }
            try log.dbQueue.close()
        }
        #expect(StoreFixtures.bytes(home.databaseURL) == before)
        #expect(StoreFixtures.bytes(URL(fileURLWithPath: home.databaseURL.path + "-wal")).map(\.count) ?? 0 == 0)
    }

    @Test("a read-only open of a home that has no log yet creates nothing")
    func readOnlyCreatesNothing() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home, access: .readOnly)
        #expect(try log.takes(TakeFilter()).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: home.url.path))
    }

    @Test("a read-only open of an older log migrates it once, then reads")
    func readOnlyMigratesAnOlderLog() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        try PrivateFiles.makeDirectory(home.url)
        let queue = try DatabaseQueue(path: home.databaseURL.path)
        try Schema.migrator.migrate(queue, upTo: Schema.firstMigration)
        try queue.close()
        let log = try SQLiteSessionLog(home: home, access: .readOnly)
        #expect(try log.dbQueue.read { db in try Schema.migrator.hasCompletedMigrations(db) })
    }

    @Test("a log damaged past its schema: reading fails as corrupt and the file stays byte for byte")
    func damagedLogStaysUntouched() throws {
        let home = try Self.closedLog(takes: 300)
        defer { StoreFixtures.remove(home) }
        var bytes = try #require(StoreFixtures.bytes(home.databaseURL))
        let pageSize = 4096
        #expect(bytes.count > pageSize * 8)
        // Keep the first pages (header, schema), scribble over the take pages at the end.
        for i in (bytes.count - pageSize * 4)..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 131) }
        try bytes.write(to: home.databaseURL)
        for access in [SQLiteSessionLog.Access.readWrite, .readOnly] {
            do {
                let log = try SQLiteSessionLog(home: home, access: access)
                _ = try log.takes(TakeFilter())
                _ = try log.progress(TakeFilter())
                try log.dbQueue.close()
                Issue.record("\(access): damaged pages went unnoticed")
            } catch let error as StoreError {
                #expect(error.code == .corrupt, "\(access): \(error)")
            }
            #expect(StoreFixtures.bytes(home.databaseURL) == bytes, "\(access)")
        }
    }

    @Test("a write-ahead log holding a newer schema is refused; neither it nor the log is checkpointed or deleted")
    func newerSchemaInTheWAL() throws {
        let source = try Self.closedLog(takes: 3)
        defer { StoreFixtures.remove(source) }
        // A newer Stilte, still running (or killed): its migration is only in the -wal.
        var configuration = Configuration()
        configuration.journalMode = .wal
        let newer = try DatabaseQueue(path: source.databaseURL.path, configuration: configuration)
        try newer.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')") }
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        try PrivateFiles.makeDirectory(home.url)
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: source.databaseURL.path + suffix, toPath: home.databaseURL.path + suffix)
        }
        try newer.close()
        let before = Self.files(home)
        let wal = try #require(before["-wal"])
        #expect(wal.count > 0)
        for access in [SQLiteSessionLog.Access.readWrite, .readOnly] {
            let error = #expect(throws: StoreError.self) { try SQLiteSessionLog(home: home, access: access) }
            #expect(error?.code == .newerSchema, "\(access)")
            #expect(StoreFixtures.bytes(home.databaseURL) == before[""], "\(access): the log is unchanged")
            #expect(StoreFixtures.bytes(URL(fileURLWithPath: home.databaseURL.path + "-wal")) == wal, "\(access): the -wal is kept as it was")
        }
    }

    @Test("an SQLite file of another program named stilte.sqlite is refused and gets no Stilte tables")
    func foreignDatabase() throws {
        for kind in ["plain", "another GRDB app"] {
            let home = StoreFixtures.home()
            defer { StoreFixtures.remove(home) }
            try PrivateFiles.makeDirectory(home.url)
            let queue = try DatabaseQueue(path: home.databaseURL.path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
                try db.execute(sql: "INSERT INTO notes (text) VALUES ('mine')")
                if kind != "plain" {
                    try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                    try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('createNotes')")
                }
            }
            try queue.close()
            let before = try #require(StoreFixtures.bytes(home.databaseURL))
            for access in [SQLiteSessionLog.Access.readWrite, .readOnly] {
                let error = #expect(throws: StoreError.self) { try SQLiteSessionLog(home: home, access: access) }
                #expect(error?.code == .foreign, "\(kind), \(access)")
                #expect(error?.description.hasPrefix(home.databaseURL.path) == true)
                #expect(error?.message.contains("another program") == true)
            }
            #expect(StoreFixtures.bytes(home.databaseURL) == before, "\(kind)")
            let check = try DatabaseQueue(path: home.databaseURL.path, configuration: { var c = Configuration(); c.readonly = true; return c }())
            #expect(try check.read { db in try db.tableExists("take") } == false, "\(kind)")
        }
    }
}
