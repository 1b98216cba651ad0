import Foundation

/// The spaced-practice schedule as the trainee reads it (`stilte next`, `stilte scenarios`).
public enum ScheduleText {
    /// "today", "in 3 days", "2 days ago" — whole calendar days from `now`.
    public static func relativeDay(_ date: Date, now: Date, calendar: Calendar, _ language: Language) -> String {
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date)).day ?? 0
        let phrase: Phrase = switch days {
        case 0: Phrase(en: "today", nl: "vandaag")
        case 1: Phrase(en: "tomorrow", nl: "morgen")
        case -1: Phrase(en: "yesterday", nl: "gisteren")
        case 2...: Phrase(en: "in \(days) days", nl: "over \(days) dagen")
        default: Phrase(en: "\(-days) days ago", nl: "\(-days) dagen geleden")
        }
        return phrase.text(language)
    }

    /// When `entry` is due: "now" or a relative day.
    public static func due(_ entry: PracticeSchedule.Entry, now: Date, calendar: Calendar, _ language: Language) -> String {
        guard let due = entry.due, due > now else { return Phrase(en: "now", nl: "nu").text(language) }
        return relativeDay(due, now: now, calendar: calendar, language)
    }

    /// Why `entry` comes where it does.
    public static func reason(_ entry: PracticeSchedule.Entry, now: Date, calendar: Calendar, _ language: Language) -> String {
        guard let last = entry.lastPractised else {
            return Phrase(en: "not practised yet", nl: "nog niet geoefend").text(language)
        }
        let when = relativeDay(last, now: now, calendar: calendar, language)
        if entry.lastSucceeded == false {
            return Phrase(en: "missed \(when): practise it again", nl: "\(when) gemist: oefen hem opnieuw").text(language)
        }
        return Phrase(en: "last on target \(when)", nl: "\(when) voor het laatst raak").text(language)
    }

    /// `stilte next`: the scenario to practise now and the rest of the schedule.
    public static func next(_ ordered: [PracticeSchedule.Entry], titles: [String: String], now: Date, calendar: Calendar,
                            _ language: Language) -> [String] {
        guard let first = ordered.first else { return [Phrase(en: "No scenarios.", nl: "Geen scenario's.").text(language)] }
        var lines: [String] = []
        let title = titles[first.scenarioId] ?? first.scenarioId
        if first.isDue(at: now) {
            lines.append(Phrase(en: "Next: \(first.scenarioId) — \(title)", nl: "Nu aan de beurt: \(first.scenarioId) — \(title)").text(language))
        } else {
            let when = due(first, now: now, calendar: calendar, language)
            lines.append(Phrase(en: "Nothing is due. Soonest (\(when)): \(first.scenarioId) — \(title)",
                                nl: "Niets staat open. Als eerste (\(when)): \(first.scenarioId) — \(title)").text(language))
        }
        lines.append("  " + reason(first, now: now, calendar: calendar, language))
        lines.append("  " + Phrase(en: "Start it: stilte rehearse \(first.scenarioId)", nl: "Begin: stilte rehearse \(first.scenarioId)").text(language))
        let rest = ordered.dropFirst()
        if !rest.isEmpty {
            lines.append("")
            lines.append(Phrase(en: "Then:", nl: "Daarna:").text(language))
            for entry in rest {
                let when = due(entry, now: now, calendar: calendar, language)
                lines.append("  \(entry.scenarioId)  " + Phrase(en: "due \(when)", nl: "aan de beurt: \(when)").text(language))
            }
        }
        return lines
    }

    /// `stilte scenarios` for a trainee who has practised: one row per scenario with its
    /// language, the trainee's takes, when last practised and when due; columns as wide as
    /// their widest cell (an id is at most 30 characters, so a row fits 80 columns).
    public static func table(_ entries: [PracticeSchedule.Entry], languages: [String: String], now: Date, calendar: Calendar,
                             _ language: Language) -> [String] {
        let header = [Phrase(en: "ID", nl: "ID"), Phrase(en: "LANG", nl: "TAAL"), Phrase(en: "TAKES", nl: "OPNAMES"),
                      Phrase(en: "LAST PRACTISED", nl: "LAATST GEOEFEND"), Phrase(en: "DUE", nl: "AAN DE BEURT")].map { $0.text(language) }
        let rows = entries.map { entry in
            [String(entry.scenarioId.prefix(30)), languages[entry.scenarioId] ?? "", "\(entry.takes)",
             entry.lastPractised.map { relativeDay($0, now: now, calendar: calendar, language) } ?? "–",
             due(entry, now: now, calendar: calendar, language)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 2 ? pad + cell : (column == cells.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }
    }
}
