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
            let known = (try? library.load(requireAudio: false))?.scenario(id: scenario)
            let target = RecordingImport.target(of: known, turn: turn)
            let use = RecordingImport(trainee: trainee, scenarioId: scenario, turn: turn, target: target)
            if known == nil {
                FileHandle.standardError.write(Data("note: scenario \(scenario) is not in the scenario library; judging against \(target.seconds) ± \(target.tolerance) s\n".utf8))
            }
            let analysed: [FileAnalysis]
            do { analysed = try use.analyse(files) } catch { throw CommandFailure("\(error) (nothing was imported)") }
            let log = try LogAccess.open()
            for result in analysed {
                guard let take = try use.add(result, to: log) else { continue }
                let pause = take.pauseDuration.map { String(format: "%.2f s", $0) } ?? "no pause"
                print("Take \(take.id ?? 0): \(result.path): \(pause), \(take.verdict?.rawValue ?? "–")")
            }
        }
    }
}
