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
        let bash = """
            source '\(script.path)'
            COMP_WORDS=(stilte review show ''); COMP_CWORD=3; COMP_LINE='stilte review show '; COMP_POINT=${#COMP_LINE}
            COMPREPLY=(); _stilte; printf '%s\\n' "${COMPREPLY[@]}"
            """
        let binDirectory = LogCLI.executable.deletingLastPathComponent().path
        let offered = try cli.run(onBash: bash, path: binDirectory)
        #expect(offered.contains("2\n") && offered.contains(String(uuid.prefix(8)) + "\n"), "\(offered)")
    }
}

extension LogCLI {
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
