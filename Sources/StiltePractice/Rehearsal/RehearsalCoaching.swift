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

    /// After the take in `saved`: logs whether the counter was shown, asks for the trainee's
    /// estimate when the plan says so (``RehearsalEvent/askingEstimate``) and logs it, and steps
    /// a graduated target up; both go into `saved` for the report.
    func coach(after saved: inout SavedTake, plan: CoachingPlan) throws {
        guard let coaching = coachingLog, let takeId = saved.take.id else { return }
        let trainee = settings.trainee
        try coaching.record(CoachingEvent(kind: .liveShown, takeId: takeId, value: plan.showLive ? 1 : 0), trainee: trainee)
        if plan.askEstimate, !settings.json, saved.take.state != .interrupted, let measured = saved.take.pauseDuration {
            emit(.askingEstimate)
            if let typed = controls.estimate(stop: { interruption.isRaised }),
               !typed.trimmingCharacters(in: .whitespaces).isEmpty {
                if let estimate = SelfEstimate.parse(typed) {
                    try coaching.record(CoachingEvent(kind: .selfEstimate, takeId: takeId, value: estimate, measured: measured), trainee: trainee)
                    saved.estimate = estimate
                } else {
                    let shown = String(typed.prefix(20)).terminalSafe
                    warn(text("“\(shown)” is not a number of seconds: no estimate kept.", "“\(shown)” is geen aantal seconden: geen schatting bewaard."))
                }
            }
        }
        if let level = plan.level, saved.take.state.isPractice,
           let next = plan.stepUp(takes: try log.takes(TakeFilter(trainee: trainee)), events: try coaching.coachingEvents(trainee: trainee)) {
            try coaching.record(CoachingEvent(kind: .targetStep, takeId: takeId, value: next, measured: level), trainee: trainee)
            saved.targetStep = (level, next)
        }
    }

    /// The log's coaching side, when it keeps one.
    var coachingLog: (any CoachingLog)? { log as? any CoachingLog }
}
