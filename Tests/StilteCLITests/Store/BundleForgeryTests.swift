import Foundation
import Testing

/// Issue #12 items 2 and 4: bundles that poison the log with impossible dates, forge reviews
/// on other trainees' takes or carry analyses and fields nobody measured.
@Suite("Forged bundles and poisoned rows")
struct BundleForgeryTests {
    @Test("item 2: a year-9999 or year-10000 date in a bundle is refused; nothing is stored")
    func impossibleDates() throws {
        let fixture = try BundleFixture()
        let trainer = try LogCLI()
        defer { fixture.cleanUp(); trainer.cleanUp() }
        for (label, date) in [("take-9999", "9999-12-31T23:59:59.000Z"), ("take-1970", "1970-01-01T00:00:00.000Z")] {
            try fixture.forge { $0[0]["createdAt"] = date }
            let result = try trainer.run("import-bundle", fixture.directory.path)
            #expect(LogCLI.refusedInOneLine(result), "\(label): \(result.stderr)")
            #expect(result.stderr.contains("createdAt") && result.stderr.contains("is outside 2000-01-01"), "\(label): \(result.stderr)")
        }
        try fixture.forge {
            $0[0]["createdAt"] = "2026-11-01T10:00:00.000Z"
            $0[1]["reviews"] = [["uuid": UUID().uuidString, "reviewer": "mark", "rating": 5, "createdAt": "9999-01-01T00:00:00.000Z"]]
        }
        let review = try trainer.run("import-bundle", fixture.directory.path)
        #expect(LogCLI.refusedInOneLine(review), "\(review.stderr)")
        #expect(review.stderr.contains("review ") && review.stderr.contains("is outside 2000-01-01"), "\(review.stderr)")
        #expect(try trainer.takesJSON().isEmpty)
        #expect(trainer.recordingFiles.isEmpty)
    }

    @Test("item 2: a row dated year 10000 already in the log: no command traps, each names the take, delete removes it")
    func poisonedRowIsReportedAndDeletable() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate-log", "--takes", "3", "--trainees", "1").status == 0)
        // What an older Stilte let a bundle store: a date GRDB cannot read back.
        try cli.tool("python3", ["-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("UPDATE take SET createdAt = '10000-01-01 00:00:00.000' WHERE id = 2")
            c.commit()
            """, cli.database.path])
        let commands: [[String]] = [["progress"], ["progress", "--csv"], ["takes"], ["takes", "--json"], ["review", "list"],
                                    ["review", "show", "2"], ["export", "--trainee", "trainee-0", cli.scratch.appendingPathComponent("out").path]]
        for command in commands {
            let result = try cli.run(command)
            #expect(!result.crashed, "\(command) crashed: \(result.stderr)")
            #expect(LogCLI.refusedInOneLine(result), "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("take 2") && result.stderr.contains("stilte delete 2"), "\(command): \(result.stderr)")
        }
        let deleted = try cli.run("delete", "2", "--yes")
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(try cli.run("progress").status == 0)
        #expect(try cli.takesJSON().count == 2)
    }

    @Test("item 4: a bundle cannot review another trainee's take: the same uuid with another trainee or recording is refused")
    func reviewOnSomeoneElsesTake() throws {
        let victim = try BundleFixture(takes: 1, trainee: "anna")
        let trainer = try LogCLI()
        defer { victim.cleanUp(); trainer.cleanUp() }
        #expect(try trainer.run("import-bundle", victim.directory.path).status == 0)
        let take = try #require(try trainer.takesJSON().first)
        let uuid = try #require(take["uuid"] as? String)

        // Bert's bundle claims anna's take uuid, with his own recording and a correction dated now.
        let attacker = try BundleFixture(takes: 1, trainee: "bert", seconds: 2)
        defer { attacker.cleanUp() }
        let forged: [String: Any] = ["uuid": UUID().uuidString, "reviewer": "mark", "comment": "great",
                                     "correctedPauseStart": 0.1, "correctedPauseEnd": 0.9, "createdAt": "2026-12-01T10:00:00.000Z"]
        for trainee in ["bert", "anna"] {
            try attacker.forge {
                $0[0]["uuid"] = uuid
                $0[0]["trainee"] = trainee
                $0[0]["reviews"] = [forged]
            }
            let result = try trainer.run("import-bundle", attacker.directory.path)
            #expect(LogCLI.refusedInOneLine(result), "\(trainee): \(result.stderr)")
            #expect(result.stderr.contains("already in the log (take 1) with another trainee or recording"), "\(result.stderr)")
        }
        #expect(try trainer.run("review", "list").stdout.contains("mark") == false)
        let after = try #require(try trainer.takesJSON().first)
        #expect(after["pauseDuration"] as? Double == take["pauseDuration"] as? Double)
        // The real bundle again, now with a review: it carries the take, so the review is taken.
        try victim.forge { $0[0]["reviews"] = [forged] }
        let again = try trainer.run("import-bundle", victim.directory.path)
        #expect(again.stdout.contains("Imported 0 takes (1 already in the log) and 1 reviews."), "\(again.stderr)")
    }

    @Test("item 4: forged fields are refused against the local limits; a forged analysis is replaced by a new one")
    func forgedFieldsAndAnalysis() throws {
        let fixture = try BundleFixture(takes: 1)
        let trainer = try LogCLI()
        defer { fixture.cleanUp(); trainer.cleanUp() }
        let original = try fixture.entries()
        let forgeries: [(String, Any, String)] = [
            ("turn", -5, "turn -5 is not between 1 and"),
            ("target", ["seconds": 4, "tolerance": 1e308], "tolerance"),
            ("target", ["seconds": -1, "tolerance": 0.5], "pause target -1"),
            ("trainee", "", "trainee name is empty"),
            ("trainee", String(repeating: "x", count: 500), "at most 100"),
            ("trainee", "anna\u{1b}[2J", "control characters"),
            ("overruns", -1, "overruns is not between"),
            ("reactionTime", 1e300, "reaction time"),
            ("recording", "recordings/../../../../etc/passwd", "is not recordings/NAME"),
            ("recording", "/etc/passwd", "is not recordings/NAME"),
            ("recording", "takes.json", "is not recordings/NAME"),
        ]
        for (key, value, expected) in forgeries {
            try fixture.forge { $0 = original; $0[0][key] = value }
            let result = try trainer.run("import-bundle", fixture.directory.path)
            #expect(LogCLI.refusedInOneLine(result), "\(key)=\(value): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(key): \(result.stderr)")
            #expect(try trainer.takesJSON().isEmpty)
        }
        // sampleRate Int.max and a 99 s "pause" in the analysis: stored as measured, not as claimed.
        try fixture.forge {
            $0 = original
            $0[0]["sampleRate"] = Int.max
            var analysis = $0[0]["analysis"] as? [String: Any] ?? [:]
            analysis["pause"] = ["start": 0.5, "end": 99.5, "duration": 99.0, "events": [Any]()]
            analysis["verdict"] = "on-target"
            $0[0]["analysis"] = analysis
            $0[0]["duration"] = 5000
        }
        let result = try trainer.run("import-bundle", fixture.directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let stored = try #require(try trainer.takesJSON().first)
        let claimed = try #require(original.first)
        #expect(stored["sampleRate"] as? Int == 16_000)
        #expect(abs((stored["duration"] as? Double ?? 0) - 1.0) < 0.01)
        #expect(stored["pauseDuration"] as? Double != 99.0)
        #expect(stored["verdict"] as? String == (claimed["verdict"] as? String))
    }

    @Test("item 6: CSV exports neutralise formulas in trainee and scenario names")
    func csvFormulas() throws {
        let fixture = try BundleFixture(takes: 1, trainee: "=HYPERLINK(\"http://x\",\"y\")")
        defer { fixture.cleanUp() }
        let csv = try String(contentsOf: fixture.directory.appendingPathComponent("takes.csv"), encoding: .utf8)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), "\(csv)")
        let progress = try fixture.source.run("progress", "--csv").stdout
        #expect(progress.contains("'=HYPERLINK"), "\(progress)")
        for line in (csv + progress).split(separator: "\n") {
            for field in line.split(separator: ",") {
                #expect(!["=", "+", "@"].contains(field.first.map(String.init) ?? ""), "\(line)")
            }
        }
    }
}
