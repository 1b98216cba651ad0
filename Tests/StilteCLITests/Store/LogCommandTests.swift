import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("Session log commands on a real SQLite file")
struct LogCommandTests {
    @Test("takes, progress, review list/rate/correct/show/agreement on a generated log")
    func everyDayCommands() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("takes").stdout.contains("No takes yet."))
        #expect(try cli.run("generate-log", "--takes", "40", "--trainees", "2", "--scenarios", "2").status == 0)

        let all = try cli.takesJSON()
        #expect(all.count == 40)
        #expect(try cli.takesJSON("--trainee", "trainee-0").count == 20)
        #expect(try cli.takesJSON("--trainee", "trainee-0", "--scenario", "scenario-1").count == 10)
        // generate-log spaces takes 5 minutes apart from 2020-01-01 00:00 UTC: 12 per hour.
        #expect(try cli.takesJSON("--since", "2020-01-01T02:00:00Z").count == 16)
        let table = try cli.run("takes", "--trainee", "trainee-1").stdout
        #expect(table.hasPrefix("ID"))
        #expect(table.split(separator: "\n").count == 21)

        let bad = try cli.run("takes", "--since", "yesterday")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--since yesterday is not a date"))

        let progress = try cli.run("progress").stdout
        #expect(progress.contains("trainee-0 · scenario-0: 10 takes, on target"))
        #expect(progress.contains(" of 10") || progress.contains("% of 10"))
        #expect(progress.contains("last 10: "))
        let dutch = try cli.run("--lang", "nl", "progress").stdout
        #expect(dutch.contains("trainee-0 · scenario-0: 10 opnamen, raak ") && dutch.contains("laatste 10: "), "\(dutch)")
        let csv = try cli.run("progress", "--csv").stdout.split(separator: "\n")
        #expect(csv.count == 5)
        #expect(csv.first?.hasPrefix("trainee,scenario,takes") == true)
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run("progress", "--json", "--trainee", "trainee-0").stdout.utf8)) as? [String: Any]
        #expect((json?["groups"] as? [Any])?.count == 2)
        #expect(try cli.run("progress", "--json", "--csv").status != 0)

        #expect(try cli.run("review", "list", "--unreviewed").stdout.split(separator: "\n").count == 40)
        let rated = try cli.run("review", "rate", "3", "--rating", "4", "--comment", "calm and clear", "--reviewer", "mark")
        #expect(rated.status == 0)
        #expect(try cli.run("review", "list", "--unreviewed").stdout.split(separator: "\n").count == 39)
        let outOfRange = try cli.run("review", "rate", "3", "--rating", "9")
        #expect(outOfRange.status != 0)
        #expect(outOfRange.stderr.contains("--rating 9 is out of range"))
        let noTake = try cli.run("review", "rate", "999", "--rating", "3")
        #expect(noTake.status != 0)
        #expect(noTake.stderr.contains("no take 999"))

        let detected = try #require(all.first { ($0["id"] as? Int) == 3 })
        let corrected = try cli.run("review", "correct", "3", "--pause-start", "1.5", "--pause-end", "5.5", "--reviewer", "mark")
        #expect(corrected.status == 0)
        #expect(corrected.stdout.contains("pause 4.00 s (corrected), on-target"))
        let after = try #require(try cli.takesJSON().first { ($0["id"] as? Int) == 3 })
        #expect(after["pauseDuration"] as? Double == 4.0)
        #expect(after["verdict"] as? String == "on-target")
        #expect((after["detectedPause"] as? [String: Double]) == (detected["detectedPause"] as? [String: Double]))

        let show = try cli.run("review", "show", "3").stdout
        #expect(show.contains("Pause: 1.50–5.50 s = 4.00 s (trainer's correction; detected"))
        #expect(show.contains("mark: rating 4/5; “calm and clear”"))
        #expect(show.contains("MISSING"))  // generated takes have no recording file
        #expect(show.contains("█ speech"))
        #expect(show.contains("Verdict: on-target"))
        #expect(show.contains("Tip: "))
        // The same take in Dutch: every label, decimal commas, nothing left in English.
        let dutchShow = try cli.run("review", "show", "3", "--lang", "nl").stdout
        #expect(dutchShow.contains("Pauze: 1,50–5,50 s = 4,00 s (correctie van de trainer; gemeten"), "\(dutchShow)")
        #expect(dutchShow.contains("mark: cijfer 4/5; “calm and clear”") && dutchShow.contains("ONTBREEKT") && dutchShow.contains("Oordeel: "))
        for word in ["Pause:", "Verdict", "Recording", "Reviews", "rating", "MISSING", "reliable", "trainer's"] {
            #expect(!dutchShow.contains(word), "'\(word)' in: \(dutchShow)")
        }

        let agreement = try cli.run("review", "agreement").stdout
        #expect(agreement.contains("Corrected takes: 1"))
        #expect(agreement.contains("median"))
    }

    @Test("delete asks on a terminal, refuses without one, removes row and file with --yes")
    func delete() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        let wav = try cli.answer(pause: 3, name: "d")
        #expect(try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        let take = try #require(try cli.takesJSON().first)
        let recording = cli.home.appendingPathComponent(try #require(take["recording"] as? String)).path
        #expect(FileManager.default.fileExists(atPath: recording))
        let refused = try cli.run("delete", "1")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("add --yes"))
        #expect(FileManager.default.fileExists(atPath: recording))
        // On a terminal (util-linux `script` gives it one) it asks; "n" keeps, "y" deletes.
        let command = "'\(LogCLI.executable.path)' delete 1"
        let kept = try cli.run(onTerminal: command, input: "n\n")
        #expect(kept.contains("and its recording? [y/N]"))
        #expect(kept.contains("Kept."))
        #expect(FileManager.default.fileExists(atPath: recording))
        let deleted = try cli.run(onTerminal: command, input: "y\n")
        #expect(deleted.contains("Deleted take 1"))
        #expect(!FileManager.default.fileExists(atPath: recording))
        #expect(try cli.takesJSON().isEmpty)
        #expect(try cli.run("delete", "1", "--yes").stderr.contains("no take 1"))
    }

    @Test("progress --plot writes an SVG with the target band and one point per measured take")
    func plot() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate-log", "--takes", "30", "--trainees", "2", "--scenarios", "1").status == 0)
        let svg = cli.scratch.appendingPathComponent("progress.svg")
        let result = try cli.run("progress", "--plot", svg.path)
        #expect(result.status == 0)
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(text.hasSuffix("</svg>\n"))
        #expect(text.components(separatedBy: "<circle").count - 1 == 30)
        #expect(text.contains("target 4.0 ± 0.5 s"))
        #expect(text.contains("trainee-0 · scenario-0"))
        #expect(LogCLI.mode(svg.path) == 0o600)
        // Parses as XML (what a browser needs).
        #expect((try? XMLDocument(data: Data(text.utf8))) != nil)
    }

    @Test("a newer or corrupt database: one-line error, exit 1, file unchanged")
    func refusedFiles() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        try FileManager.default.createDirectory(at: cli.home, withIntermediateDirectories: true)
        let garbage = Data("this is not a database, it is a shopping list\n".utf8) + Data(repeating: 0x5A, count: 3000)
        try garbage.write(to: cli.database)
        let result = try cli.run("takes")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Error: \(cli.database.path): not a Stilte session log"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(FileManager.default.contents(atPath: cli.database.path) == garbage)

        try FileManager.default.removeItem(at: cli.database)
        #expect(try cli.run("generate-log", "--takes", "3").status == 0)
        // Another program (python3's sqlite3) marks the file as written by schema 99 (far above this Stilte's).
        try cli.tool("python3", ["-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 99'); c.close()", cli.database.path])
        let before = FileManager.default.contents(atPath: cli.database.path)
        let newer = try cli.run("progress")
        #expect(newer.status == 1)
        #expect(newer.stderr.contains("written by a newer Stilte (schema 99"))
        #expect(FileManager.default.contents(atPath: cli.database.path) == before)
    }

    @Test("files the log creates are 0600, directories 0700")
    func modes() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        let wav = try cli.answer(pause: 4, name: "m")
        #expect(try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        #expect(LogCLI.mode(cli.home.path) == 0o700)
        #expect(LogCLI.mode(cli.home.appendingPathComponent("recordings").path) == 0o700)
        #expect(LogCLI.mode(cli.database.path) == 0o600)
        let take = try #require(try cli.takesJSON().first)
        #expect(LogCLI.mode(cli.home.appendingPathComponent(try #require(take["recording"] as? String)).path) == 0o600)
    }
}
