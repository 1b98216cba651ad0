import ArgumentParser
import Foundation
import StilteCore
import StiltePractice

extension Stilte {
    /// `stilte import FILE... --trainee NAME --scenario ID`: recordings made elsewhere into the log
    /// (``RecordingImport``).
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
            let language = Interface.language
            let importer = try RecordingImport(trainee: trainee, scenarioId: scenario, turn: turn,
                                               library: try library.load(requireAudio: false), language: language)
            let analysed = try importer.analyse(files)
            let outcome = try importer.add(analysed, to: try LogAccess.open())
            for added in outcome.added {
                let take = added.take
                let pause = take.pauseDuration.map { NumberFormat.seconds($0, language) } ?? Phrase(en: "no pause", nl: "geen pauze").text(language)
                print(Phrase(en: "Take \(take.id ?? 0): \(added.path): \(pause), \(take.verdict?.name(language) ?? "–")",
                             nl: "Opname \(take.id ?? 0): \(added.path): \(pause), \(take.verdict?.name(language) ?? "–")").text(language))
            }
            for already in outcome.alreadyInLog {
                print(Phrase(en: "\(already.path): already in the log as take \(already.take.id ?? 0); not imported again.",
                             nl: "\(already.path): staat al in het logboek als opname \(already.take.id ?? 0); niet opnieuw geïmporteerd.").text(language))
            }
        }
    }
}
