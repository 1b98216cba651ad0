import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore
import StilteStoreSQLite

extension Stilte {
    /// `stilte progress`: per trainee × scenario summaries.
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Progress per trainee and scenario.")

        @OptionGroup var filter: TakeFilterOptions

        @Flag(help: "Print JSON.")
        var json = false

        @Flag(help: "Also count demo, interrupted and empty takes (left out by default).")
        var all = false

        @Flag(help: "Print CSV, one row per trainee and scenario.")
        var csv = false

        @Option(help: ArgumentHelp("Also draw pause over time with the target band as an SVG.", valueName: "file.svg"))
        var plot: String?

        @Flag(help: ArgumentHelp("Print the SQL and its EXPLAIN QUERY PLAN as JSON instead (benchmark).", visibility: .hidden))
        var queryPlan = false

        func validate() throws {
            if json && csv { throw ValidationError("choose one of --json and --csv") }
        }

        func run() throws {
            if queryPlan {
                let sqlite = try LogAccess.openSQLite(.readOnly)
                let plans = try sqlite.progressQueryPlans(filter.filter()).map { ["sql": $0.sql, "plan": $0.plan.joined(separator: "\n")] }
                print(String(decoding: try LogAccess.jsonEncoder().encode(plans), as: UTF8.self))
                return
            }
            let log = try LogAccess.openRecovering(.readOnly)
            var chosen = try filter.filter(in: log)
            chosen.includeAll = all
            let report = try log.progress(chosen)
            if json {
                print(String(decoding: try LogAccess.jsonEncoder().encode(report), as: UTF8.self))
            } else if csv {
                print(ProgressFormat.csv(report), terminator: "")
            } else {
                print(ProgressFormat.text(report, language: Interface.language), terminator: "")
            }
            if let plot { try writePlot(log: log, report: report, to: plot) }
        }

        /// At most this many series (trainee × scenario) and takes per series go into a plot.
        static let plotSeries = 8
        static let plotTakes = 500

        private func writePlot(log: any SessionLog, report: ProgressReport, to path: String) throws {
            let histories = try log.pauseHistory(try filter.filter(in: log), lastPerGroup: Self.plotTakes)
            let shown = histories.prefix(Self.plotSeries)
            if histories.count > shown.count {
                FileHandle.standardError.write(Data("note: the plot shows \(shown.count) of \(histories.count) trainee × scenario series; narrow it with --trainee or --scenario\n".utf8))
            }
            let series = shown.map { history in
                ProgressPlot.Series(label: "\(history.trainee.terminalSafe) · \(history.scenarioId.terminalSafe)",
                                    points: history.points.compactMap { point in point.pauseDuration.map { (point.createdAt, $0) } })
            }
            let target = shown.first?.target ?? PauseTarget()
            let svg = ProgressPlot.svg(Array(series), targetSeconds: target.seconds, tolerance: target.tolerance)
            try TakeBundle.writePrivately(Data(svg.utf8), to: URL(fileURLWithPath: path))
            FileHandle.standardError.write(Data("Plot written to \(path)\n".utf8))
        }
    }
}
