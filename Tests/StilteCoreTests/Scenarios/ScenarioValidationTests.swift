import Foundation
import Testing
@testable import StilteCore

/// Every kind of mistake a trainer can make is reported with file, line, field and a remedy.
@Suite("Scenario validation errors")
struct ScenarioValidationTests {
    /// Loads `text` as `name` (prompt `<id>-1.ogg` present) and returns the errors.
    private func errors(_ text: String, name: String = "s.en.yaml",
                        audio: [String] = ["s.en-1.ogg"]) throws -> [ScenarioError] {
        let fixture = try ScenarioFixture()
        for path in audio { try fixture.touchAudio(path) }
        try fixture.write(name, text)
        let library = try fixture.load()
        #expect(library.scenarios.isEmpty, "a file with errors must not load")
        return library.errors
    }

    private func only(_ errors: [ScenarioError]) throws -> ScenarioError {
        #expect(errors.count == 1, "\(errors)")
        return try #require(errors.first)
    }

    @Test func missingField() throws {
        let text = ScenarioFixture.scenario(id: "s.en").replacingOccurrences(of: "title: A client asks\n", with: "")
        let error = try only(errors(text))
        #expect(error.code == .missingField)
        #expect(error.field == "title")
        #expect(error.line == 1)
        #expect(error.file.hasSuffix("Scenarios/s.en.yaml"))
        #expect(error.description.hasSuffix("s.en.yaml:1: title: required field is missing — add \"title:\""))
    }

    @Test func missingFieldInATurnPointsAtTheTurn() throws {
        let text = ScenarioFixture.scenario(id: "s.en").replacingOccurrences(of: "    audio: s.en-1.ogg\n", with: "")
        let error = try only(errors(text))
        #expect(error.code == .missingField)
        #expect(error.field == "turns[0].audio")
        #expect(error.line == 9)
    }

    @Test func emptyValue() throws {
        let text = ScenarioFixture.scenario(id: "s.en").replacingOccurrences(of: "title: A client asks", with: "title:")
        let error = try only(errors(text))
        #expect(error.code == .missingField)
        #expect(error.field == "title")
        #expect(error.line == 2)
    }

    @Test func wrongType() throws {
        let text = ScenarioFixture.scenario(id: "s.en", turnExtra: "target: four seconds")
        let error = try only(errors(text))
        #expect(error.code == .wrongType)
        #expect(error.field == "turns[0].target")
        #expect(error.line == 11)
        #expect(error.message.contains("number of seconds"))
    }

    @Test func listWhereTextIsExpected() throws {
        let text = ScenarioFixture.scenario(id: "s.en").replacingOccurrences(of: "title: A client asks", with: "title: [a, b]")
        let error = try only(errors(text))
        #expect(error.code == .wrongType)
        #expect(error.field == "title")
        #expect(error.line == 2)
    }

    @Test func unknownKeyAtTopLevelSuggestsTheRightOne() throws {
        let text = ScenarioFixture.scenario(id: "s.en", extra: "tipp: Breathe.\n")
        let error = try only(errors(text))
        #expect(error.code == .unknownKey)
        #expect(error.field == "tipp")
        #expect(error.line == 11)
        #expect(error.message.contains("did you mean \"tip\"?"))
    }

    @Test func unknownKeyInATurnAndInTheClient() throws {
        let text = ScenarioFixture.scenario(id: "s.en", turnExtra: "tolerence: 0.3")
            .replacingOccurrences(of: "  name: Ann Smit", with: "  name: Ann Smit\n  voise: f2")
        let found = try errors(text)
        #expect(found.count == 2)
        #expect(found.contains { $0.code == .unknownKey && $0.field == "client.voise" && $0.line == 6 })
        #expect(found.contains { $0.code == .unknownKey && $0.field == "turns[0].tolerence" && $0.line == 12 })
    }

    @Test func badEnumValues() throws {
        let text = ScenarioFixture.scenario(id: "s.en")
            .replacingOccurrences(of: "language: en", with: "language: de")
            .replacingOccurrences(of: "moment: asks-for-you", with: "moment: begging")
        let found = try errors(text)
        #expect(found.contains { $0.code == .badValue && $0.field == "language" && $0.line == 3 && $0.message.contains("nl, en") })
        #expect(found.contains { $0.code == .badValue && $0.field == "moment" && $0.line == 6 && $0.message.contains("asks-for-you") })
    }

    @Test func badTargets() throws {
        let negative = try only(errors(ScenarioFixture.scenario(id: "s.en", turnExtra: "target: -1")))
        #expect(negative.code == .badValue)
        #expect(negative.field == "turns[0].target")
        #expect(negative.line == 11)

        let wideTolerance = try only(errors(ScenarioFixture.scenario(id: "s.en", turnExtra: "target: 2\ntolerance: 2")))
        #expect(wideTolerance.field == "turns[0].tolerance")
        #expect(wideTolerance.line == 12)

        let minPause = try only(errors(ScenarioFixture.scenario(id: "s.en", turnExtra: "target: 1\nminPause: 0.6")))
        #expect(minPause.code == .badValue)
        #expect(minPause.field == "turns[0].minPause")
        #expect(minPause.line == 12)
        #expect(minPause.message.contains("shorter than the shortest pause on target (0.5 s)"))
    }

    @Test func theStopRuleSettingsAreCheckedNumbers() throws {
        let short = try only(errors(ScenarioFixture.scenario(id: "s.en", turnExtra: "thinkingPause: 0.5")))
        #expect(short.code == .badValue)
        #expect(short.field == "turns[0].thinkingPause")
        #expect(short.line == 11)
        let negative = try only(errors(ScenarioFixture.scenario(id: "s.en", turnExtra: "solutionSpeech: -1")))
        #expect(negative.field == "turns[0].solutionSpeech")
    }

    @Test func idMustMatchTheFileName() throws {
        let error = try only(errors(ScenarioFixture.scenario(id: "s.en"), name: "other.en.yaml"))
        #expect(error.code == .idMismatch)
        #expect(error.field == "id")
        #expect(error.line == 1)
        #expect(error.message.contains("rename the file to s.en.yaml or set id: other.en"))
    }

    @Test func duplicateIDAcrossFiles() throws {
        let fixture = try ScenarioFixture()
        try fixture.touchAudio("s.en-1.ogg")
        try fixture.write("s.en.yaml", ScenarioFixture.scenario(id: "s.en"))
        try fixture.write("s.en.yml", ScenarioFixture.scenario(id: "s.en"))
        let library = try fixture.load()
        #expect(library.scenarios.map(\.id) == ["s.en"])
        let error = try only(library.errors)
        #expect(error.code == .duplicateID)
        #expect(error.file.hasSuffix("s.en.yml"))
        #expect(error.line == 1)
        #expect(error.field == "id")
        #expect(error.message.contains("already used by") && error.message.contains("s.en.yaml"))
    }

    @Test func pathEscapeWithDotDot() throws {
        let fixture = try ScenarioFixture()
        try Data("secret".utf8).write(to: fixture.root.appendingPathComponent("outside.ogg"))
        try fixture.write("s.en.yaml", ScenarioFixture.scenario(id: "s.en", audio: "sub/../../outside.ogg"))
        let error = try only(fixture.load().errors)
        #expect(error.code == .pathEscape)
        #expect(error.field == "turns[0].audio")
        #expect(error.line == 10)
    }

    @Test func absolutePath() throws {
        let fixture = try ScenarioFixture()
        try fixture.touchAudio("s.en-1.ogg")
        let absolute = fixture.audio.appendingPathComponent("s.en-1.ogg").path
        try fixture.write("s.en.yaml", ScenarioFixture.scenario(id: "s.en", audio: absolute))
        let error = try only(fixture.load().errors)
        #expect(error.code == .absolutePath)
        #expect(error.field == "turns[0].audio")
        #expect(error.line == 10)
        #expect(error.message.contains("relative to Audio/"))
    }

    @Test func symlinkOutOfAudioIsRejected() throws {
        let fixture = try ScenarioFixture()
        let outside = fixture.root.appendingPathComponent("outside.ogg")
        try Data("secret".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: fixture.audio.appendingPathComponent("link.ogg"),
                                                   withDestinationURL: outside)
        try fixture.write("s.en.yaml", ScenarioFixture.scenario(id: "s.en", audio: "link.ogg"))
        let error = try only(fixture.load().errors)
        #expect(error.code == .symlinkEscape)
        #expect(error.field == "turns[0].audio")
        #expect(error.line == 10)
    }

    @Test func symlinkedDirectoryOutOfAudioIsRejected() throws {
        let fixture = try ScenarioFixture()
        let outsideDirectory = fixture.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outsideDirectory, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: outsideDirectory.appendingPathComponent("p.ogg"))
        try FileManager.default.createSymbolicLink(at: fixture.audio.appendingPathComponent("voices"),
                                                   withDestinationURL: outsideDirectory)
        try fixture.write("s.en.yaml", ScenarioFixture.scenario(id: "s.en", audio: "voices/p.ogg"))
        #expect(try only(fixture.load().errors).code == .symlinkEscape)
        // Also when the file is still to be generated: it would be written outside Audio/.
        try fixture.write("s.en.yaml", ScenarioFixture.scenario(id: "s.en", audio: "voices/new.ogg"))
        #expect(try only(fixture.load(requireAudio: false).errors).code == .symlinkEscape)
    }

    @Test func symlinkInsideAudioIsAccepted() throws {
        let fixture = try ScenarioFixture()
        try fixture.touchAudio("real.ogg")
        try FileManager.default.createSymbolicLink(at: fixture.audio.appendingPathComponent("alias.ogg"),
                                                   withDestinationURL: fixture.audio.appendingPathComponent("real.ogg"))
        try fixture.write("s.en.yaml", ScenarioFixture.scenario(id: "s.en", audio: "alias.ogg"))
        let library = try fixture.load()
        #expect(library.errors == [])
        #expect(library.scenarios.count == 1)
    }

    @Test func missingAudioFile() throws {
        let error = try only(errors(ScenarioFixture.scenario(id: "s.en", audio: "nope.ogg")))
        #expect(error.code == .missingAudio)
        #expect(error.field == "turns[0].audio")
        #expect(error.line == 10)
        #expect(error.description.hasSuffix(
            "s.en.yaml:10: turns[0].audio: file \"nope.ogg\" does not exist in Audio/ — run scripts/make-prompts or fix the path"))
    }

    @Test func yamlSyntaxErrorCarriesItsLine() throws {
        let text = ScenarioFixture.scenario(id: "s.en").replacingOccurrences(of: "context: Ann wants you to do it yourself.",
                                                                          with: "context: \"unterminated")
        let error = try only(errors(text))
        #expect(error.code == .syntax)
        #expect(error.line != nil)
        #expect(!error.description.contains("\n"))
    }

    @Test func duplicateKeyInAFile() throws {
        let text = ScenarioFixture.scenario(id: "s.en", extra: "title: Again\n")
        let error = try only(errors(text))
        #expect(error.code == .syntax)
        #expect(error.message.contains("\"title\" appears twice"))
        #expect(error.line == 2)
    }

    @Test func badPairs() throws {
        let fixture = try ScenarioFixture()
        for id in ["a.nl", "a.en", "b.en", "c.en", "d.en"] { try fixture.touchAudio("\(id)-1.ogg") }
        try fixture.write("a.nl.yaml", ScenarioFixture.scenario(id: "a.nl", language: "nl", pair: "a.en"))
        try fixture.write("a.en.yaml", ScenarioFixture.scenario(id: "a.en", pair: "a.nl"))
        try fixture.write("b.en.yaml", ScenarioFixture.scenario(id: "b.en", pair: "a.nl"))     // a.nl pairs with a.en
        try fixture.write("c.en.yaml", ScenarioFixture.scenario(id: "c.en", pair: "d.en"))     // same language
        try fixture.write("d.en.yaml", ScenarioFixture.scenario(id: "d.en", pair: "zz.nl"))    // no such scenario
        let library = try fixture.load()
        #expect(library.scenarios.map(\.id) == ["a.en", "a.nl"])
        #expect(library.errors.count == 3)
        for error in library.errors {
            #expect(error.code == .badPair)
            #expect(error.field == "pair")
            #expect(error.line == 11)
        }
        #expect(library.errors(forID: "b.en").first?.message.contains("does not pair back") == true)
        #expect(library.errors(forID: "c.en").first?.message.contains("also in en") == true)
        #expect(library.errors(forID: "d.en").first?.message.contains("no valid scenario \"zz.nl\"") == true)
    }

    @Test func everyDescriptionIsOneLine() throws {
        let text = ScenarioFixture.scenario(id: "s.en", audio: "/etc/passwd", turnExtra: "foo: 1\ntarget: x")
        for error in try errors(text) {
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains(":\(error.line ?? -1): \(error.field ?? "?"): "))
        }
    }
}
