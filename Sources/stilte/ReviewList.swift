import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review list`: takes with their review state.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Interface.text(en: "List takes to review.", nl: "Toon de opnames om te beoordelen."))

        @OptionGroup var filter: TakeFilterOptions

        @Flag(help: .text(en: "Only takes nobody has reviewed yet.", nl: "Alleen opnames die nog niemand heeft beoordeeld."))
        var unreviewed = false

        func run() throws {
            let log = try LogAccess.openRecovering(.readOnly)
            let chosen = try filter.filter(in: log, unreviewedOnly: unreviewed)
            let takes = try log.takes(chosen)
            let names = try LogAccess.traineeNames(log)
            guard !takes.isEmpty else {
                print(filter.nothingMatched(chosen))
                return
            }
            let counts = try log.reviewCounts()
            let language = Interface.language
            let rows = takes.map { take in
                let reviews = counts[take.id ?? 0] ?? 0
                let pause = take.pauseDuration.map { NumberFormat.seconds($0, language) } ?? Verdict.noPause.name(language)
                var state = reviews == 0 ? Interface.text(en: "unreviewed", nl: "niet beoordeeld")
                    : Phrase.count(reviews, en: ("review", "reviews"), nl: ("beoordeling", "beoordelingen")).text(language)
                if take.state != .complete { state += " (\(take.state.name(language)))" }
                return ["\(take.id ?? 0)", LogAccess.timestamp.string(from: take.createdAt), (names[take.traineeId] ?? "?").terminalSafe,
                        take.scenarioId.terminalSafe, pause, take.verdict?.name(language) ?? "–", state]
            }
            let header = [Interface.text(en: "ID", nl: "NR"), Interface.text(en: "CREATED (UTC)", nl: "GEMAAKT (UTC)"),
                          Interface.text(en: "TRAINEE", nl: "CURSIST"), "SCENARIO", Interface.text(en: "PAUSE", nl: "PAUZE"),
                          Interface.text(en: "VERDICT", nl: "OORDEEL"), Interface.text(en: "REVIEWS", nl: "BEOORDELINGEN")]
            // A person at a terminal reads a table; a program reading the pipe gets tab-separated rows.
            let table = TextTable(header: header, rows: rows)
            for line in table.lines(forTerminal: isatty(STDOUT_FILENO) == 1) { Interface.print(line) }
        }
    }
}
