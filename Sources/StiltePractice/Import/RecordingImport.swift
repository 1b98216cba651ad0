import Foundation
import StilteAnalysis
import StilteCore

/// Recordings made elsewhere into the session log (`stilte import`), all or nothing: every file
/// is analysed with its scenario turn's parameters before anything is added; then each is copied
/// privately into the log's ``RecordingStore`` and all takes are saved in one transaction. On any
/// failure (a full disk) the copies are removed again. A file already in the log (same bytes)
/// is reported, not added twice.
public struct RecordingImport {
    /// One file that became a take.
    public struct Added: Sendable {
        /// The file as given.
        public var path: String
        public var take: Take
    }

    /// What the import did.
    public struct Outcome: Sendable {
        public var added: [Added] = []
        /// Files whose recording the log already holds, with that take.
        public var alreadyInLog: [Added] = []
    }

    public var trainee: String
    public var scenario: Scenario
    /// The scenario turn the recordings answer (1-based).
    public var turn: Int
    public var language: Language

    /// An import of answers to `turn` of scenario `id` in `library`; a one-line failure when the
    /// scenario or turn does not exist.
    public init(trainee: String, scenarioId id: String, turn: Int, library: ScenarioLibrary, language: Language) throws(PracticeFailure) {
        guard let scenario = library.scenario(id: id) else {
            let directory = library.scenariosDirectory.path
            throw PracticeFailure(Phrase(
                en: "scenario \(id) is not in the scenario library (\(directory)); pick one from `stilte scenarios list` or pass --scenarios DIR",
                nl: "scenario \(id) staat niet in de scenariobibliotheek (\(directory)); kies er een uit `stilte scenarios list` of geef --scenarios MAP"),
                language: language)
        }
        let turns = scenario.turns.count
        guard scenario.turns.indices.contains(turn - 1) else {
            throw PracticeFailure(Phrase(
                en: "scenario \(id) has \(turns) turn\(turns == 1 ? "" : "s"); give --turn 1 to \(turns)",
                nl: "scenario \(id) heeft \(turns) beurt\(turns == 1 ? "" : "en"); geef --turn 1 tot en met \(turns)"),
                language: language)
        }
        self.trainee = trainee
        self.scenario = scenario
        self.turn = turn
        self.language = language
    }

    /// The parameters every file is analysed with: the turn's target and min-pause.
    public var parameters: AnalysisParameters { scenario.turns[turn - 1].parameters }

    /// Analyses every file with ``parameters``; the first that cannot be read stops the
    /// import before anything is added.
    public func analyse(_ files: [String]) throws(PracticeFailure) -> [FileAnalysis] {
        var analysed: [FileAnalysis] = []
        for file in files {
            do { analysed.append(try FileAnalysis.run(path: file, parameters: parameters)) } catch {
                throw PracticeFailure(Phrase(en: "\(error) (nothing was imported)", nl: "\(error) (er is niets geïmporteerd)"), language: language)
            }
        }
        return analysed
    }

    /// Adds the analysed files to `log` (see the type's documentation).
    public func add(_ analysed: [FileAnalysis], to log: any SessionLog) throws -> Outcome {
        var outcome = Outcome()
        var batch = ImportBatch(takes: [])
        var copies: [String] = []
        var paths: [UUID: String] = [:]
        do {
            for result in analysed {
                let source = try PrivateCopy.openForReading(result.path)
                defer { close(source) }
                let uuid = try RecordingIdentity.uuid(of: source, path: result.path)
                if let existing = try log.take(uuid: uuid) {
                    outcome.alreadyInLog.append(Added(path: result.path, take: existing))
                    continue
                }
                guard paths[uuid] == nil else { continue }
                let name = RecordingStore.name(for: uuid, fileExtension: URL(fileURLWithPath: result.path).pathExtension)
                try log.recordings.copyIn(from: source, sourcePath: result.path, to: name)
                copies.append(name)
                paths[uuid] = result.path
                batch.takes.append(NewTake(
                    uuid: uuid, trainee: trainee, scenarioId: scenario.id, turn: turn, recordingPath: name,
                    sampleRate: result.sampleRate, target: parameters.target, minPause: parameters.minPause,
                    measurement: TakeMeasurement(duration: result.analysis.duration, analysis: result.analysis),
                    createdAt: Self.recordedAt(result.path)))
            }
            let saved = try log.saveImport(batch)
            outcome.added = zip(batch.takes, saved.added).map { Added(path: paths[$0.uuid] ?? "", take: $1) }
        } catch {
            for copy in copies { try? log.recordings.remove(copy) }
            if let error = error as? StoreError {
                throw PracticeFailure(Phrase(en: "\(error.text(.en)) (nothing was imported)",
                                             nl: "\(error.text(.nl)) (er is niets geïmporteerd)"), language: language)
            }
            throw error
        }
        return outcome
    }

    /// When the file was recorded: its modification time, or now when that is not a
    /// plausible date (a file dated year 10000 must not poison the log).
    static func recordedAt(_ path: String) -> Date {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
        return InputLimits.isSane(modified) ? modified : Date()
    }
}
