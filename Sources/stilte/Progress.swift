import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore
import StilteStoreSQLite

extension Stilte {
    /// `stilte progress`: per trainee × scenario summaries.
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Interface.text(en: "Progress per trainee and scenario.", nl: "Voortgang per cursist en scenario."))

        @OptionGroup var filter: TakeFilterOptions

        @Flag(help: .text(en: "Print JSON.", nl: "Geef JSON."))
        var json = false

        @Flag(help: .text(en: "Also count demo, interrupted and empty takes (left out by default).", nl: "Tel ook demo-opnames, onderbroken en lege opnames mee (standaard weggelaten)."))
        var all = false

        @Flag(help: .text(en: "Print CSV, one row per trainee and scenario.", nl: "Geef CSV, één regel per cursist en scenario."))
        var csv = false

        @Option(help: ArgumentHelp(Interface.text(en: "Also draw the pause take by take with the target band: SVG, or PNG when the name ends in .png.", nl: "Teken ook de pauze per opname met de doelband: SVG, of PNG als de naam op .png eindigt."), valueName: "file.svg|file.png"))
        var plot: String?

        @Flag(help: ArgumentHelp(Interface.text(en: "Print the SQL and its EXPLAIN QUERY PLAN as JSON instead (benchmark).", nl: "Geef in plaats daarvan de SQL en zijn EXPLAIN QUERY PLAN als JSON (benchmark)."), visibility: .hidden))
        var queryPlan = false

        func validate() throws {
            if json && csv { throw ValidationError(Interface.text(en: "choose one of --json and --csv", nl: "kies één van --json en --csv")) }
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
                Interface.print(ProgressFormat.text(report, language: Interface.language), terminator: "")
                try printCoaching(log: log, report: report)
            }
            if let plot { try writePlot(log: log, report: report, to: plot) }
        }
    }
}
