import Foundation

/// Text renderings of a ``ProgressReport``: the terminal summary and CSV.
public enum ProgressFormat {
    /// Below this many measured takes the p10–p90 spread is not shown.
    public static let spreadThreshold = 5

    /// The human summary, a few lines per trainee × scenario.
    public static func text(_ report: ProgressReport, weeks maxWeeks: Int = 6) -> String {
        let leftOut = report.leftOut > 0
            ? "(\(report.leftOut) demo, interrupted or empty take\(report.leftOut == 1 ? "" : "s") left out; --all counts them)\n" : ""
        guard !report.groups.isEmpty else { return "No takes yet.\n" + leftOut }
        var out = ""
        for group in report.groups {
            let target = String(format: "target %.1f ± %.1f s", group.target.seconds, group.target.tolerance)
            out += "\(group.trainee.terminalSafe) · \(group.scenarioId.terminalSafe): \(group.takes) take\(group.takes == 1 ? "" : "s"), on target \(group.onTargetText)  (\(target))\n"
            var numbers = "  median \(seconds(group.medianPause))"
            if group.measured >= spreadThreshold {
                numbers += ", spread \(seconds(group.p10Pause))–\(seconds(group.p90Pause)) (p10–p90)"
            } else {
                numbers += ", spread: too few takes (\(group.measured) measured)"
            }
            numbers += ", first \(seconds(group.first?.pauseDuration)) → latest \(seconds(group.latest?.pauseDuration))"
            out += numbers + "\n"
            let spark = Sparkline.render(group.recent.map(\.pauseDuration), targetSeconds: group.target.seconds)
            out += "  last \(group.recent.count): \(spark)\n"
            for week in group.weeks.suffix(maxWeeks) {
                out += "  week of \(week.week): \(week.takes) take\(week.takes == 1 ? "" : "s"), \(week.onTarget) on target, mean \(seconds(week.meanPause))\n"
            }
        }
        return out + leftOut
    }

    /// One CSV row per trainee × scenario, with a header.
    public static func csv(_ report: ProgressReport) -> String {
        var lines = ["trainee,scenario,takes,measured,on_target,median_s,p10_s,p90_s,first_s,latest_s,target_s,tolerance_s"]
        for g in report.groups {
            lines.append([CSV.field(g.trainee), CSV.field(g.scenarioId), "\(g.takes)", "\(g.measured)", "\(g.onTarget)",
                          CSV.number(g.medianPause), CSV.number(g.p10Pause), CSV.number(g.p90Pause),
                          CSV.number(g.first?.pauseDuration), CSV.number(g.latest?.pauseDuration),
                          CSV.number(g.target.seconds), CSV.number(g.target.tolerance)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "3.42 s", or "–" when there is no value.
    public static func seconds(_ value: Double?) -> String {
        guard let value else { return "–" }
        return String(format: "%.2f s", value)
    }
}

/// Minimal RFC 4180 CSV fields.
public enum CSV {
    /// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
    /// `=`, `+`, `-`, `@`, and tab and carriage return, which some spreadsheets strip first.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// A text field: a leading formula character is neutralised with an apostrophe (the
    /// spreadsheet shows the text, never runs it), and the field is quoted when it holds a
    /// comma, quote or line break.
    public static func field(_ text: String) -> String {
        let text = text.first.map(formulaStarts.contains) == true ? "'" + text : text
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number with 3 decimals, empty when nil.
    public static func number(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? ""
    }
}
