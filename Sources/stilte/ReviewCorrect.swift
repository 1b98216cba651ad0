import ArgumentParser
import StilteAnalysis
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review correct TAKE --pause-start S --pause-end S`.
    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct the detected pause; your value then counts everywhere (the detected one is kept).")

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Option(help: "Where the pause starts, in seconds from the start of the recording.")
        var pauseStart: Double

        @Option(help: "Where the pause ends, in seconds.")
        var pauseEnd: Double

        @Option(help: "A comment for the trainee.")
        var comment: String?

        @Option(help: "Who reviews (default $STILTE_REVIEWER, else $USER).")
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
