import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

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
            let known = (try? library.load(requireAudio: false))?.scenario(id: scenario)
            let target = known.flatMap { $0.turns.indices.contains(turn - 1) ? $0.turns[turn - 1].target : nil } ?? PauseTarget()
            if known == nil {
                FileHandle.standardError.write(Data("note: scenario \(scenario) is not in the scenario library; judging against \(target.seconds) ± \(target.tolerance) s\n".utf8))
            }
            let analysed = try files.map { file throws -> FileAnalysis in
                do { return try FileAnalysis.run(path: file, parameters: AnalysisParameters(target: target)) } catch {
                    throw CommandFailure("\(error) (nothing was imported)")
                }
            }
            let log = try LogAccess.open()
            for result in analysed {
                let uuid = UUID()
                let ext = URL(fileURLWithPath: result.path).pathExtension.lowercased()
                let relative = "recordings/\(uuid.uuidString.lowercased())\(ext.isEmpty ? "" : "." + ext)"
                guard let destination = log.home.resolve(relative) else { continue }
                try TakeBundle.copyPrivately(URL(fileURLWithPath: result.path), to: destination)
                let modified = (try? FileManager.default.attributesOfItem(atPath: result.path)[.modificationDate] as? Date) ?? Date()
                let take = try log.saveTake(NewTake(
                    uuid: uuid, trainee: trainee, scenarioId: scenario, turn: turn, recordingPath: relative,
                    sampleRate: result.sampleRate, target: target,
                    measurement: TakeMeasurement(duration: result.analysis.duration, analysis: result.analysis),
                    createdAt: modified)).take
                let pause = take.pauseDuration.map { String(format: "%.2f s", $0) } ?? "no pause"
                print("Take \(take.id ?? 0): \(result.path): \(pause), \(take.verdict?.rawValue ?? "–")")
            }
        }
    }
}
