import ArgumentParser
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review rate TAKE --rating N`.
    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Interface.text(en: "Rate a take 1–5, with an optional comment.", nl: "Geef een opname een cijfer van 1 tot 5, eventueel met een opmerking."))

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Option(help: .text(en: "1 (poor) to 5 (excellent).", nl: "1 (zwak) tot 5 (uitstekend)."))
        var rating: Int

        @Option(help: .text(en: "A comment for the trainee.", nl: "Een opmerking voor de cursist."))
        var comment: String?

        @Option(help: .text(en: "Who reviews (default $STILTE_REVIEWER, else $USER).", nl: "Wie beoordeelt (standaard $STILTE_REVIEWER, anders $USER)."))
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
