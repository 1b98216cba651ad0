import Foundation
import Testing
@testable import StilteCore

/// The scenarios committed in `Scenarios/` and the example in `Scenarios/README.md`.
@Suite("Shipped scenarios")
struct ShippedScenariosTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let scenariosDirectory = repository.appendingPathComponent("Scenarios")

    private func library() throws -> ScenarioLibrary {
        try ScenarioLibrary.load(scenariosDirectory: Self.scenariosDirectory)
    }

    @Test func everyShippedScenarioLoadsWithoutError() throws {
        let library = try library()
        #expect(library.errors.map(\.description) == [])
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenariosDirectory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        #expect(library.scenarios.count == files.count)
        #expect(library.scenarios.count >= 20)
    }

    @Test func everyPromptFileExistsInsideAudioAndIsNotEmpty() throws {
        let library = try library()
        let audio = try #require(PromptLocator.realPath(library.audioDirectory.path))
        for scenario in library.scenarios {
            for turn in scenario.turns {
                let real = try #require(PromptLocator.realPath(turn.audioURL.path), "\(scenario.id): \(turn.audio)")
                #expect(real.hasPrefix(audio + "/"))
                let size = try FileManager.default.attributesOfItem(atPath: real)[.size] as? Int ?? 0
                #expect(size > 1000, "\(turn.audio) is \(size) bytes")
            }
        }
    }

    @Test func noTwoTurnsShareAPrompt() throws {
        let turns = try library().scenarios.flatMap(\.turns)
        #expect(Set(turns.map(\.audio)).count == turns.count)
        #expect(Set(turns.map(\.prompt)).count == turns.count)
    }

    @Test func tenDutchScenariosEachWithACompleteEnglishVersion() throws {
        let library = try library()
        let dutch = library.scenarios.filter { $0.language == .nl }
        #expect(dutch.count >= 10)
        for scenario in library.scenarios {
            let pairID = try #require(scenario.pair, "\(scenario.id) has no pair")
            let other = try #require(library.scenario(id: pairID))
            #expect(other.pair == scenario.id)
            #expect(other.language != scenario.language)
            #expect(other.moment == scenario.moment, "\(scenario.id)")
            #expect(other.turns.count == scenario.turns.count, "\(scenario.id)")
            #expect(other.client.voice == scenario.client.voice, "\(scenario.id): same client, same voice")
            for (mine, theirs) in zip(scenario.turns, other.turns) {
                #expect(mine.target == theirs.target, "\(scenario.id)")
            }
        }
    }

    @Test func everyMomentOfTheMethodIsPractised() throws {
        let moments = Set(try library().scenarios.map(\.moment))
        #expect(moments == Set(ScenarioMoment.allCases))
    }

    @Test func severalScenariosAreMultiTurnAndClientsDiffer() throws {
        let library = try library()
        let dutch = library.scenarios.filter { $0.language == .nl }
        #expect(dutch.filter { $0.turns.count >= 2 }.count >= 5)
        #expect(dutch.contains { $0.turns.count >= 3 })
        #expect(Set(dutch.map(\.client.name)).count == dutch.count)
        #expect(Set(dutch.compactMap(\.client.voice)).count >= 6)
    }

    @Test func promptsAreShortSpokenLines() throws {
        for scenario in try library().scenarios {
            for turn in scenario.turns {
                #expect(turn.prompt.count <= 140, "\(scenario.id): \(turn.prompt)")
            }
            #expect(scenario.title.count <= 37, "\(scenario.id): title too long for the 80-column list")
        }
    }

    /// The annotated example a trainer copies from must itself be a valid scenario.
    @Test func theReadmeExampleIsValid() throws {
        let readme = try String(contentsOf: Self.scenariosDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let example = String(readme[start.upperBound..<end.lowerBound])

        let fixture = try ScenarioFixture()
        try fixture.touchAudio("printer-insists.en-1.ogg")
        try fixture.touchAudio("printer-insists.en-2.ogg")
        try fixture.write("printer-insists.en.yaml", example)
        try fixture.write("printer-insists.nl.yaml", ScenarioFixture.scenario(
            id: "printer-insists.nl", language: "nl", pair: "printer-insists.en", audio: "printer-insists.en-1.ogg"))
        let library = try fixture.load()
        #expect(library.errors.map(\.description) == [])
        let scenario = try #require(library.scenario(id: "printer-insists.en"))
        #expect(scenario.turns.count == 2)
        #expect(scenario.context.hasPrefix("Wim wants you"))
        #expect(!scenario.context.contains("#"))
    }
}
