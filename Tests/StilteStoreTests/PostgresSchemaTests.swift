import Foundation
import StilteCore
@testable import StilteStorePostgres
import Testing

/// The shared log's own rules: its migrations, its URL, concurrent servers.
@Suite("PostgreSQL log: schema, URL, concurrent writers", .serialized,
       .enabled(if: StoreKind.available.contains(.postgres), Comment(rawValue: TestPostgres.absence)))
struct PostgresSchemaTests {
    @Test("a database written by a newer Stilte is refused and left as it is")
    func newerSchema() throws {
        let store = try TestLog(.postgres)
        defer { store.remove() }
        (store.log as? PostgresSessionLog)?.close()
        try TestPostgresDatabase(store).run("UPDATE stilte_schema SET version = \(PostgresSchema.version + 1)")
        let error = try #require(throws: StoreError.self) { _ = try store.reopen() }
        #expect(error.code == .newerSchema)
        #expect(error.text(.nl).contains("schemaversie \(PostgresSchema.version + 1)"))
        #expect(try TestPostgresDatabase(store).count("SELECT version FROM stilte_schema") == PostgresSchema.version + 1)
    }

    @Test("a database of another program is refused and left as it is")
    func foreignDatabase() throws {
        let name = "stilte_test_foreign_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try TestPostgres.administer("CREATE DATABASE \(name)")
        defer { try? TestPostgres.administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        let other = try PostgresConnections(try TestPostgres.url(database: name), limit: 1, logger: .init(label: "test"))
        try other.withConnection { sql in try sql.run("CREATE TABLE invoices (id bigint)") }
        other.close()
        let home = StilteHome(url: FileManager.default.temporaryDirectory.appendingPathComponent("stilte-store-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: home.url) }
        let error = try #require(throws: StoreError.self) {
            _ = try PostgresSessionLog(location: try TestPostgres.url(database: name), home: home)
        }
        #expect(error.code == .foreign)
    }

    @Test("URLs: TCP with TLS by default, unix sockets, and one-line refusals")
    func urls() throws {
        let tcp = try PostgresLocation(url: "postgres://stilte:secret@db.example:6543/training")
        #expect(tcp.endpoint == .tcp(host: "db.example", port: 6543))
        #expect(tcp.tls)
        #expect(tcp.password == "secret")
        #expect(!tcp.redacted.contains("secret"))
        let socket = try PostgresLocation(url: "postgres://stilte@localhost/stilte?host=/run/pg")
        #expect(socket.endpoint == .socket(directory: "/run/pg", port: 5432))
        #expect(try !PostgresLocation(url: "postgres://s@h/d?sslmode=disable").tls)
        for bad in ["mysql://a@b/c", "postgres://a@b/", "postgres:///d", "postgres://a@b/c?sslmode=maybe",
                    "postgres://a@b:99999/c", String(repeating: "x", count: 5000)] {
            let error = try #require(throws: StoreError.self) { try PostgresLocation(url: bad) }
            #expect(error.code == .invalidInput)
        }
    }

    @Test("an unreachable server is one line naming it and what to do")
    func unreachable() throws {
        let home = StilteHome(url: FileManager.default.temporaryDirectory.appendingPathComponent("stilte-store-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: home.url) }
        let error = try #require(throws: StoreError.self) {
            _ = try PostgresSessionLog(location: PostgresLocation(url: "postgres://stilte@localhost/stilte?host=/nonexistent"), home: home)
        }
        #expect(error.message.contains("postgres://stilte@localhost/stilte?host=/nonexistent"))
        #expect(error.message.contains("STILTE_DATABASE_URL"))
        #expect(!error.message.contains("\n"))
    }

    @Test("two servers saving the same takes at once store each take once")
    func concurrentSaves() async throws {
        let store = try TestLog(.postgres)
        defer { store.remove() }
        let second = try store.reopen()
        let takes = (0..<40).map { Fixtures.take("t\($0 % 4)", seconds: 3, at: Fixtures.day.addingTimeInterval(Double($0))) }
        let logs: [any SessionLog] = [store.log, second]
        let added = try await withThrowingTaskGroup(of: Int.self) { group in
            for log in logs {
                group.addTask { try takes.reduce(0) { count, take in count + (try log.saveTake(take).added ? 1 : 0) } }
            }
            return try await group.reduce(0, +)
        }
        #expect(added == 40)
        #expect(try store.log.takes(TakeFilter()).count == 40)
        #expect(try store.log.trainees().count == 4)
    }
}

/// Direct statements on a test log's database, to damage or inspect it.
struct TestPostgresDatabase {
    let connections: PostgresConnections

    init(_ store: TestLog) throws {
        guard let log = store.log as? PostgresSessionLog else { throw StoreError(.invalidInput, "not a PostgreSQL log") }
        connections = try PostgresConnections(log.connections.location, limit: 1, logger: .init(label: "test"))
    }

    func run(_ statement: String) throws {
        try connections.withConnection { sql in try sql.run(.init(unsafeSQL: statement)) }
    }

    func count(_ statement: String) throws -> Int? {
        try connections.withConnection { sql in try sql.value(.init(unsafeSQL: statement), as: Int.self) }
    }
}
