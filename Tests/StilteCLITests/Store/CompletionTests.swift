import Foundation
import Testing
import StilteTestSupport

/// Dynamic shell completion: what the shell gets when TAB asks `stilte ---completion` (the
/// protocol of swift-argument-parser's generated scripts), and bash running the generated script.
@Suite("Shell completion of scenario ids, trainee names, take ids and ALSA devices")
struct CompletionTests {
    @Test func completesFromTheLogTheLibraryAndALSA() async throws {
        try TestALSA.setUp()
        var cli = try LogCLI()
        defer { cli.cleanUp() }
        cli.environment = TestALSA.environment
        #expect(try cli.run("generate-log", "--takes", "3", "--trainees", "2", "--scenarios", "1").status == 0)

        // What the generated scripts run for an option's value: words, the word's index, the cursor in it.
        let trainees = try cli.run("---completion", "takes", "--", "--trainee", "3", "2", "stilte", "takes", "--trainee", "tr")
        #expect(trainees.stdout == "trainee-0\ntrainee-1\n")
        let scenarios = try cli.run("---completion", "takes", "--", "--scenario", "3", "6", "stilte", "takes", "--scenario", "museum")
        #expect(scenarios.stdout == "museum-find-someone.en\nmuseum-find-someone.nl\n")
        let devices = try cli.run("---completion", "play", "--", "--device", "4", "0", "stilte", "play", "x.wav", "--device", "")
        #expect(devices.stdout.split(separator: "\n").contains("default"), "\(devices.stdout)")

        // bash with the generated script: a take is offered by number and by UUID start.
        let script = cli.scratch.appendingPathComponent("stilte.bash")
        try Data(try cli.run("--generate-completion-script", "bash").stdout.utf8).write(to: script)
        let uuid = try #require(try cli.takesJSON().first { ($0["id"] as? Int) == 2 }?["uuid"] as? String)
        let offered = try cli.complete(["review", "show", ""], script: script)
        #expect(offered.contains("2") && offered.contains(String(uuid.prefix(8))), "\(offered)")
    }

    /// What a user sees pressing TAB in bash with the generated script, for every kind of value
    /// the options take: each offers what is on this machine, on every command that takes it.
    @Test func bashCompletesEveryKindOfValue() async throws {
        try TestALSA.setUp()
        var cli = try LogCLI()
        defer { cli.cleanUp() }
        cli.environment = TestALSA.environment
        #expect(try cli.run("generate-log", "--takes", "3", "--trainees", "2", "--scenarios", "1").status == 0)
        let script = cli.scratch.appendingPathComponent("stilte.bash")
        try Data(try cli.run("--generate-completion-script", "bash").stdout.utf8).write(to: script)

        for words in [["progress", "--trainee", "tr"], ["rehearse", "--trainee", "tr"], ["export", "--trainee", "tr"], ["takes", "--trainee", "train"]] {
            #expect(try cli.complete(words, script: script) == ["trainee-0", "trainee-1"], "stilte \(words.joined(separator: " "))")
        }
        for words in [["rehearse", "museum-find-someone."], ["scenarios", "show", "museum-find-someone."],
                      ["review", "list", "--scenario", "museum-find-someone."], ["prompt", "record", "museum-find-someone."]] {
            #expect(try cli.complete(words, script: script) == ["museum-find-someone.en", "museum-find-someone.nl"], "stilte \(words.joined(separator: " "))")
        }
        for words in [["review", "rate", ""], ["delete", ""], ["review", "export", ""]] {
            let offered = try cli.complete(words, script: script)
            #expect(["1", "2", "3"].allSatisfy(offered.contains) && offered.count == 6, "stilte \(words.joined(separator: " ")): \(offered)")
        }
        // The rig's ALSA configuration: its file and real-time devices, by name.
        let devices = try cli.run("devices", "--all").stdout
        for words in [["rehearse", "--capture-device", ""], ["rehearse", "--playback-device", ""], ["play", "x.wav", "--device", ""],
                      ["record", "x.wav", "--device", ""], ["prompt", "record", "s", "--capture-device", ""]] {
            let offered = try cli.complete(words, script: script)
            #expect(offered.contains("default") && offered.count > 1 && offered.allSatisfy(devices.contains),
                    "stilte \(words.joined(separator: " ")): \(offered)")
        }
    }
}

extension LogCLI {
    /// The candidates bash offers for the last of `words` (after `stilte`), with `script` (the
    /// generated completion script) sourced, as if TAB were pressed at the end of the line: the
    /// function gets the command, the word and the word before it, as bash passes them.
    func complete(_ words: [String], script: URL) throws -> [String] {
        let quoted = (["stilte"] + words).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let bash = """
            source '\(script.path)'
            COMP_WORDS=(\(quoted.joined(separator: " "))); COMP_CWORD=\(words.count)
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            COMPREPLY=(); _stilte stilte "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; printf '%s\\n' "${COMPREPLY[@]}"
            """
        let binDirectory = Self.executable.deletingLastPathComponent().path
        return try run(onBash: bash, path: binDirectory).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Runs `script` in bash with this home and `path` first on PATH; returns its standard output.
    func run(onBash script: String, path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["STILTE_HOME"] = home.path
        environment["PATH"] = path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        for (key, value) in self.environment { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
