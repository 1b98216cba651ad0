import Foundation
import StilteAnalysis
import StilteCore

/// The coaching around each take (``CoachingPlan``): the counter shown or hidden, the trainee's
/// own estimate asked before the measured pause is shown, a graduated target that steps up,
/// every decision logged as a ``CoachingEvent``.
extension Rehearsal {
    /// The plan for the next take of a turn whose own target is `scenarioTarget`. A target given
    /// on the command line is not graduated.
    func coachingPlan(scenarioTarget: Double) throws -> CoachingPlan {
        let events = try coachingLog.map { try $0.coachingEvents(trainee: settings.trainee) } ?? []
        let takes = try log.takes(TakeFilter(trainee: settings.trainee))
        return CoachingPlan(mode: settings.liveMode, graduated: settings.graduated && settings.target == nil,
                            scenarioTarget: scenarioTarget, takes: takes, events: events)
    }

    /// After take `saved`: logs whether the counter was shown, asks for and logs the estimate
    /// (when the plan says so), and steps a graduated target up. Returns the lines to show after
    /// the result: the estimate against the measurement, the new target.
    func coach(after saved: Take, plan: CoachingPlan) throws -> [String] {
        guard let coaching = coachingLog, let takeId = saved.id else { return [] }
        try coaching.record(CoachingEvent(kind: .liveShown, takeId: takeId, value: plan.showLive ? 1 : 0), trainee: settings.trainee)
        var lines: [String] = []
        let language = settings.language
        if plan.askEstimate, !settings.json, saved.state == .complete || saved.state == .demo,
           let measured = saved.pauseDuration, let estimate = askEstimate() {
            try coaching.record(CoachingEvent(kind: .selfEstimate, takeId: takeId, value: estimate, measured: measured),
                                trainee: settings.trainee)
            let guessed = NumberFormat.seconds(estimate, language), off = NumberFormat.seconds(abs(estimate - measured), language)
            let measuredText = NumberFormat.seconds(measured, language)
            lines.append(Phrase(en: "Your estimate: \(guessed); measured: \(measuredText) (\(off) off).",
                                nl: "Jouw schatting: \(guessed); gemeten: \(measuredText) (\(off) verschil).").text(language))
        }
        if let level = plan.level, saved.state.isPractice {
            let events = try coaching.coachingEvents(trainee: settings.trainee)
            if let next = plan.stepUp(takes: try log.takes(TakeFilter(trainee: settings.trainee)), events: events) {
                try coaching.record(CoachingEvent(kind: .targetStep, takeId: takeId, value: next, measured: level), trainee: settings.trainee)
                let from = NumberFormat.seconds(level, digits: 1, language), to = NumberFormat.seconds(next, digits: 1, language)
                let hits = GraduatedTarget.hitsToStepUp
                lines.append(Phrase(en: "\(hits) on target in a row at \(from): your target is now \(to).",
                                    nl: "\(hits) keer op rij raak bij \(from): je doel is nu \(to).").text(language))
            }
        }
        return lines
    }

    /// The log's coaching side, when it keeps one.
    var coachingLog: (any CoachingLog)? { log as? any CoachingLog }

    /// Asks "how long was your silence?" and reads the answer: typed at the terminal (Enter ends
    /// it, an empty answer skips), or one line of standard input without a terminal. Nil when
    /// skipped, unreadable or interrupted.
    func askEstimate() -> Double? {
        let question = Phrase(en: "How long was your silence, do you think? (seconds; Enter skips) ",
                              nl: "Hoe lang was je stilte, denk je? (seconden; Enter slaat over) ").text(settings.language)
        terminal.write("\n" + question)
        var typed = ""
        if interactive {
            while !interruption.isRaised {
                guard let key = terminal.pressedKey() else { Thread.sleep(forTimeInterval: 0.02); continue }
                if key == "\n" { break }
                if key == "\u{7F}" || key == "\u{08}" {
                    if !typed.isEmpty { typed.removeLast(); terminal.write("\u{08} \u{08}") }
                } else if key.isNumber || key == "," || key == "." || key == " " || key == "s", typed.count < 8 {
                    typed.append(key)
                    terminal.write(String(key))
                }
            }
            terminal.write("\n")
        } else {
            typed = String((readLine() ?? "").prefix(20))
            terminal.write(typed + "\n")
        }
        guard !typed.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let estimate = SelfEstimate.parse(typed) else {
            let shown = typed.terminalSafe
            say([Phrase(en: "“\(shown)” is not a number of seconds: no estimate kept.",
                        nl: "“\(shown)” is geen aantal seconden: geen schatting bewaard.").text(settings.language)])
            return nil
        }
        return estimate
    }
}
