import Foundation
import Testing
import StilteAnalysis
@testable import StilteCore
@testable import StilteStoreSQLite

@Suite struct CoachingTests {
    @Test func fadingShowsEveryTakeThenEveryOtherThenNone() {
        let missing: [Verdict] = [.short, .short, .onTarget, .short, .long, .short]
        #expect(FadingFeedback.decide(.fade, recent: missing, shownLast: true) == .init(showLive: true, stage: .everyTake, accuracy: 1.0 / 6))
        #expect(FadingFeedback.decide(.fade, recent: [.onTarget, .onTarget], shownLast: true).stage == .everyTake, "too few takes yet")
        let half: [Verdict] = [.short, .onTarget, .onTarget, .short, .onTarget, .onTarget]
        #expect(FadingFeedback.decide(.fade, recent: half, shownLast: true).showLive == false)
        #expect(FadingFeedback.decide(.fade, recent: half, shownLast: false).showLive == true)
        #expect(FadingFeedback.decide(.fade, recent: half, shownLast: false).stage == .everyOtherTake)
        let good: [Verdict] = [.short, .onTarget, .onTarget, .onTarget, .onTarget, .onTarget, .onTarget]
        #expect(FadingFeedback.decide(.fade, recent: good, shownLast: false) == .init(showLive: false, stage: .off, accuracy: 1))
        #expect(FadingFeedback.decide(.always, recent: good, shownLast: true).showLive)
        #expect(!FadingFeedback.decide(.never, recent: missing, shownLast: false).showLive)
    }

    @Test func theTargetStepsUpAfterThreeHitsAndNeverPassesTheScenario() {
        #expect(GraduatedTarget.current(lastStep: nil, scenarioTarget: 4) == 2)
        #expect(GraduatedTarget.current(lastStep: 3, scenarioTarget: 4) == 3)
        #expect(GraduatedTarget.current(lastStep: 3, scenarioTarget: 2.5) == 2.5)
        #expect(GraduatedTarget.stepUp(from: 2, verdictsAtLevel: [.short, .onTarget, .onTarget, .onTarget]) == 3)
        #expect(GraduatedTarget.stepUp(from: 2, verdictsAtLevel: [.onTarget, .short, .onTarget]) == nil)
        #expect(GraduatedTarget.stepUp(from: 4, verdictsAtLevel: [.onTarget, .onTarget, .onTarget]) == nil, "4 s is the top")
    }

    @Test func calibrationMeasuresThePaceOfCounting() {
        let nu = Analysis(duration: 6, target: PauseTarget(), segments: [TimeSpan(start: 3.6, end: 4.0)], refusal: nil, pause: nil, verdict: .noPause)
        #expect(Calibration.secondsPerCount(nu, mode: .silent) == 0.9)
        let aloud = Analysis(duration: 6, target: PauseTarget(), segments: [TimeSpan(start: 0.5, end: 1.2), TimeSpan(start: 1.5, end: 5.3)],
                             refusal: nil, pause: nil, verdict: .noPause)
        #expect(abs((Calibration.secondsPerCount(aloud, mode: .aloud) ?? 0) - 1.2) < 1e-9)
        let tooQuick = Analysis(duration: 6, target: PauseTarget(), segments: [TimeSpan(start: 0.4, end: 1)], refusal: nil, pause: nil, verdict: .noPause)
        #expect(Calibration.secondsPerCount(tooQuick, mode: .silent) == nil, "0.1 s a count is not counting")
        // Calibration changes the count shown: 0.8 s a count reaches 4 s at 25.
        #expect(RehearsalText.numbers(CountPlan(target: 4, secondsPerCount: 0.8)) == "21 … 25")
    }

    @Test func selfEstimatesAreReadInEitherNotation() {
        #expect(SelfEstimate.parse("3,5") == 3.5 && SelfEstimate.parse(" 4 s") == 4 && SelfEstimate.parse("2.25") == 2.25)
        #expect(SelfEstimate.parse("vier") == nil && SelfEstimate.parse("-1") == nil && SelfEstimate.parse("nan") == nil)
        #expect(SelfEstimate.meanError([(4, 3), (2, 3)]) == 1)
    }

    @Test func preferencesAndEventsAreKeptPerTrainee() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        #expect(try log.preferences(trainee: "anna") == TraineePreferences())
        let chosen = TraineePreferences(language: .nl, secondsPerCount: 0.85, liveMode: .fade, graduatedTarget: true)
        try log.savePreferences(chosen, trainee: "anna")
        try log.savePreferences(TraineePreferences(language: .en), trainee: "bob")
        #expect(try log.preferences(trainee: "anna") == chosen)
        #expect(try log.preferences(trainee: "bob").language == .en)
        try log.record(CoachingEvent(kind: .calibration, value: 0.85), trainee: "anna")
        try log.record(CoachingEvent(kind: .targetStep, value: 3, measured: 2), trainee: "anna")
        #expect(try log.coachingEvents(trainee: "anna").map(\.kind) == [.calibration, .targetStep])
        #expect(try log.coachingEvents(trainee: "bob").isEmpty)
        let reopened = try SQLiteSessionLog(home: home, access: .readOnly)
        #expect(try reopened.preferences(trainee: "anna").secondsPerCount == 0.85)
    }
}
