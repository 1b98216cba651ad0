import Foundation
import Testing

/// Issue #12 items 5, 9 and 12: size limits, all-or-nothing imports (also on a full disk) and
/// the integrity of `import`.
@Suite("Import limits, all or nothing, and the same file twice")
struct BundleLimitTests {
    /// Extends (sparsely) or creates `url` to `bytes`.
    static func grow(_ url: URL, to bytes: Int) throws {
        if !FileManager.default.fileExists(atPath: url.path) { FileManager.default.createFile(atPath: url.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(bytes))
        try handle.close()
    }

    @Test("item 5: too many entries, one file named by many, an oversized index or recording: refused before any copy")
    func sizeLimits() throws {
        let fixture = try BundleFixture(takes: 5)
        let trainer = try LogCLI()
        defer { fixture.cleanUp(); trainer.cleanUp() }
        let original = try fixture.entries()

        // The reported attack was 60 000 entries naming one file: one past the limit is enough to refuse.
        try fixture.forge { list in
            list = (0..<10_001).map { _ in var e = original[0]; e["uuid"] = UUID().uuidString; return e }
        }
        var result = try trainer.run("import-bundle", fixture.directory.path)
        #expect(LogCLI.refusedInOneLine(result), "\(result.stderr)")
        #expect(result.stderr.contains("has 10001 takes; a bundle holds at most 10000"), "\(result.stderr)")
        try fixture.forge { list in list = [original[0], original[1]]; list[1]["recording"] = original[0]["recording"] }
        result = try trainer.run("import-bundle", fixture.directory.path)
        #expect(result.stderr.contains("is named by another take too"), "\(result.stderr)")

        // A 65 MiB index (sparse: nothing is written to disk).
        let index = try fixture.copy("big-index")
        try Self.grow(index.appendingPathComponent("takes.json"), to: 65 << 20)
        result = try trainer.run("import-bundle", index.path)
        #expect(LogCLI.refusedInOneLine(result), "\(result.stderr)")
        #expect(result.stderr.contains("takes.json: is 68157440 bytes; at most 67108864 are read"), "\(result.stderr)")

        // One recording past three hours of 48 kHz stereo, then five of 1.9 GB (past 8 GiB together).
        try fixture.forge { $0 = original }
        let big = try fixture.copy("big-recording")
        try Self.grow(big.appendingPathComponent(original[0]["recording"] as? String ?? ""), to: 2_100_000_000)
        result = try trainer.run("import-bundle", big.path)
        #expect(result.stderr.contains("a recording may be at most 1978 MiB (three hours)"), "\(result.stderr)")
        let many = try fixture.copy("big-total")
        for entry in original {
            try Self.grow(many.appendingPathComponent(entry["recording"] as? String ?? ""), to: 1_900_000_000)
        }
        result = try trainer.run("import-bundle", many.path)
        #expect(result.stderr.contains("holds more than 8 GiB of recordings"), "\(result.stderr)")
        #expect(try trainer.takesJSON().isEmpty)
        #expect(trainer.recordingFiles.isEmpty)
    }

    @Test("item 5: import streams: a recording 8 times larger costs under 8 MB more peak memory")
    func importStreams() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        /// Peak RSS in kB of `stilte import` of `seconds` of 96 kHz stereo float (768 kB a second).
        func peak(seconds: Int) throws -> Int {
            let wav = cli.scratch.appendingPathComponent("long-\(seconds).wav")
            try cli.tool("sox", ["-n", "-r", "96000", "-e", "floating-point", "-b", "32", "-c", "2", wav.path, "synth", "\(seconds)", "sine", "300"])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/time")  // GNU time: peak RSS in kB, last line of stderr
            process.arguments = ["-f", "%M", LogCLI.executable.path, "import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en"]
            process.environment = ProcessInfo.processInfo.environment.merging(["STILTE_HOME": cli.home.path]) { $1 }
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(stderr)")
            return Int(stderr.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "") ?? .max
        }
        let small = try peak(seconds: 6), large = try peak(seconds: 48)  // 4.6 MB and 37 MB
        #expect(large - small < 8_000, "peak RSS \(small) kB for 4.6 MB, \(large) kB for 37 MB")
    }

    @Test("item 9: import on a full disk leaves no orphan and no take; a bundle too big for the home is refused before copying")
    func fullDisk() throws {
        let disk = try LogCLI()
        defer { disk.cleanUp() }
        let mount = disk.home
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let mounted = Process()
        mounted.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        mounted.arguments = ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mount.path]
        try mounted.run()
        mounted.waitUntilExit()
        guard mounted.terminationStatus == 0 else { return }  // not root: no tmpfs here (FullDiskTests says the same)
        defer { try? disk.tool("umount", [mount.path]) }
        let wav = disk.scratch.appendingPathComponent("big.wav")
        try disk.tool("sox", ["-n", "-r", "16000", "-b", "16", "-c", "1", wav.path, "synth", "60", "sine", "300"])  // 1.9 MB
        let result = try disk.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en")
        #expect(LogCLI.refusedInOneLine(result), "\(result.stderr)")
        #expect(result.stderr.contains("the disk is full") && result.stderr.contains("nothing was imported"), "\(result.stderr)")
        #expect(disk.recordingFiles.isEmpty, "\(disk.recordingFiles)")
        #expect(try disk.takesJSON().isEmpty)

        let fixture = try BundleFixture(takes: 1, seconds: 60)
        defer { fixture.cleanUp() }
        let bundle = try disk.run("import-bundle", fixture.directory.path)
        #expect(LogCLI.refusedInOneLine(bundle), "\(bundle.stderr)")
        #expect(bundle.stderr.contains("MiB free; free some space — nothing was imported"), "\(bundle.stderr)")
        #expect(disk.recordingFiles.isEmpty)
    }

    @Test("item 12: the same file imported twice makes one take; an unknown scenario or turn is refused")
    func importIntegrity() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        let wav = cli.scratch.appendingPathComponent("a.wav")
        try cli.tool("sox", ["-n", "-r", "16000", "-b", "16", "-c", "1", wav.path, "synth", "1", "sine", "300"])
        #expect(try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        let again = try cli.run("import", wav.path, wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en")
        #expect(again.status == 0)
        #expect(again.stdout.contains("already in the log as take 1"), "\(again.stdout)")
        #expect(try cli.takesJSON().count == 1)
        #expect(cli.recordingFiles.count == 1)

        let unknown = try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "no-such-scenario")
        #expect(LogCLI.refusedInOneLine(unknown), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("scenario no-such-scenario is not in the scenario library"), "\(unknown.stderr)")
        let turn = try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en", "--turn", "3")
        #expect(LogCLI.refusedInOneLine(turn), "\(turn.stderr)")
        #expect(turn.stderr.contains("scenario clinic-flatters.en has 2 turns; give --turn 1 to 2"), "\(turn.stderr)")
        #expect(try cli.takesJSON().count == 1)
    }
}
