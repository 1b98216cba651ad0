import Foundation
import Testing

/// The log's commands against a hostile or unlucky home (issue #12, items 3, 6 and 10), run as the built binary.
@Suite("Log commands in a hostile home")
struct HostileHomeCommandTests {
    private static func bytes(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

    private static func sqlite(_ database: URL, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", database.path, sql]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "sqlite3 \(sql)")
    }

    @Test("every reading command leaves stilte.sqlite byte for byte as it was, and leaves no -wal")
    func readingCommandsNeverWrite() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate-log", "--takes", "40", "--trainees", "2", "--scenarios", "2").status == 0)
        #expect(try cli.run("review", "rate", "3", "--rating", "4", "--reviewer", "mark").status == 0)
        let before = try #require(Self.bytes(cli.database))
        let reads: [[String]] = [["takes"], ["takes", "--json"], ["progress"], ["progress", "--csv"], ["review", "list"],
                                 ["review", "show", "3"], ["review", "agreement"]]
        for args in reads {
            let result = try cli.run(args)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            #expect(Self.bytes(cli.database) == before, "\(args) changed stilte.sqlite")
        }
        let wal = Self.bytes(URL(fileURLWithPath: cli.database.path + "-wal"))
        #expect((wal?.count ?? 0) == 0, "a -wal of \(wal?.count ?? 0) bytes was left")
    }

    @Test("a foreign SQLite file named stilte.sqlite: one line naming it, exit 1, no Stilte tables added")
    func foreignDatabaseIsRefused() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        try FileManager.default.createDirectory(at: cli.home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try Self.sqlite(cli.database, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
        let before = try #require(Self.bytes(cli.database))
        for args in [["takes"], ["progress"], ["generate-log", "--takes", "2"]] {
            let result = try cli.run(args)
            #expect(result.status != 0, "\(args)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(args): \(result.stderr)")
            #expect(result.stderr.contains(cli.database.path) && result.stderr.contains("another program"), "\(args): \(result.stderr)")
        }
        #expect(Self.bytes(cli.database) == before)
    }

    @Test("a home writable by everyone (1777) is refused with one line and keeps its mode")
    func worldWritableHomeIsRefused() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        try FileManager.default.createDirectory(at: cli.home, withIntermediateDirectories: true)
        #expect(chmod(cli.home.path, 0o1777) == 0)
        let result = try cli.run("takes")
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(cli.home.path) && result.stderr.contains("STILTE_HOME"), "\(result.stderr)")
        let dutch = try cli.run("--lang", "nl", "takes")
        #expect(dutch.status != 0 && dutch.stderr.contains("schrijfbaar voor andere gebruikers"), "\(dutch.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: cli.home.path)[.posixPermissions] as? Int
        #expect(mode == 0o1777)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home.path).isEmpty)
    }

    @Test("review export and analyze --textgrid/--labels write 0600 files under umask 000")
    func exportsArePrivateUnderUmaskZero() throws {
        var cli = try LogCLI()
        defer { cli.cleanUp() }
        cli.umask = "000"
        #expect(try cli.run("generate-log", "--takes", "4").status == 0)
        let grid = cli.scratch.appendingPathComponent("take3.TextGrid"), labels = cli.scratch.appendingPathComponent("take3.txt")
        #expect(try cli.run("review", "export", "3", "--textgrid", grid.path).status == 0)
        #expect(try cli.run("review", "export", "3", "--labels", labels.path).status == 0)
        let answer = cli.scratch.appendingPathComponent("answer.wav")
        try AnalyzeCommandTests.writeAnswer(answer.path, words: AnalyzeCommandTests.refusal + [(6.0, 7.0)], seconds: 7.5)
        let analyzed = (grid: cli.scratch.appendingPathComponent("answer.TextGrid"), labels: cli.scratch.appendingPathComponent("answer.txt"))
        let run = try cli.run("analyze", answer.path, "--textgrid", analyzed.grid.path, "--labels", analyzed.labels.path)
        #expect(run.status == 0, "\(run.stderr)")
        for file in [grid, labels, analyzed.grid, analyzed.labels] {
            #expect(LogCLI.mode(file.path) == 0o600, "\(file.lastPathComponent)")
            #expect((Self.bytes(file)?.count ?? 0) > 0, "\(file.lastPathComponent)")
        }
    }

    @Test("escape sequences in a trainee name, a scenario id or a comment never reach the terminal")
    func escapesAreNotPrinted() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate-log", "--takes", "4", "--trainees", "1", "--scenarios", "1").status == 0)
        // As a bundle or an older Stilte could have stored them: clear screen, set title, bell, C1 CSI.
        try Self.sqlite(cli.database, """
            UPDATE trainee SET name = 'eve' || char(27) || '[2J' || char(27) || ']0;owned' || char(7);
            UPDATE take SET scenarioId = 'x' || char(155) || '31m';
            """)
        // A name typed with control characters is refused; a comment keeps them but never prints them.
        let badName = try cli.run("review", "rate", "3", "--rating", "2", "--reviewer", "m\u{1B}[1mark")
        #expect(badName.status == 1 && badName.stderr.contains("control characters"), "\(badName.stderr)")
        #expect(try cli.run("review", "rate", "3", "--rating", "2", "--comment", "ok\u{1B}[31m red\u{1B}[0m", "--reviewer", "mark").status == 0)
        for args in [["takes"], ["review", "list"], ["review", "show", "3"], ["progress"]] {
            let result = try cli.run(args)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            let controls = result.stdout.unicodeScalars.filter { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }
            #expect(controls.isEmpty, "\(args) printed \(controls.map { String($0.value, radix: 16) })")
            #expect(result.stdout.contains("eve"), "\(args)")
        }
    }
}
