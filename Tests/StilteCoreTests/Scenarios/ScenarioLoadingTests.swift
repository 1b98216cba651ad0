import Foundation
import StilteAnalysis
import Testing
@testable import StilteCore

@Suite("Loading scenario files")
struct ScenarioLoadingTests {
    @Test func aValidFileLoadsWithDefaultsAndOverrides() throws {
        let fixture = try ScenarioFixture()
        try fixture.touchAudio("clients/ann-1.ogg")
        try fixture.touchAudio("ann-2.ogg")
        try fixture.write("ann.en.yaml", """
            id: ann.en
            title: Ann insists
            language: en
            client:
              name: Ann Smit, director
              voice: f2
            moment: client-insists
            context: >-
              Ann wants you
              to do it.
            turns:
              - prompt: "Will you: do it?"
                audio: clients/ann-1.ogg
                example: I understand, and no.
              - prompt: But I want you.
                audio: ann-2.ogg
                target: 3
                tolerance: 0.25
                minPause: 0.4
                tip: Repeat it.
            tip: Stay calm.
            """)
        let library = try fixture.load()
        #expect(library.errors == [])
        let scenario = try #require(library.scenario(id: "ann.en"))
        #expect(scenario.title == "Ann insists")
        #expect(scenario.language == .en)
        #expect(scenario.client == ScenarioClient(name: "Ann Smit, director", voice: "f2"))
        #expect(scenario.moment == .clientInsists)
        #expect(scenario.context == "Ann wants you to do it.")
        #expect(scenario.turns.count == 2)
        #expect(scenario.turns[0].prompt == "Will you: do it?")
        #expect(scenario.turns[0].target == PauseTarget(seconds: 4.0, tolerance: 0.5))
        #expect(scenario.turns[0].minPause == 0.6)
        #expect(scenario.turns[0].audioURL.path == fixture.audio.appendingPathComponent("clients/ann-1.ogg").path)
        #expect(scenario.turns[1].parameters == AnalysisParameters(target: PauseTarget(seconds: 3, tolerance: 0.25), minPause: 0.4))
        #expect(scenario.tip(forTurn: 0) == "Stay calm.")
        #expect(scenario.tip(forTurn: 1) == "Repeat it.")
    }

    @Test func oneBadFileDoesNotHideTheOthers() throws {
        let fixture = try ScenarioFixture()
        try fixture.touchAudio("good.en-1.ogg")
        try fixture.write("good.en.yaml", ScenarioFixture.scenario(id: "good.en"))
        try fixture.write("bad.en.yaml", "id: bad.en\ntitle: [unclosed\n")
        try fixture.write("README.md", "not a scenario")
        let library = try fixture.load()
        #expect(library.scenarios.map(\.id) == ["good.en"])
        #expect(library.errors.count == 1)
        #expect(library.errors.first?.file.hasSuffix("Scenarios/bad.en.yaml") == true)
        #expect(library.errors(forID: "bad.en").count == 1)
        #expect(library.errors(forID: "good.en").isEmpty)
    }

    @Test func everyProblemInAFileIsReported() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("many.en.yaml", """
            id: many.en
            language: fr
            client:
              name: Ann
            moment: asks-for-you
            context: x
            turns:
              - prompt: Hi
                audio: missing.ogg
            """)
        let library = try fixture.load()
        #expect(library.scenarios.isEmpty)
        #expect(Set(library.errors.map(\.field)) == ["title", "language", "turns[0].audio"])
    }

    @Test func withoutRequireAudioMissingPromptsAreAcceptedButStillConfined() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("a.en.yaml", ScenarioFixture.scenario(id: "a.en"))
        try fixture.write("b.en.yaml", ScenarioFixture.scenario(id: "b.en", audio: "../b.ogg"))
        let library = try fixture.load(requireAudio: false)
        #expect(library.scenarios.map(\.id) == ["a.en"])
        #expect(library.errors.map(\.code) == [.pathEscape])
    }

    @Test func anUnreadableDirectoryThrowsOneError() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/stilte/Scenarios")
        #expect(throws: ScenarioError.self) { try ScenarioLibrary.load(scenariosDirectory: missing) }
        do {
            _ = try ScenarioLibrary.load(scenariosDirectory: missing)
        } catch {
            #expect(error.code == .unreadable)
            #expect(error.description.contains("/nonexistent/stilte/Scenarios"))
        }
    }
}
