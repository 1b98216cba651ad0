import Foundation
import StilteAudio
import Testing
import StilteTestSupport

/// `stilte scenarios`, `--json`, `show`, run as the built binary, and the shipped prompt files.
@Suite("stilte scenarios")
struct ScenariosCLITests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func listsEveryScenarioIn80Columns() throws {
        let result = try ScenariosCLI.run(["scenarios"])
        #expect(result.status == 0)
        #expect(result.error == "")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.count >= 21)
        for line in lines { #expect(line.count <= 80, "\(line)") }
        let row = try #require(lines.first { $0.hasPrefix("warehouse-insists.nl ") })
        #expect(row.split(separator: " ", omittingEmptySubsequences: true).prefix(3) == ["warehouse-insists.nl", "nl", "3"])
    }

    @Test func findsTheLibraryFromAnyWorkingDirectory() throws {
        let fromRoot = try ScenariosCLI.run(["scenarios"], directory: "/")
        #expect(fromRoot.status == 0)
        #expect(fromRoot.output == (try ScenariosCLI.run(["scenarios"])).output)
    }

    @Test func jsonHasIdTitleLanguageAndTurnsWithPromptAudioTarget() throws {
        let result = try ScenariosCLI.run(["scenarios", "--json"])
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(array.count >= 20)
        for scenario in array {
            #expect(scenario["id"] is String)
            #expect(scenario["title"] is String)
            #expect(["nl", "en"].contains(scenario["language"] as? String))
            let turns = try #require(scenario["turns"] as? [[String: Any]])
            #expect(!turns.isEmpty)
            for turn in turns {
                #expect((turn["prompt"] as? String)?.isEmpty == false)
                let audio = try #require(turn["audioPath"] as? String)
                #expect(FileManager.default.fileExists(atPath: audio))
                #expect(audio.hasSuffix("/Audio/" + (turn["audio"] as? String ?? "?")))
                #expect((turn["target"] as? Double ?? 0) > 0)
            }
        }
        let drinks = try #require(array.first { $0["id"] as? String == "drinks-ask-for-time.en" })
        #expect((drinks["turns"] as? [[String: Any]])?.first?["target"] as? Double == 2.0)
    }

    @Test func showPrintsContextTurnsTargetsAndTip() throws {
        let result = try ScenariosCLI.run(["scenarios", "show", "warehouse-insists.nl"])
        #expect(result.status == 0)
        let text = result.output
        #expect(text.hasPrefix("warehouse-insists.nl — De klant blijft aandringen"))
        #expect(text.contains("Ruud wil dat jij de herinrichting"))
        #expect(text.contains("Turn 3 of 3"))
        #expect(text.contains("Ja maar, ik wil jou."))
        #expect(text.contains("Prompt: Audio/warehouse-insists.nl-2.ogg"))
        #expect(text.contains("target 4.0 s ± 0.5 s"))
        #expect(text.contains("Tip: Aandringen is geen bewijs"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func unknownIDIsOneLineSayingHowToSeeTheIDs() throws {
        let result = try ScenariosCLI.run(["scenarios", "show", "no-such-scenario"])
        #expect(result.status != 0)
        #expect(result.output == "")
        #expect(result.error == "Error: no scenario \"no-such-scenario\" — run `stilte scenarios` to see the ids\n")
    }

    @Test func aBrokenFileIsReportedWithFileLineFieldAndTheOthersStillListed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let scenarios = root.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Audio"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("Audio/ok.ogg"))
        let good = """
            id: good.en
            title: Fine
            language: en
            client:
              name: Ann
            moment: asks-for-you
            context: Ann asks.
            turns:
              - prompt: Will you?
                audio: ok.ogg
            """
        try good.write(to: scenarios.appendingPathComponent("good.en.yaml"), atomically: true, encoding: .utf8)
        try good.replacingOccurrences(of: "good.en", with: "bad.en").replacingOccurrences(of: "ok.ogg", with: "../ok.ogg")
            .write(to: scenarios.appendingPathComponent("bad.en.yaml"), atomically: true, encoding: .utf8)

        for (arguments, environment) in [(["scenarios", "--scenarios", scenarios.path], [:]),
                                          (["scenarios"], ["STILTE_SCENARIOS": scenarios.path])] {
            let result = try ScenariosCLI.run(arguments, environment: environment)
            #expect(result.status == 1)
            #expect(result.output.contains("good.en "))
            #expect(!result.output.contains("bad.en"))
            let errors = result.error.split(separator: "\n").map(String.init)
            #expect(errors.count == 2)
            #expect(errors.first == scenarios.path + "/bad.en.yaml:10: turns[0].audio: \"../ok.ogg\" climbs out of Audio/ with \"..\" — keep prompt files inside Audio/")
            #expect(errors.last?.hasPrefix("Error: 1 problem in scenario files") == true)
        }
        let show = try ScenariosCLI.run(["scenarios", "show", "bad.en", "--scenarios", scenarios.path])
        #expect(show.status == 1)
        #expect(show.error.contains("bad.en.yaml:10: turns[0].audio:"))
    }

    @Test func aScenarioFileTooLargeToReadIsNamedInOneLineInDutchToo() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let scenarios = root.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Audio"), withIntermediateDirectories: true)
        // 200 KiB of comment after a valid head: it once cost every command a full parse.
        let huge = scenarios.appendingPathComponent("huge.en.yaml")
        try (String(repeating: "# notes\n", count: 25_600)).write(to: huge, atomically: true, encoding: .utf8)
        let english = try ScenariosCLI.run(["scenarios", "--scenarios", scenarios.path])
        #expect(english.status == 1)
        let lines = english.error.split(separator: "\n").map(String.init)
        #expect(lines.first == huge.path + ": is 200 KiB; a scenario file may be at most 64 KiB (the shipped ones have 1–2 KiB) — it was not read; shorten it or split it into several scenarios")
        let dutch = try ScenariosCLI.run(["scenarios", "--scenarios", scenarios.path, "--lang", "nl"])
        let dutchLines = dutch.error.split(separator: "\n").map(String.init)
        #expect(dutchLines.first == huge.path + ": is 200 KiB; een scenariobestand mag hoogstens 64 KiB zijn (de meegeleverde hebben 1–2 KiB) — het is niet gelezen; maak het korter of verdeel het over meer scenario's")
        #expect(dutchLines.last?.hasPrefix("Error: 1 probleem in scenariobestanden") == true)
    }

    @Test func aMissingScenariosDirectoryIsOneLine() throws {
        let result = try ScenariosCLI.run(["scenarios", "--scenarios", "/nonexistent/Scenarios"])
        #expect(result.status != 0)
        #expect(result.error.split(separator: "\n").count == 1)
        #expect(result.error.contains("/nonexistent/Scenarios"))
    }

    /// Every prompt of every shipped scenario is a readable sound file: mono, 22.05 kHz, a spoken
    /// line of one to ten seconds at a normalised level, with the silence trimmed at both ends.
    @Test func everyShippedPromptIsReadableAudio() throws {
        let result = try ScenariosCLI.run(["scenarios", "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let paths = array.flatMap { ($0["turns"] as? [[String: Any]] ?? []).compactMap { $0["audioPath"] as? String } }
        #expect(paths.count >= 30)
        var totalBytes = 0
        for path in paths {
            let reader = try SoundFileReader(path: path)
            #expect(reader.channels == 1, "\(path)")
            #expect(reader.sampleRate == 22050, "\(path)")
            #expect(reader.duration > 1 && reader.duration < 10, "\(path): \(reader.duration) s")
            let samples = try reader.readAll()
            let peak = samples.map(abs).max() ?? 0
            #expect(peak > 0.5 && peak <= 1.0, "\(path): peak \(peak)")
            let edge = Int(0.1 * Double(reader.sampleRate))
            #expect((samples.prefix(edge).map(abs).max() ?? 0) > 0.01, "\(path): silence at the start")
            #expect((samples.suffix(edge).map(abs).max() ?? 0) > 0.01, "\(path): silence at the end")
            totalBytes += try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        }
        #expect(totalBytes < 3_000_000)
    }
}

/// Runs the built `stilte` binary.
enum ScenariosCLI {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// The built `stilte` (found as the rig finds it).
    static var executable: URL { get throws { try ChildProcess.stilteExecutable() } }

    /// Runs `stilte` (or another `executable`) without the caller's `STILTE_SCENARIOS` and session log, output captured.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    directory: String? = nil, executable: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try executable ?? Self.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "STILTE_SCENARIOS")
        // No session log: `stilte scenarios` lists the plain table, not someone's practice schedule.
        env["STILTE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-no-home-\(UUID().uuidString)").path
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-out-\(UUID().uuidString)")
        let error = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-err-\(UUID().uuidString)")
        try Data().write(to: output)
        try Data().write(to: error)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: error)
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: try String(contentsOf: output, encoding: .utf8),
                      error: try String(contentsOf: error, encoding: .utf8))
    }
}
