import ArgumentParser
import Foundation
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review list`: takes with their review state.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List takes to review.")

        @OptionGroup var filter: TakeFilterOptions

        @Flag(help: "Only takes nobody has reviewed yet.")
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
            for take in takes {
                let reviews = counts[take.id ?? 0] ?? 0
                let pause = take.pauseDuration.map { String(format: "%.2f s", $0) } ?? "no pause"
                var state = reviews == 0 ? "unreviewed" : "\(reviews) review\(reviews == 1 ? "" : "s")"
                if take.state != .complete { state += " (\(take.state.rawValue))" }
                print("\(take.id ?? 0)\t\(LogAccess.timestamp.string(from: take.createdAt))\t\((names[take.traineeId] ?? "?").terminalSafe)\t\(take.scenarioId.terminalSafe)\t\(pause)\t\(take.verdict?.rawValue ?? "–")\t\(state)")
            }
        }
    }
}
