import Foundation
import StilteAnalysis
import StilteCore
import StiltePractice
import Testing
import StilteStoreSQLite

/// The import use case driven through the library: no binary, no terminal.
@Suite("Import of recordings (library)")
struct RecordingImportTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A library holding the shipped scenario `clinic-flatters.en` (without its pair) with `minPause` set on turn 1.
    static func library(in directory: URL, minPause: Double) throws -> ScenarioLibrary {
        let scenarios = directory.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        let text = try String(contentsOf: repository.appendingPathComponent("Scenarios/clinic-flatters.en.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    audio: clinic-flatters.en-1.ogg", with: "    audio: clinic-flatters.en-1.ogg\n    minPause: \(minPause)")
            .replacingOccurrences(of: "pair: clinic-flatters.nl\n", with: "")
        try text.write(to: scenarios.appendingPathComponent("clinic-flatters.en.yaml"), atomically: true, encoding: .utf8)
        let library = try ScenarioLibrary.load(scenariosDirectory: scenarios, audioDirectory: repository.appendingPathComponent("Audio"),
                                               requireAudio: false)
        #expect(library.scenario(id: "clinic-flatters.en") != nil, "\(library.errors)")
        return library
    }

    @Test("a file is analysed with its turn's min-pause, copied 0600 and stored with it; the same bytes again are not added twice")
    func importsWithTheTurnsParameters() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let library = try Self.library(in: scratch, minPause: 1.0)
        let log = try SQLiteSessionLog(home: StilteHome(url: scratch.appendingPathComponent("home")))
        let answer = Self.repository.appendingPathComponent("Audio/demo/answer.wav").path
        let importer = try RecordingImport(trainee: "anna", scenarioId: "clinic-flatters.en", turn: 1, library: library, language: .en)
        #expect(importer.parameters.minPause == 1.0)

        let outcome = try importer.add(try importer.analyse([answer]), to: log)
        let take = try #require(outcome.added.first?.take)
        #expect(outcome.added.count == 1 && outcome.alreadyInLog.isEmpty)
        #expect(take.minPause == 1.0)
        #expect(take.pauseDuration != nil)
        let stored = try #require(try log.recordings.existingFile(take.recordingPath))
        #expect(PrivateFiles.mode(of: stored.path) == 0o600)

        let again = try importer.add(try importer.analyse([answer]), to: log)
        #expect(again.added.isEmpty && again.alreadyInLog.map(\.take.id) == [take.id])
        #expect(try log.takes(TakeFilter()).count == 1)
    }

    @Test("an unknown scenario or turn, and a file that is not audio, are one-line failures in the caller's language; nothing is added")
    func refusals() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let library = try Self.library(in: scratch, minPause: 0.6)
        let unknown = try #require(throws: PracticeFailure.self) {
            try RecordingImport(trainee: "anna", scenarioId: "no-such", turn: 1, library: library, language: .nl)
        }
        #expect(unknown.description.contains("staat niet in de scenariobibliotheek"))
        let turn = try #require(throws: PracticeFailure.self) {
            try RecordingImport(trainee: "anna", scenarioId: "clinic-flatters.en", turn: 3, library: library, language: .en)
        }
        #expect(turn.description.contains("has 2 turns; give --turn 1 to 2"))
        let text = scratch.appendingPathComponent("notes.wav")
        try "not audio".write(to: text, atomically: true, encoding: .utf8)
        let importer = try RecordingImport(trainee: "anna", scenarioId: "clinic-flatters.en", turn: 1, library: library, language: .en)
        let bad = try #require(throws: PracticeFailure.self) { try importer.analyse([text.path]) }
        #expect(bad.description.contains("nothing was imported"))
    }
}
