import ArgumentParser
import Foundation
import StilteCore

extension Stilte {
    /// `stilte takes`: the log, oldest first.
    struct Takes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the recorded takes.")

        @OptionGroup var filter: TakeFilterOptions

        @Flag(help: "Print JSON instead of a table.")
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
            print(pad("ID", 6) + pad("UUID", 9) + pad("CREATED (UTC)", 18) + pad("TRAINEE", 14) + pad("SCENARIO", 24) + pad("TURN", 5) + pad("PAUSE", 10) + "VERDICT")
            for take in takes {
                var notes: [String] = []
                if take.correctedPause != nil { notes.append("corrected") }
                if take.unreliable { notes.append("unreliable") }
                if take.state != .complete { notes.append(take.state.rawValue) }
                let pause = take.pauseDuration.map { String(format: "%.2f s", $0) } ?? "–"
                let line = pad("\(take.id ?? 0)", 6) + pad(take.shortUUID, 9) + pad(LogAccess.timestamp.string(from: take.createdAt), 18)
                    + pad((names[take.traineeId] ?? "?").terminalSafe, 14) + pad(take.scenarioId.terminalSafe, 24) + pad("\(take.turn)", 5)
                    + pad(pause, 10) + (take.verdict?.rawValue ?? "–") + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
                print(line)
            }
        }

        private func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }
    }
}
