import Foundation
import StilteCore

extension Stilte.Progress {
    /// Coaching lines are printed for at most this many trainees (each reads all their takes).
    static let coachedTrainees = 20

    /// Per trainee in `report`: the ``CoachingSummary`` and what is due next in their spaced practice.
    func printCoaching(log: any SessionLog, report: ProgressReport) throws {
        var seen = Set<String>()
        let trainees = report.groups.map(\.trainee).filter { seen.insert($0).inserted }
        guard !trainees.isEmpty else { return }
        let language = Interface.language
        guard trainees.count <= Self.coachedTrainees else {
            print(Interface.text(en: "(coaching per trainee is shown for up to \(Self.coachedTrainees) trainees: choose one with --trainee)",
                                 nl: "(coaching per cursist staat er bij hooguit \(Self.coachedTrainees) cursisten: kies er een met --trainee)"))
            return
        }
        // Without a scenario library (a trainer's copy of a log) the summary goes without what is due.
        let library = try? ScenarioLibrary.load(scenariosDirectory: ScenarioLibrary.locate(explicit: nil), requireAudio: false)
        let now = TraineeContext.now
        for trainee in trainees {
            let takes = try log.takes(TakeFilter(trainee: trainee))
            let events = try (log as? any CoachingLog)?.coachingEvents(trainee: trainee) ?? []
            let summary = CoachingSummary(trainee: trainee, takes: takes, events: events, now: now, calendar: TraineeContext.calendar)
            var due: String?
            if let library, !library.scenarios.isEmpty {
                let preferred = PracticeSchedule.preferred(library.scenarios, language: language)
                let schedule = PracticeSchedule(scenarioIds: preferred.map(\.id), takes: takes, calendar: TraineeContext.calendar)
                if let next = schedule.next(at: now), let scenario = library.scenario(id: next.scenarioId) {
                    let when = ScheduleText.due(next, now: now, calendar: TraineeContext.calendar, language)
                    due = "\(scenario.title.terminalSafe) (\(when))"
                }
            }
            print("")
            Interface.print(summary.lines(due: due, language).joined(separator: "\n"))
        }
    }
}
