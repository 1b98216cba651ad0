import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte {
    /// `stilte progress`: per trainee × scenario summaries.
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Progress per trainee and scenario.")

        @OptionGroup var filter: TakeFilterOptions

        @Flag(help: "Print JSON.")
        var json = false

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
            let log = try LogAccess.openRecovering()
            if queryPlan {
                guard let sqlite = log as? SQLiteSessionLog else { return }
                let plans = try sqlite.progressQueryPlans(filter.filter()).map { ["sql": $0.sql, "plan": $0.plan.joined(separator: "\n")] }
                print(String(decoding: try LogAccess.jsonEncoder().encode(plans), as: UTF8.self))
                return
            }
            let report = try log.progress(filter.filter())
            if json {
                print(String(decoding: try LogAccess.jsonEncoder().encode(report), as: UTF8.self))
            } else if csv {
                print(ProgressFormat.csv(report), terminator: "")
            } else {
                print(ProgressFormat.text(report), terminator: "")
            }
            if let plot { try writePlot(log: log, report: report, to: plot) }
        }

        private func writePlot(log: any SessionLog, report: ProgressReport, to path: String) throws {
            let takes = try log.takes(filter.filter())
            let names = try LogAccess.traineeNames(log)
            var series: [String: [(date: Date, pause: Double)]] = [:]
            for take in takes {
                guard let pause = take.pauseDuration else { continue }
                series["\(names[take.traineeId] ?? "?") · \(take.scenarioId)", default: []].append((take.createdAt, pause))
            }
            let target = report.groups.first?.target ?? PauseTarget()
            let svg = ProgressPlot.svg(series.keys.sorted().map { ProgressPlot.Series(label: $0, points: series[$0] ?? []) },
                                       targetSeconds: target.seconds, tolerance: target.tolerance)
            do { try Data(svg.utf8).write(to: URL(fileURLWithPath: path)) } catch {
                throw StoreError(.io, "cannot write the plot (\(error.localizedDescription))", path: path)
            }
            FileHandle.standardError.write(Data("Plot written to \(path)\n".utf8))
        }
    }
}
