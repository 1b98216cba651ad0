import ArgumentParser
import Foundation
import StilteCore

/// `--trainee`, `--scenario`, `--since`: which takes a log command covers.
struct TakeFilterOptions: ParsableArguments {
    @Option(help: .text(en: "Only this trainee's takes.", nl: "Alleen de opnames van deze cursist."), completion: Completions.traineeNames)
    var trainee: String?

    @Option(help: .text(en: "Only takes of this scenario (its id).", nl: "Alleen opnames van dit scenario (de id)."), completion: Completions.scenarioIds)
    var scenario: String?

    @Option(help: ArgumentHelp(Interface.text(en: "Only takes from this date on (YYYY-MM-DD, UTC, or an ISO 8601 time).", nl: "Alleen opnames vanaf deze datum (JJJJ-MM-DD, UTC, of een ISO 8601-tijd)."), valueName: "date"))
    var since: String?

    func validate() throws {
        if let since, Self.parseDate(since) == nil {
            throw ValidationError("--since \(since) is not a date; use YYYY-MM-DD or 2026-11-29T10:00:00Z")
        }
    }

    func filter(unreviewedOnly: Bool = false) -> TakeFilter {
        TakeFilter(trainee: trainee, scenarioId: scenario, since: since.flatMap(Self.parseDate), unreviewedOnly: unreviewedOnly)
    }

    /// The filter with `--trainee` matched to the log's trainee names, ignoring case (an exact
    /// match wins); a trainee the log does not know, or a `--scenario` no take and no scenario
    /// file has, is an error naming the nearest names.
    func filter(in log: any SessionLog, unreviewedOnly: Bool = false) throws -> TakeFilter {
        var filter = filter(unreviewedOnly: unreviewedOnly)
        if let trainee {
            let names = try log.trainees().map(\.name)
            let folded = names.filter { $0.lowercased() == trainee.lowercased() }
            guard let name = names.first(where: { $0 == trainee }) ?? folded.first else {
                throw CommandFailure(Phrase(en: "no trainee '\(trainee)' in the log.", nl: "geen trainee '\(trainee)' in het logboek.")
                                     + NearestNames.suggestion(for: trainee, among: names)
                                     + Phrase(en: " (`stilte progress` lists the trainees)", nl: " (`stilte progress` toont de trainees)"))
            }
            filter.trainee = name
        }
        if let scenario, try log.takes(TakeFilter(scenarioId: scenario)).isEmpty {
            let directory = try? ScenarioLibrary.locate(explicit: nil)
            let library = (directory.flatMap { try? ScenarioLibrary.load(scenariosDirectory: $0, requireAudio: false) })?.scenarios.map(\.id) ?? []
            if !library.contains(scenario) {
                let logged = Set(try log.takes(TakeFilter()).map(\.scenarioId))
                throw CommandFailure(Phrase(en: "no scenario '\(scenario)' in the log or the scenario files.", nl: "geen scenario '\(scenario)' in het logboek of de scenariobestanden.")
                                     + NearestNames.suggestion(for: scenario, among: library + logged)
                                     + Phrase(en: " (`stilte scenarios` lists them)", nl: " (`stilte scenarios` toont ze)"))
            }
        }
        return filter
    }

    /// What to say when no take is left: "No takes yet." without filters, else which filters matched nothing.
    func nothingMatched(_ filter: TakeFilter) -> String {
        var parts: [String] = []
        if let trainee = filter.trainee { parts.append("trainee \(trainee)") }
        if let scenario = filter.scenarioId { parts.append("scenario \(scenario)") }
        if let since { parts.append(Phrase(en: "since \(since)", nl: "vanaf \(since)").text(Interface.language)) }
        guard !parts.isEmpty else {
            return filter.unreviewedOnly ? Phrase(en: "Nothing left to review.", nl: "Niets meer te beoordelen.").text(Interface.language)
                                         : Phrase(en: "No takes yet.", nl: "Nog geen opnamen.").text(Interface.language)
        }
        if filter.unreviewedOnly { parts.append(Phrase(en: "unreviewed", nl: "niet beoordeeld").text(Interface.language)) }
        let list = parts.joined(separator: ", ")
        return Phrase(en: "No takes match (\(list)).", nl: "Geen opnamen gevonden (\(list)).").text(Interface.language)
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
