import Foundation
import Testing

/// Issue #16 on a real session log: filters that match nothing, UUIDs as take ids, review export.
@Suite("Small things: filters, UUID take ids, review export")
struct SmallThingsTests {
    @Test("A filter that matches nothing says so, suggests the nearest names, and an unknown name exits 1")
    func filtersThatMatchNothing() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate-log", "--takes", "8", "--trainees", "2", "--scenarios", "2").status == 0)

        // Trainee names match whatever their case.
        #expect(try cli.takesJSON("--trainee", "TRAINEE-0").count == 4)
        #expect(try cli.run("review", "list", "--trainee", "Trainee-1").stdout.split(separator: "\n").count == 4)

        let mistyped = try cli.run("takes", "--trainee", "trainee0")
        #expect(mistyped.status == 1)
        #expect(mistyped.stdout.isEmpty)
        #expect(mistyped.stderr == "Error: no trainee 'trainee0' in the log. Did you mean trainee-0? (`stilte progress` lists the trainees)\n")

        let scenario = try cli.run("takes", "--scenario", "scenaro-1")
        #expect(scenario.status == 1)
        #expect(scenario.stderr.contains("no scenario 'scenaro-1' in the log or the scenario files. Did you mean scenario-1?"))
        #expect(try cli.run("progress", "--trainee", "nobody-at-all").status == 1)

        // A known scenario (a scenario file) without takes: nothing matched, not an error.
        let none = try cli.run("takes", "--scenario", "clinic-flatters.nl")
        #expect(none.status == 0)
        #expect(none.stdout == "No takes match (scenario clinic-flatters.nl).\n")
        let dutch = try cli.run(["takes", "--trainee", "trainee-0", "--since", "2030-01-01"], language: "nl")
        #expect(dutch.stdout == "Geen opnamen gevonden (trainee trainee-0, vanaf 2030-01-01).\n")
        #expect(try cli.run(["takes", "--trainee", "trainee0"], language: "nl").stderr.contains("Bedoel je trainee-0?"))
    }

    @Test("A take's UUID, or a unique start of it, works wherever a take id does; takes and review show print it")
    func uuidsAsTakeIds() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate-log", "--takes", "3", "--trainees", "1", "--scenarios", "1").status == 0)
        let take = try #require(try cli.takesJSON().first { ($0["id"] as? Int) == 2 })
        let uuid = try #require(take["uuid"] as? String)
        let short = String(uuid.prefix(8))

        let table = try cli.run("takes").stdout.split(separator: "\n").map(String.init)
        #expect(table.first?.hasPrefix("ID    UUID     CREATED") == true)
        #expect(table.contains { $0.hasPrefix("2     \(short) ") })

        let show = try cli.run("review", "show", short)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("Take 2 · \(uuid) · "))
        #expect(try cli.run("review", "show", uuid.uppercased()).stdout.hasPrefix("Take 2 · "))
        let rated = try cli.run("review", "rate", String(uuid.prefix(6)), "--rating", "4")
        #expect(rated.stdout == "Rated take 2: 4/5.\n")

        let tooShort = try cli.run("review", "show", "zz")
        #expect(tooShort.status == 1)
        #expect(tooShort.stderr.contains("no take zz in the log"))
        // A number is an id first.
        #expect(try cli.run("review", "show", "3").stdout.hasPrefix("Take 3 · "))
    }

    @Test("review export writes TextGrid and labels at once, the recording beside the TextGrid, an events tier, all 0600")
    func reviewExportSeveralFormats() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        let wav = try cli.answer(pause: 2.5, name: "ex")
        #expect(try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        let out = cli.scratch.appendingPathComponent("praat")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        let export = try cli.run("review", "export", "1", "--textgrid", out.path, "--labels", out.path)
        #expect(export.status == 0, "\(export.stderr)")
        let names = ["take-1.TextGrid", "take-1.wav", "take-1.txt"]
        #expect(export.stdout == names.map { "Wrote \(out.appendingPathComponent($0).path).\n" }.joined())
        for name in names { #expect(LogCLI.mode(out.appendingPathComponent(name).path) == 0o600, "\(name)") }
        let grid = try String(contentsOf: out.appendingPathComponent("take-1.TextGrid"), encoding: .utf8)
        #expect(grid.contains("size = 3") && grid.contains("name = \"events\""))
        let take = try #require(try cli.takesJSON().first)
        let recording = cli.home.appendingPathComponent(try #require(take["recording"] as? String))
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent("take-1.wav").path) == FileManager.default.contents(atPath: recording.path))

        // A file name: the recording takes the TextGrid's name; --no-audio leaves it out.
        let named = cli.scratch.appendingPathComponent("anna.TextGrid")
        #expect(try cli.run("review", "export", "1", "--textgrid", named.path).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("anna.wav").path))
        let bare = cli.scratch.appendingPathComponent("bare.TextGrid")
        #expect(try cli.run("review", "export", "1", "--textgrid", bare.path, "--no-audio").status == 0)
        #expect(!FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("bare.wav").path))
        #expect(try cli.run("review", "export", "1").status != 0)
    }
}

extension LogCLI {
    /// `stilte args…` speaking `language` (`STILTE_LANG`).
    func run(_ args: [String], language: String) throws -> Result {
        var speaking = self
        speaking.environment["STILTE_LANG"] = language
        return try speaking.run(args)
    }
}
