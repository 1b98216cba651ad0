import Foundation
import StilteAudio
import Testing

/// `scripts/make-prompts`: the committed prompts are what the scenario texts generate, and a
/// trainer's new scenario gets its prompt in one command.
@Suite("scripts/make-prompts")
struct MakePromptsTests {
    static let script = ScenariosCLITests.repository.appendingPathComponent("scripts/make-prompts")

    @Test func theCommittedPromptsMatchAFreshGeneration() throws {
        let result = try Process.capture(Self.script, ["--check", "--stilte", ScenariosCLI.executable.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("make-prompts: all "))
        #expect(result.output.contains("prompts and 1 demo answers match a fresh generation"))
    }

    @Test func aNewScenarioGetsItsPromptAndThenLoads() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-prompts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let scenarios = root.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Audio"), withIntermediateDirectories: true)
        try """
            id: new.nl
            title: Nieuw
            language: nl
            client:
              name: Anna
              voice: f4
            moment: asks-for-you
            context: Anna vraagt jou.
            turns:
              - prompt: Wil jij dit project voor ons doen?
                audio: clients/new-1.ogg
            """.write(to: scenarios.appendingPathComponent("new.nl.yaml"), atomically: true, encoding: .utf8)

        let before = try ScenariosCLI.run(["scenarios", "--scenarios", scenarios.path])
        #expect(before.status == 1)
        #expect(before.error.contains("new.nl.yaml:11: turns[0].audio: file \"clients/new-1.ogg\" does not exist"))

        let made = try Process.capture(Self.script, ["--stilte", ScenariosCLI.executable.path, "--scenarios", scenarios.path])
        #expect(made.status == 0, "\(made.error)")
        #expect(made.output == "make-prompts: wrote 1 prompts for 1 scenarios and 1 demo answers\n")

        let after = try ScenariosCLI.run(["scenarios", "--scenarios", scenarios.path])
        #expect(after.status == 0, "\(after.error)")
        let reader = try SoundFileReader(path: root.appendingPathComponent("Audio/clients/new-1.ogg").path)
        #expect(reader.channels == 1)
        #expect(reader.duration > 1 && reader.duration < 4)
        // The Dutch demo answer, at the rate rehearse records at: refusal, a 4 s pause, solution.
        let demo = root.appendingPathComponent("Audio/demo/answer.nl.wav")
        let answer = try SoundFileReader(path: demo.path)
        #expect(answer.sampleRate == 16_000 && answer.channels == 1)
        let analysed = try ScenariosCLI.run(["analyze", demo.path, "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(analysed.output.utf8)) as? [String: Any]
        #expect(json?["verdict"] as? String == "on-target", "\(analysed.output)")
    }

    @Test func aBrokenScenarioStopsItWithTheProblem() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-prompts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let scenarios = root.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Audio"), withIntermediateDirectories: true)
        try "id: x.en\ntitel: typo\n".write(to: scenarios.appendingPathComponent("x.en.yaml"), atomically: true, encoding: .utf8)
        let made = try Process.capture(Self.script, ["--stilte", ScenariosCLI.executable.path, "--scenarios", scenarios.path])
        #expect(made.status == 1)
        #expect(made.error.contains("x.en.yaml:2: titel: unknown key — did you mean \"title\"?"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Audio").path).isEmpty)
    }
}

extension Process {
    /// Runs `executable` with `arguments` and returns its exit status and output.
    static func capture(_ executable: URL, _ arguments: [String]) throws -> ScenariosCLI.Result {
        try ScenariosCLI.run(arguments, executable: executable)
    }
}
