import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte {
    /// `stilte export --trainee NAME DIR`: a self-contained bundle for a trainer.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Write a trainee's takes as a bundle: recordings, takes.csv, takes.json, TextGrids.", nl: "Schrijf de opnames van een cursist als bundel: geluidsbestanden, takes.csv, takes.json, TextGrids."))

        @Option(help: .text(en: "Whose takes.", nl: "Van wie de opnames zijn."), completion: Completions.traineeNames)
        var trainee: String

        @Argument(help: .text(en: "The bundle directory (created).", nl: "De map van de bundel (wordt aangemaakt)."))
        var directory: String

        func run() throws {
            let log = try LogAccess.openRecovering(.readOnly)
            let summary = try TakeBundle.export(trainee: trainee, from: log, to: URL(fileURLWithPath: directory),
                                                textGrid: { $0.effectiveAnalysis.map(TextGrid.render) })
            print("Exported \(summary.takesAdded) takes of \(trainee) to \(directory).")
        }
    }
}
