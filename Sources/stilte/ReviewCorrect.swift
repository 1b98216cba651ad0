import ArgumentParser
import StilteAnalysis
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review correct TAKE --pause-start S --pause-end S`.
    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Correct the detected pause; your value then counts everywhere (the detected one is kept).", nl: "Corrigeer de gemeten pauze; jouw waarde telt dan overal (de gemeten waarde blijft bewaard)."))

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Option(help: .text(en: "Where the pause starts, in seconds from the start of the recording.", nl: "Waar de pauze begint, in seconden vanaf het begin van de opname."))
        var pauseStart: Double

        @Option(help: .text(en: "Where the pause ends, in seconds.", nl: "Waar de pauze eindigt, in seconden."))
        var pauseEnd: Double

        @Option(help: .text(en: "A comment for the trainee.", nl: "Een opmerking voor de cursist."))
        var comment: String?

        @Option(help: .text(en: "Who reviews (default $STILTE_REVIEWER, else $USER).", nl: "Wie beoordeelt (standaard $STILTE_REVIEWER, anders $USER)."))
        var reviewer: String?

        func validate() throws {
            guard pauseStart >= 0, pauseEnd > pauseStart else {
                throw ValidationError("--pause-end must be after --pause-start, both >= 0 (got \(pauseStart)–\(pauseEnd))")
            }
        }

        func run() throws {
            let span = TimeSpan(start: pauseStart, end: pauseEnd)
            let updated = try LogAccess.review(take, reviewer: reviewer, comment: comment, correctedPause: span)
            print(String(format: "Take %lld: pause %.2f s (corrected), %@.", updated.id ?? 0, span.duration, updated.verdict?.rawValue ?? "–"))
        }
    }
}
