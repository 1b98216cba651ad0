import Foundation

/// Text renderings of a ``ProgressReport``: the terminal summary and CSV.
public enum ProgressFormat {
    /// Below this many measured takes the p10–p90 spread is not shown.
    public static let spreadThreshold = 5

    /// The human summary, a few lines per trainee × scenario, in `language`.
    public static func text(_ report: ProgressReport, weeks maxWeeks: Int = 6, language: Language) -> String {
        func seconds(_ value: Double?) -> String { NumberFormat.seconds(value, language) }
        func takes(_ count: Int) -> Phrase { Phrase.count(count, en: ("take", "takes"), nl: ("opname", "opnamen")) }
        var leftOut = ""
        if report.leftOut > 0 {
            let count = Phrase.count(report.leftOut, en: ("demo, interrupted or empty take", "demo, interrupted or empty takes"),
                                     nl: ("demo-, onderbroken of lege opname", "demo-, onderbroken of lege opnamen"))
            leftOut = Phrase(en: "(\(count.en) left out; --all counts them)\n",
                             nl: "(\(count.nl) niet meegeteld; --all telt ze mee)\n").text(language)
        }
        guard !report.groups.isEmpty else { return Phrase(en: "No takes yet.\n", nl: "Nog geen opnamen.\n").text(language) + leftOut }
        var out = ""
        for group in report.groups {
            let target = NumberFormat.target(group.target, language)
            let share = group.onTargetText(language)
            let name = "\(group.trainee.terminalSafe) · \(group.scenarioId.terminalSafe): "
            out += name + Phrase(en: "\(takes(group.takes).en), on target \(share)  (target \(target))\n",
                                 nl: "\(takes(group.takes).nl), raak \(share)  (doel \(target))\n").text(language)
            let median = seconds(group.medianPause)
            var numbers = Phrase(en: "  median \(median)", nl: "  mediaan \(median)")
            if group.measured >= spreadThreshold {
                let spread = "\(seconds(group.p10Pause))–\(seconds(group.p90Pause)) (p10–p90)"
                numbers = numbers + Phrase(en: ", spread \(spread)", nl: ", spreiding \(spread)")
            } else {
                numbers = numbers + Phrase(en: ", spread: too few takes (\(group.measured) measured)",
                                           nl: ", spreiding: te weinig opnamen (\(group.measured) gemeten)")
            }
            let first = seconds(group.first?.pauseDuration), latest = seconds(group.latest?.pauseDuration)
            numbers = numbers + Phrase(en: ", first \(first) → latest \(latest)", nl: ", eerste \(first) → laatste \(latest)")
            out += numbers.text(language) + "\n"
            let spark = Sparkline.render(group.recent.map(\.pauseDuration), targetSeconds: group.target.seconds)
            out += Phrase(en: "  last \(group.recent.count): \(spark)\n", nl: "  laatste \(group.recent.count): \(spark)\n").text(language)
            for week in group.weeks.suffix(maxWeeks) {
                let mean = seconds(week.meanPause)
                out += Phrase(en: "  week of \(week.week): \(takes(week.takes).en), \(week.onTarget) on target, mean \(mean)\n",
                              nl: "  week van \(week.week): \(takes(week.takes).nl), \(week.onTarget) raak, gemiddeld \(mean)\n").text(language)
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
