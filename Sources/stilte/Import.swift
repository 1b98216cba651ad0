import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore
import StiltePractice

extension Stilte {
    /// `stilte import FILE... --trainee NAME --scenario ID`: recordings made elsewhere into the log.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Analyse recordings made elsewhere and add them to the log.",
            discussion: "Every file is analysed before anything is added; the log keeps a private (0600) copy of each.")

        @Argument(help: "Sound files (WAV, FLAC, Ogg).")
        var files: [String]

        @Option(help: "Whose recordings these are.", completion: Completions.traineeNames)
        var trainee: String

        @Option(help: "The scenario id they answer (see `stilte scenarios list`).", completion: Completions.scenarioIds)
        var scenario: String

        @Option(help: "The scenario turn they answer (1-based).")
        var turn = 1

        @OptionGroup var library: ScenarioLibraryOptions

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("give at least one sound file") }
            guard turn >= 1 else { throw ValidationError("--turn starts at 1") }
            guard !trainee.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--trainee needs a name") }
        }

        func run() throws {
            let directory = try ScenarioLibrary.locate(explicit: library.directory)
            guard let known = try library.load(requireAudio: false).scenario(id: scenario) else {
                throw CommandFailure("scenario \(scenario) is not in the scenario library (\(directory.path)); pick one from `stilte scenarios list` or pass --scenarios DIR")
            }
            guard known.turns.indices.contains(turn - 1) else {
                throw CommandFailure("scenario \(scenario) has \(known.turns.count) turn\(known.turns.count == 1 ? "" : "s"); give --turn 1 to \(known.turns.count)")
            }
            let target = known.turns[turn - 1].target
            let analysed = try files.map { file throws -> FileAnalysis in
                do { return try FileAnalysis.run(path: file, parameters: AnalysisParameters(target: target)) } catch {
                    throw CommandFailure("\(error) (nothing was imported)")
                }
            }
            let log = try LogAccess.open()
            // All or nothing: every file is copied, then every take saved in one transaction;
            // on any failure (a full disk) the copies are removed again.
            var batch = ImportBatch(takes: [])
            var copies: [String] = []
            var already: [(path: String, take: Take)] = []
            var paths: [UUID: String] = [:]
            do {
                for result in analysed {
                    let source = try PrivateCopy.openForReading(result.path)
                    defer { close(source) }
                    let uuid = try RecordingIdentity.uuid(of: source, path: result.path)
                    if let existing = try log.take(uuid: uuid) {
                        already.append((result.path, existing))
                        continue
                    }
                    guard !batch.takes.contains(where: { $0.uuid == uuid }) else { continue }
                    let relative = RecordingStore.name(for: uuid, fileExtension: URL(fileURLWithPath: result.path).pathExtension)
                    try log.recordings.copyIn(from: source, sourcePath: result.path, to: relative)
                    copies.append(relative)
                    paths[uuid] = result.path
                    batch.takes.append(NewTake(
                        uuid: uuid, trainee: trainee, scenarioId: scenario, turn: turn, recordingPath: relative,
                        sampleRate: result.sampleRate, target: target,
                        measurement: TakeMeasurement(duration: result.analysis.duration, analysis: result.analysis),
                        createdAt: Self.recordedAt(result.path)))
                }
                let outcome = try log.saveImport(batch)
                for (new, take) in zip(batch.takes, outcome.added) {
                    let pause = take.pauseDuration.map { String(format: "%.2f s", $0) } ?? "no pause"
                    print("Take \(take.id ?? 0): \(paths[new.uuid] ?? ""): \(pause), \(take.verdict?.rawValue ?? "–")")
                }
            } catch {
                for copy in copies { try? log.recordings.remove(copy) }
                if let error = error as? StoreError { throw CommandFailure("\(error) (nothing was imported)") }
                throw error
            }
            for (path, take) in already {
                print("\(path): already in the log as take \(take.id ?? 0); not imported again.")
            }
        }

        /// When the file was recorded: its modification time, or now when that is not a
        /// plausible date (a file dated year 10000 must not poison the log).
        static func recordedAt(_ path: String) -> Date {
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
            return InputLimits.isSane(modified) ? modified : Date()
        }
    }
}
