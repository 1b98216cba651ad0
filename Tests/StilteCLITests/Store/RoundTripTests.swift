import Foundation
import Testing

@Suite("Round trips: import, bundles, TextGrids, playback")
struct RoundTripTests {
    @Test("import analyses real speech: a 4 s pause is on target, a 2 s one short")
    func importRecordings() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        let four = try cli.answer(pause: 4.0, name: "four"), two = try cli.answer(pause: 2.0, name: "two")
        let result = try cli.run("import", four.path, two.path, "--trainee", "anna", "--scenario", "clinic-flatters.en")
        #expect(result.status == 0, "\(result.stderr)")
        let takes = try cli.takesJSON()
        #expect(takes.count == 2)
        let pauses = takes.compactMap { $0["pauseDuration"] as? Double }
        #expect(pauses.count == 2)
        #expect(abs(pauses[0] - 4.0) < 0.5)
        #expect(abs(pauses[1] - 2.0) < 0.5)
        #expect(takes.map { $0["verdict"] as? String } == ["on-target", "short"])
        // The log keeps its own copy; the original may go.
        let copy = cli.home.appendingPathComponent(try #require(takes.first?["recording"] as? String))
        #expect(FileManager.default.contents(atPath: copy.path) == FileManager.default.contents(atPath: four.path))

        let missing = try cli.run("import", cli.scratch.appendingPathComponent("nope.wav").path, four.path, "--trainee", "anna", "--scenario", "clinic-flatters.en")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.wav: no such file"))
        #expect(try cli.takesJSON().count == 2)  // nothing added
    }

    @Test("TextGrid round trip: export, move the pause end, import; the correction counts in takes, progress and show")
    func textGrid() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        let wav = try cli.answer(pause: 2.5, name: "tg")
        #expect(try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        let grid = cli.scratch.appendingPathComponent("take.TextGrid")
        #expect(try cli.run("review", "export", "1", "--textgrid", grid.path).status == 0)
        let text = try String(contentsOf: grid, encoding: .utf8)
        // Find the pause interval and move its end 1.5 s later (as a trainer would in Praat).
        var lines = text.components(separatedBy: "\n")
        let label = try #require(lines.firstIndex { $0.contains("text = \"pause\"") })
        let startLine = lines[label - 2], endLine = lines[label - 1]
        let start = try #require(Double(startLine.split(separator: "=").last!.trimmingCharacters(in: .whitespaces)))
        let end = try #require(Double(endLine.split(separator: "=").last!.trimmingCharacters(in: .whitespaces)))
        let newEnd = end + 1.5
        lines[label - 1] = endLine.replacingOccurrences(of: endLine.split(separator: "=").last!, with: " \(newEnd)")
        let nextStart = try #require(lines.indices.first { $0 > label && lines[$0].contains("xmin") })
        lines[nextStart] = "            xmin = \(newEnd)"
        try lines.joined(separator: "\n").write(to: grid, atomically: true, encoding: .utf8)

        let imported = try cli.run("review", "import-textgrid", "1", grid.path, "--reviewer", "mark")
        #expect(imported.status == 0, "\(imported.stderr)")
        let take = try #require(try cli.takesJSON().first)
        let expected = newEnd - start
        #expect(abs((take["pauseDuration"] as? Double ?? 0) - expected) < 1e-6)
        #expect(abs(((take["detectedPause"] as? [String: Double])?["end"] ?? 0) - end) < 1e-6)
        let progress = try JSONSerialization.jsonObject(with: Data(try cli.run("progress", "--json").stdout.utf8)) as? [String: Any]
        let group = try #require((progress?["groups"] as? [[String: Any]])?.first)
        #expect(abs((group["medianPause"] as? Double ?? 0) - expected) < 1e-6)
        #expect(try cli.run("review", "show", "1").stdout.contains("trainer's correction"))
        // Exporting again writes the corrected pause.
        #expect(try cli.run("review", "export", "1", "--labels", cli.scratch.appendingPathComponent("l.txt").path).status == 0)
        let labels = try String(contentsOf: cli.scratch.appendingPathComponent("l.txt"), encoding: .utf8)
        #expect(labels.contains(String(format: "pause %.2f s", expected)))

        let bad = cli.scratch.appendingPathComponent("bad.TextGrid")
        try "hello".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try cli.run("review", "import-textgrid", "1", bad.path)
        #expect(refused.status != 0)
        #expect(refused.stderr.hasPrefix("Error: \(bad.path): "))
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }

    @Test("bundle round trip: export, import on another machine, import again adds nothing")
    func bundle() throws {
        let trainee = try LogCLI(), trainer = try LogCLI()
        defer { trainee.cleanUp(); trainer.cleanUp() }
        let a = try trainee.answer(pause: 4, name: "a"), b = try trainee.answer(pause: 2, name: "b")
        #expect(try trainee.run("import", a.path, b.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        let c = try trainee.answer(pause: 3, name: "c")
        #expect(try trainee.run("import", c.path, "--trainee", "bert", "--scenario", "clinic-flatters.en").status == 0)
        #expect(try trainee.run("review", "correct", "2", "--pause-start", "2.9", "--pause-end", "6.9", "--reviewer", "self").status == 0)
        let directory = trainee.scratch.appendingPathComponent("bundle")
        #expect(try trainee.run("export", "--trainee", "anna", directory.path).status == 0)
        for name in ["takes.json", "takes.csv"] {
            #expect(LogCLI.mode(directory.appendingPathComponent(name).path) == 0o600)
        }
        #expect(LogCLI.mode(directory.appendingPathComponent("recordings").path) == 0o700)
        // Exporting into a directory of the user's leaves that directory's own mode alone.
        let shared = trainee.scratch.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        #expect(try trainee.run("export", "--trainee", "bert", shared.path).status == 0)
        #expect(LogCLI.mode(shared.path) == 0o755)
        #expect(LogCLI.mode(shared.appendingPathComponent("takes.json").path) == 0o600)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("recordings").path)
        #expect(files.count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("textgrids").path).count == 2)
        #expect(try String(contentsOf: directory.appendingPathComponent("takes.csv"), encoding: .utf8).split(separator: "\n").count == 3)

        let first = try trainer.run("import-bundle", directory.path)
        #expect(first.stdout.contains("Imported 2 takes (0 already in the log) and 1 reviews."))
        let second = try trainer.run("import-bundle", directory.path)
        #expect(second.stdout.contains("Imported 0 takes (2 already in the log) and 0 reviews."))
        let original = try trainee.takesJSON("--trainee", "anna"), copied = try trainer.takesJSON()
        #expect(copied.count == 2)
        for key in ["uuid", "pauseDuration", "verdict", "scenario", "trainee"] {
            #expect(copied.map { "\($0[key] ?? "")" } == original.map { "\($0[key] ?? "")" }, "\(key)")
        }
        for (mine, theirs) in zip(original, copied) {
            let x = FileManager.default.contents(atPath: trainee.home.appendingPathComponent(mine["recording"] as? String ?? "").path)
            let y = FileManager.default.contents(atPath: trainer.home.appendingPathComponent(theirs["recording"] as? String ?? "").path)
            #expect(x != nil && x == y)
        }

        // A bundle missing a recording or with a damaged index: one line, nothing imported.
        let third = try LogCLI()
        defer { third.cleanUp() }
        let broken = trainee.scratch.appendingPathComponent("broken")
        try FileManager.default.copyItem(at: directory, to: broken)
        try FileManager.default.removeItem(at: broken.appendingPathComponent("recordings").appendingPathComponent(files[0]))
        let missing = try third.run("import-bundle", broken.path)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("is not in the bundle; nothing was imported"))
        #expect(try third.takesJSON().isEmpty)
        try "[{\"uuid\": \"x\"}]".write(to: broken.appendingPathComponent("takes.json"), atomically: true, encoding: .utf8)
        let damaged = try third.run("import-bundle", broken.path)
        #expect(damaged.stderr.contains("takes.json: not a Stilte bundle index (at [0].uuid:"))
        #expect(damaged.stderr.split(separator: "\n").count == 1)

        let unknown = try trainee.run("export", "--trainee", "nobody", trainee.scratch.appendingPathComponent("none").path)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no takes for trainee nobody"))
    }

    @Test("review play sends the recording, or from just before the pause, through ALSA; a missing file is said plainly")
    func play() throws {
        var cli = try LogCLI()
        defer { cli.cleanUp() }
        let config = cli.scratch.appendingPathComponent("asound.conf")
        try """
        pcm.stilte_log_out {
          @args [ OUTFILE ]
          @args.OUTFILE { type string }
          type file slave.pcm { type null } file $OUTFILE format raw
        }

        """.write(to: config, atomically: true, encoding: .utf8)
        cli.environment["ALSA_CONFIG_PATH"] = config.path
        let wav = try cli.answer(pause: 3, name: "p")
        #expect(try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        let take = try #require(try cli.takesJSON().first)
        let whole = cli.scratch.appendingPathComponent("whole.raw"), tail = cli.scratch.appendingPathComponent("tail.raw")
        let played = try cli.run("review", "play", "1", "--device", "stilte_log_out:OUTFILE=\"\(whole.path)\"")
        #expect(played.status == 0, "\(played.stderr)")
        #expect(try cli.run("review", "play", "1", "--from-pause", "--device", "stilte_log_out:OUTFILE=\"\(tail.path)\"").status == 0)
        // espeak-ng writes 22050 Hz mono 16-bit: 2 bytes a frame.
        let rate = 22_050.0
        let duration = take["duration"] as? Double ?? 0
        let pauseStart = (take["detectedPause"] as? [String: Double])?["start"] ?? 0
        let wholeBytes = Double(FileManager.default.contents(atPath: whole.path)?.count ?? 0)
        let tailBytes = Double(FileManager.default.contents(atPath: tail.path)?.count ?? 0)
        #expect(abs(wholeBytes / 2 / rate - duration) < 0.05)
        #expect(abs(tailBytes / 2 / rate - (duration - (pauseStart - 1.0))) < 0.05)

        let recording = cli.home.appendingPathComponent(take["recording"] as? String ?? "")
        try FileManager.default.removeItem(at: recording)
        let missing = try cli.run("review", "play", "1", "--device", "stilte_log_out:OUTFILE=\"\(whole.path)\"")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("the recording of take 1 is missing"))
        let export = try cli.run("export", "--trainee", "anna", cli.scratch.appendingPathComponent("b").path)
        #expect(export.status != 0)
        #expect(export.stderr.contains("the recording of take 1 is missing"))
        #expect(try cli.run("review", "show", "1").stdout.contains("MISSING"))
    }
}

@Suite("Recovery of interrupted recordings")
struct RecoveryCLITests {
    @Test("a take left recording by a crashed process is measured from its file on the next start")
    func recoversOnNextStart() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate-log", "--takes", "1").status == 0)
        let wav = try cli.answer(pause: 4, name: "crash")
        let relative = "recordings/crashed.wav"
        try FileManager.default.copyItem(at: wav, to: cli.home.appendingPathComponent(relative))
        // What a process killed while recording leaves: a row in state 'recording' and its file.
        try cli.tool("python3", ["-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("INSERT INTO take (uuid, traineeId, scenarioId, turn, state, recordingPath, sampleRate, targetSeconds, targetTolerance, overruns, unreliable, createdAt) VALUES ('00000000-0000-4000-8000-00000000c0de', 1, 's1', 1, 'recording', ?, 22050, 4, 0.5, 0, 0, '2026-11-29 10:00:00.000')", (sys.argv[2],))
            c.commit()
            """, cli.database.path, relative])
        let result = try cli.run("takes", "--json")
        #expect(result.stderr.contains("note: take 2 was interrupted while recording; kept what was recorded"))
        let takes = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        let recovered = try #require(takes.first { ($0["id"] as? Int) == 2 })
        #expect(recovered["state"] as? String == "interrupted")
        #expect(recovered["unreliable"] as? Bool == true)
        #expect(abs((recovered["pauseDuration"] as? Double ?? 0) - 4) < 0.5)
        #expect(try cli.run("takes").stderr.isEmpty)  // once only
    }
}
