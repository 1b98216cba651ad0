import ArgumentParser
import Foundation
import StilteCore
import StiltePractice

extension Stilte {
    /// `stilte import FILE... --trainee NAME --scenario ID`: recordings made elsewhere into the log
    /// (``RecordingImport``).
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Analyse recordings made elsewhere and add them to the log.", nl: "Meet opnames die elders gemaakt zijn en zet ze in het logboek."),
            discussion: Interface.text(en: "Every file is analysed before anything is added; the log keeps a private (0600) copy of each.", nl: "Elk bestand wordt eerst gemeten voordat er iets wordt toegevoegd; het logboek bewaart van elk bestand een eigen kopie (0600)."))

        @Argument(help: .text(en: "Sound files (WAV, FLAC, Ogg).", nl: "Geluidsbestanden (WAV, FLAC, Ogg)."))
        var files: [String]

        @Option(help: .text(en: "Whose recordings these are.", nl: "Van wie deze opnames zijn."), completion: Completions.traineeNames)
        var trainee: String

        @Option(help: .text(en: "The scenario id they answer (see `stilte scenarios list`).", nl: "De id van het scenario waarop ze antwoorden (zie `stilte scenarios list`)."), completion: Completions.scenarioIds)
        var scenario: String

        @Option(help: .text(en: "The scenario turn they answer (1-based).", nl: "De beurt van het scenario waarop ze antwoorden (vanaf 1)."))
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
