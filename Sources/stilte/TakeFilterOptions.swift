import ArgumentParser
import Foundation
import StilteCore

/// `--trainee`, `--scenario`, `--since`: which takes a log command covers.
struct TakeFilterOptions: ParsableArguments {
    @Option(help: "Only this trainee's takes.")
    var trainee: String?

    @Option(help: "Only takes of this scenario (its id).")
    var scenario: String?

    @Option(help: ArgumentHelp("Only takes from this date on (YYYY-MM-DD, UTC, or an ISO 8601 time).", valueName: "date"))
    var since: String?

    func validate() throws {
        if let since, Self.parseDate(since) == nil {
            throw ValidationError("--since \(since) is not a date; use YYYY-MM-DD or 2026-11-29T10:00:00Z")
        }
    }

    func filter(unreviewedOnly: Bool = false) -> TakeFilter {
        TakeFilter(trainee: trainee, scenarioId: scenario, since: since.flatMap(Self.parseDate), unreviewedOnly: unreviewedOnly)
    }

    /// A day (midnight UTC) or an ISO 8601 instant.
    static func parseDate(_ text: String) -> Date? {
        if let instant = ISO8601DateFormatter().date(from: text) { return instant }
        let day = DateFormatter()
        day.dateFormat = "yyyy-MM-dd"
        day.timeZone = TimeZone(identifier: "UTC")
        day.locale = Locale(identifier: "en_US_POSIX")
        day.isLenient = false
        return day.date(from: text)
    }
}
