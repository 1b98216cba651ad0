import Foundation
import Testing

/// `stilte users`: accounts in the shared log on a real PostgreSQL (`scripts/with-postgres`).
@Suite("stilte users: accounts of the shared log", .serialized)
struct UsersCommandTests {
    static let serverURL = ProcessInfo.processInfo.environment["STILTE_TEST_POSTGRES_URL"]
    static let required = ProcessInfo.processInfo.environment["STILTE_REQUIRE_POSTGRES"] == "1"

    /// Runs `stilte args…` with `input` on standard input.
    static func run(_ args: [String], input: String = "", environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = LogCLI.executable
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "STILTE_DATABASE_URL")
        env.merge(environment) { _, new in new }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// A new database on the test server, as a URL for `STILTE_DATABASE_URL`.
    static func freshDatabase() throws -> (url: String, drop: () -> Void) {
        guard let serverURL else { throw PostgresAbsent() }
        let name = "stilte_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        func psql(_ statement: String) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            process.arguments = ["-q", "-v", "ON_ERROR_STOP=1", serverURL, "-c", statement]
            try process.run()
            process.waitUntilExit()
        }
        try psql("CREATE DATABASE \(name)")
        let url = serverURL.replacingOccurrences(of: "/stilte?", with: "/\(name)?")
        return (url, { try? psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
    }

    struct PostgresAbsent: Error, CustomStringConvertible {
        var description: String { "PostgreSQL is absent (no STILTE_TEST_POSTGRES_URL); run through scripts/with-postgres" }
    }

    @Test("add, list, token, passwd, remove; refusals are one line with exit 1",
          .enabled(if: serverURL != nil || required, "PostgreSQL is absent: run through scripts/with-postgres"))
    func accounts() throws {
        let database = try Self.freshDatabase()
        defer { database.drop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-users-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["STILTE_DATABASE_URL": database.url, "STILTE_HOME": home.path]
        let added = try Self.run(["users", "add", "marit", "--role", "trainer", "--organisation", "acme"], input: "correct horse battery\n", environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try Self.run(["users", "add", "anna", "--role", "trainee", "--organisation", "acme"], input: "another long secret\n", environment: env).status == 0)
        let list = try Self.run(["users", "list"], environment: env)
        #expect(list.stdout == "anna\ttrainee\tacme\nmarit\ttrainer\tacme\n")
        let twice = try Self.run(["users", "add", "anna", "--role", "trainee", "--lang", "nl"], input: "another long secret\n", environment: env)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("er is al een account anna"))
        #expect(twice.stderr.split(separator: "\n").count == 1)
        let short = try Self.run(["users", "add", "bert", "--role", "trainee"], input: "short\n", environment: env)
        #expect(short.status == 1)
        #expect(short.stderr.contains("at least 10"))
        let token = try Self.run(["users", "token", "anna"], environment: env)
        #expect(token.stdout.trimmingCharacters(in: .newlines).range(of: "^[0-9a-f]{64}$", options: .regularExpression) != nil)
        #expect(try Self.run(["users", "passwd", "anna"], input: "a new long secret\n", environment: env).status == 0)
        #expect(try Self.run(["users", "remove", "anna"], environment: env).status == 0)
        #expect(try Self.run(["users", "list"], environment: env).stdout == "marit\ttrainer\tacme\n")
        let gone = try Self.run(["users", "remove", "anna"], environment: env)
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("no account anna"))
        // The stored hash is bcrypt's, never the password.
        let dump = Process()
        dump.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        dump.arguments = ["-tA", database.url, "-c", "SELECT password_hash FROM account"]
        let pipe = Pipe()
        dump.standardOutput = pipe
        try dump.run()
        let hashes = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        dump.waitUntilExit()
        #expect(hashes.hasPrefix("$2b$12$"))
        #expect(!hashes.contains("correct horse"))
    }

    @Test("without a shared log, users says how to name one")
    func needsSharedLog() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-users-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try Self.run(["users", "list"], environment: ["STILTE_HOME": home.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("STILTE_DATABASE_URL"))
    }
}
