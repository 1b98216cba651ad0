import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review import-textgrid TAKE FILE`: a pause corrected in Praat.
    struct ImportTextGrid: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-textgrid",
            abstract: Interface.text(en: "Take over the pause corrected in Praat (the interval labelled \"pause\").", nl: "Neem de in Praat gecorrigeerde pauze over (het interval met het label \"pause\")."))

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Argument(help: .text(en: "The TextGrid file.", nl: "Het TextGrid-bestand."))
        var file: String

        @Option(help: .text(en: "Who corrected it (default $STILTE_REVIEWER, else $USER).", nl: "Wie het corrigeerde (standaard $STILTE_REVIEWER, anders $USER)."))
        var reviewer: String?

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
                    ?? String(data: data, encoding: .utf16) else {
                throw CommandFailure("\(file): cannot read it; give the TextGrid saved from Praat")
            }
            let span: TimeSpan, extent: TimeSpan
            do {
                span = try TextGrid.pauseSpan(in: text)
                extent = try TextGrid.extent(of: text)
            } catch { throw CommandFailure("\(file): \(error.description)") }
            let target = try LogAccess.take(take, in: LogAccess.open())
            if let problem = TextGridFit.problem(grid: extent, takeId: target.id ?? 0, takeLength: target.duration) {
                throw CommandFailure(Phrase.same("\(file): ") + problem)
            }
            let comment = "pause corrected in Praat (\(URL(fileURLWithPath: file).lastPathComponent))"
            let updated = try LogAccess.review(take, reviewer: reviewer, comment: comment, correctedPause: span)
            print(String(format: "Take %lld: pause %.2f–%.2f s = %.2f s (corrected), %@.", updated.id ?? 0, span.start, span.end, span.duration,
                         updated.verdict?.rawValue ?? "–"))
        }
    }
}
