import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte {
    /// `stilte export --trainee NAME DIR`: a self-contained bundle for a trainer.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a trainee's takes as a bundle: recordings, takes.csv, takes.json, TextGrids.")

        @Option(help: "Whose takes.", completion: Completions.traineeNames)
        var trainee: String

        @Argument(help: "The bundle directory (created).")
        var directory: String

        func run() throws {
            let log = try LogAccess.openRecovering(.readOnly)
            let summary = try TakeBundle.export(trainee: trainee, from: log, to: URL(fileURLWithPath: directory),
                                                textGrid: { $0.effectiveAnalysis.map(TextGrid.render) })
            print("Exported \(summary.takesAdded) takes of \(trainee) to \(directory).")
        }
    }
}
