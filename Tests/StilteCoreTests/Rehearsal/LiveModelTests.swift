import Testing
import StilteAnalysis
@testable import StilteCore

@Suite struct LiveModelTests {
    @Test func countsFromTheRealEndOfTheNoAndFreezesWhenSpeechResumes() {
        var model = LiveModel()
        #expect(model.phase == .waiting)
        model.apply(.speechStarted(at: 0.8))
        model.apply(.silenceStarted(at: 2.37))
        #expect(model.countedSilence(at: 2.9) == 2.9 - 2.37)
        model.apply(.refusalEnded(at: 2.37))
        #expect(model.countedSilence(at: 4.5) == 4.5 - 2.37)
        model.apply(.speechStarted(at: 6.29))
        #expect(model.pause == TimeSpan(start: 2.37, end: 6.29))
        #expect(model.countedSilence(at: 7) == nil)
        model.apply(.silenceStarted(at: 8))
        #expect(model.pause == TimeSpan(start: 2.37, end: 6.29), "later silences leave the measured pause alone")
        #expect(model.firstSpeech == 0.8)
    }

    @Test func aBreakInsideTheRefusalIsNotThePause() {
        var model = LiveModel()
        model.apply(.speechStarted(at: 0.5))
        model.apply(.silenceStarted(at: 1.0))
        model.apply(.speechStarted(at: 1.3))
        #expect(model.pause == nil)
        #expect(!model.solutionStarted)
    }

    @Test func thePauseEngineCanReportThePauseDirectly() {
        var model = LiveModel()
        model.apply(.speechStarted(at: 0.5))
        model.apply(.silenceStarted(at: 2))
        model.apply(.pauseEnded(TimeSpan(start: 2.01, end: 6.1)))
        #expect(model.pause == TimeSpan(start: 2.01, end: 6.1))
        #expect(model.phase == .speaking(since: 6.1))
    }

    @Test func theCountGoesOneNumberPerSecond() {
        let count = CountPlan(target: 4)
        #expect(count.reached(after: 0.99).isEmpty)
        #expect(count.reached(after: 1.0) == [21])
        #expect(count.reached(after: 2.05) == [21, 22])
        #expect(count.text(after: 4.2) == "21 … 22 … 23 … 24")
        #expect(count.text(after: 0.3) == "…")
        #expect(count.text(after: 10.5) == "21 … 22 … 23 … 24", "the count stops at the target")
    }

    @Test func stopsAMomentAfterTheSolutionOrAtTheLimit() {
        let rule = StopRule(silenceAfterSolution: 2, maxSeconds: 45)
        var model = LiveModel()
        model.apply(.speechStarted(at: 0.5))
        model.apply(.refusalEnded(at: 2))
        #expect(rule.reason(model, now: 30) == nil, "a long pause alone does not stop the take")
        model.apply(.speechStarted(at: 6))
        model.apply(.silenceStarted(at: 9))
        #expect(rule.reason(model, now: 10.9) == nil)
        #expect(rule.reason(model, now: 11.0) == .finished)
        #expect(rule.reason(LiveModel(), now: 45) == .maxDuration)
    }


    @Test func verdictOfAPause() {
        let target = PauseTarget(seconds: 4, tolerance: 0.5)
        #expect(target.verdict(for: 3.49) == .short)
        #expect(target.verdict(for: 3.5) == .onTarget)
        #expect(target.verdict(for: 4.5) == .onTarget)
        #expect(target.verdict(for: 4.51) == .long)
    }
}
