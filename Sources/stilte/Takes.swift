import ArgumentParser
import Foundation
import StilteCore

extension Stilte {
    /// `stilte takes`: the log, oldest first.
    struct Takes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Interface.text(en: "List the recorded takes.", nl: "Toon de opgenomen opnames."))

        @OptionGroup var filter: TakeFilterOptions

        @Flag(help: .text(en: "Print JSON instead of a table.", nl: "Geef JSON in plaats van een tabel."))
        var json = false

        func run() throws {
            let log = try LogAccess.openRecovering(.readOnly)
            let chosen = try filter.filter(in: log)
            let takes = try log.takes(chosen)
            let names = try LogAccess.traineeNames(log)
            if json {
                let listing = takes.map { TakeJSON($0, trainee: names[$0.traineeId] ?? "") }
                print(String(decoding: try LogAccess.jsonEncoder().encode(listing), as: UTF8.self))
                return
            }
            guard !takes.isEmpty else {
                print(filter.nothingMatched(chosen))
                return
            }
            let language = Interface.language
            let header = [Interface.text(en: "ID", nl: "NR"), "UUID", Interface.text(en: "CREATED (UTC)", nl: "GEMAAKT (UTC)"),
                          Interface.text(en: "TRAINEE", nl: "CURSIST"), "SCENARIO", Interface.text(en: "TURN", nl: "BEURT"),
                          Interface.text(en: "PAUSE", nl: "PAUZE"), Interface.text(en: "VERDICT", nl: "OORDEEL")]
            let rows = takes.map { take in
                var notes: [String] = []
                if take.correctedPause != nil { notes.append(Interface.text(en: "corrected", nl: "gecorrigeerd")) }
                if take.unreliable { notes.append(Interface.text(en: "unreliable", nl: "onbetrouwbaar")) }
                if take.state != .complete { notes.append(take.state.name(language)) }
                let pause = take.pauseDuration.map { NumberFormat.seconds($0, language) } ?? "–"
                return ["\(take.id ?? 0)", take.shortUUID, LogAccess.timestamp.string(from: take.createdAt),
                        (names[take.traineeId] ?? "?").terminalSafe, take.scenarioId.terminalSafe, "\(take.turn)", pause,
                        (take.verdict?.name(language) ?? "–") + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")]
            }
            // Fixed widths: the columns stay put from one run to the next (ids grow, names differ).
            let widths = [6, 9, 18, 14, 24, 6, 10]
            for row in [header] + rows {
                print(zip(row, widths).map { pad($0, $1) }.joined() + (row.last ?? ""))
            }
        }

        private func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }
    }
}
