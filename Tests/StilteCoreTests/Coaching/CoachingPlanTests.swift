import Foundation
import Testing
import StilteAnalysis
@testable import StilteCore

@Suite struct CoachingPlanTests {
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    func take(_ verdict: Verdict, minute: Double, target: Double = 4, state: Take.State = .complete) -> Take {
        var take = Take(traineeId: 1, scenarioId: "s", recordingPath: "r.wav", sampleRate: 16_000,
                        createdAt: start.addingTimeInterval(minute * 60))
        take.id = Int64(minute)
        take.verdict = verdict
        take.targetSeconds = target
        take.state = state
        return take
    }

    func shown(_ value: Bool, minute: Double) -> CoachingEvent {
        CoachingEvent(kind: .liveShown, value: value ? 1 : 0, createdAt: start.addingTimeInterval(minute * 60))
    }

    @Test("fade: every take while learning, every other take at half on target, hidden from 80 %; demo takes do not count")
    func fadeFollowsRecentAccuracy() {
        let learning = (0..<6).map { take($0 < 2 ? .onTarget : .short, minute: Double($0)) }
        let plan = CoachingPlan(mode: .fade, graduated: false, scenarioTarget: 4, takes: learning, events: [])
        #expect(plan.showLive && !plan.askEstimate && plan.fade.stage == .everyTake && plan.target == 4 && plan.level == nil)

        let half = (0..<6).map { take($0 % 2 == 0 ? .onTarget : .short, minute: Double($0)) }
        let afterShown = CoachingPlan(mode: .fade, graduated: false, scenarioTarget: 4, takes: half, events: [shown(true, minute: 5)])
        #expect(!afterShown.showLive && afterShown.askEstimate && afterShown.fade.stage == .everyOtherTake)
        let afterHidden = CoachingPlan(mode: .fade, graduated: false, scenarioTarget: 4, takes: half,
                                       events: [shown(true, minute: 4), shown(false, minute: 5)])
        #expect(afterHidden.showLive)

        let good = (0..<6).map { take(.onTarget, minute: Double($0)) }
        #expect(!CoachingPlan(mode: .fade, graduated: false, scenarioTarget: 4, takes: good, events: []).showLive)
        #expect(CoachingPlan(mode: .always, graduated: false, scenarioTarget: 4, takes: good, events: []).showLive)
        let demos = (0..<6).map { take(.onTarget, minute: Double($0), state: .demo) }
        #expect(CoachingPlan(mode: .fade, graduated: false, scenarioTarget: 4, takes: demos, events: []).showLive)
    }

    @Test("graduated: starts at 2 s, steps after three hits at the level since the last step, never above the scenario")
    func graduatedTargetSteps() {
        let first = CoachingPlan(mode: .always, graduated: true, scenarioTarget: 4, takes: [], events: [])
        #expect(first.target == 2 && first.level == 2)
        let hits = [take(.short, minute: 0, target: 2), take(.onTarget, minute: 1, target: 2), take(.onTarget, minute: 2, target: 2)]
        #expect(first.stepUp(takes: hits, events: []) == nil, "two hits in a row only")
        let three = hits + [take(.onTarget, minute: 3, target: 2)]
        #expect(first.stepUp(takes: three, events: []) == 3)
        // Takes at 4 s (another scenario, the old target) do not count toward the 2 s level.
        #expect(first.stepUp(takes: hits + [take(.onTarget, minute: 3, target: 4)], events: []) == nil)

        let step = CoachingEvent(kind: .targetStep, value: 3, measured: 2, createdAt: start.addingTimeInterval(3.5 * 60))
        let next = CoachingPlan(mode: .always, graduated: true, scenarioTarget: 4, takes: three, events: [step])
        #expect(next.target == 3)
        #expect(next.stepUp(takes: three, events: [step]) == nil, "hits before the step do not count at 3 s")
        #expect(CoachingPlan(mode: .always, graduated: true, scenarioTarget: 2.5, takes: three, events: [step]).target == 2.5)
    }
}

@Suite struct CoachingSummaryTests {
    var calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func take(_ pause: Double, daysAgo: Double) -> Take {
        var take = Take(traineeId: 1, scenarioId: "s", recordingPath: "r.wav", sampleRate: 16_000,
                        createdAt: now.addingTimeInterval(-daysAgo * 86_400))
        take.pauseDuration = pause
        return take
    }

    @Test("closer than two weeks ago, median and range of the last takes against the band, estimate error, streak")
    func summarisesLikeACoach() {
        // Two to four weeks ago: 1.5 and 2 s (median 2.25 s off a 4 s target); the last two weeks: 3.5–4.4 s.
        let takes = [take(1.5, daysAgo: 20), take(2.0, daysAgo: 16), take(3.5, daysAgo: 2), take(4.4, daysAgo: 1), take(3.9, daysAgo: 0)]
        let events = [CoachingEvent(kind: .selfEstimate, value: 3, measured: 3.5), CoachingEvent(kind: .selfEstimate, value: 4, measured: 4.4)]
        let summary = CoachingSummary(trainee: "anna", takes: takes, events: events, now: now, calendar: calendar)
        guard case let .closer(recent, before) = summary.trend else { Issue.record("\(summary.trend)"); return }
        #expect(abs(recent - 0.4) < 1e-9 && abs(before - 2.25) < 1e-9)
        #expect(summary.median == 3.5 && summary.inBand == 3 && summary.recent.count == 5)
        #expect(abs((summary.estimateError ?? 0) - 0.45) < 1e-9 && summary.estimates == 2)
        #expect(summary.streakDays == 3)
        let en = summary.lines(due: "Museum (now)", .en)
        #expect(en.contains("  closer to the target than two weeks ago (median 0.40 s off, was 2.25 s)"))
        #expect(en.contains("  last 5: median 3.50 s, from 1.50 s to 4.40 s; 3 of 5 in the band 4.0 ± 0.5 s"))
        #expect(en.contains("  your own estimate: 0.45 s off on average (2 estimates)"))
        #expect(en.contains("  streak: 3 days in a row") && en.contains("  next: Museum (now)"))
        let nl = summary.lines(due: nil, .nl).joined(separator: "\n")
        #expect(nl.contains("dichter bij het doel dan twee weken geleden (mediaan 0,40 s ernaast, was 2,25 s)"))
        #expect(nl.contains("3 van de 5 binnen 4,0 ± 0,5 s") && nl.contains("reeks: 3 dagen op rij"))

        let worse = CoachingSummary(trainee: "bob", takes: [take(3.9, daysAgo: 20), take(2, daysAgo: 3)], events: [], now: now, calendar: calendar)
        guard case let .further(latest, earlier) = worse.trend else { Issue.record("\(worse.trend)"); return }
        #expect(abs(latest - 2) < 1e-9 && abs(earlier - 0.1) < 1e-9)
        #expect(worse.streakDays == 0 && worse.estimateError == nil)
        #expect(CoachingSummary(trainee: "c", takes: [take(4, daysAgo: 1)], events: [], now: now, calendar: calendar).trend == .tooFew)
    }
}
