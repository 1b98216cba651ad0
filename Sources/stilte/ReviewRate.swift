import ArgumentParser
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review rate TAKE --rating N`.
    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rate a take 1–5, with an optional comment.")

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Option(help: "1 (poor) to 5 (excellent).")
        var rating: Int

        @Option(help: "A comment for the trainee.")
        var comment: String?

        @Option(help: "Who reviews (default $STILTE_REVIEWER, else $USER).")
        var reviewer: String?

        func validate() throws {
            guard (1...5).contains(rating) else { throw ValidationError("--rating \(rating) is out of range; give 1 (poor) to 5 (excellent)") }
        }

        func run() throws {
            let rated = try LogAccess.review(take, reviewer: reviewer, rating: rating, comment: comment)
            print("Rated take \(rated.id ?? 0): \(rating)/5.")
        }
    }
}
