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
        model.apply(.pauseEnded(at: 6.29))
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
        model.apply(.refusalEnded(at: 2.01))
        model.apply(.pauseEnded(at: 6.1))
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

    @Test func stopsAThinkingPauseAfterTheSolutionOrAtTheLimit() {
        let rule = StopRule(thinkingPause: 3, solutionSpeech: 0.4, maxSeconds: 45)
        var model = LiveModel()
        model.apply(.speechStarted(at: 0.5))
        model.apply(.segment(index: 0, span: TimeSpan(start: 0.5, end: 2), filler: false))
        model.apply(.silenceStarted(at: 2))
        model.apply(.refusalEnded(at: 2))
        #expect(rule.reason(model, now: 30) == nil, "a long pause alone does not stop the take")
        model.apply(.pauseEnded(at: 6))
        model.apply(.speechStarted(at: 6))
        model.apply(.segment(index: 1, span: TimeSpan(start: 6, end: 9), filler: false))
        model.apply(.silenceStarted(at: 9))
        #expect(rule.reason(model, now: 11.99) == nil, "a thinking pause inside the solution")
        #expect(rule.reason(model, now: 12.0) == .finished)
        #expect(rule.reason(LiveModel(), now: 45) == .maxDuration)
    }

    @Test func aFillerIsNeverTheSolution() {
        let rule = StopRule(thinkingPause: 3, solutionSpeech: 0.4, maxSeconds: 45)
        var model = LiveModel()
        model.apply(.segment(index: 0, span: TimeSpan(start: 0.5, end: 2), filler: false))
        model.apply(.refusalEnded(at: 2))
        model.apply(.pauseEnded(at: 6))
        model.apply(.segment(index: 1, span: TimeSpan(start: 6, end: 6.6), filler: true))
        model.apply(.silenceStarted(at: 6.6))
        #expect(model.solutionStarted, "the filler ends the pause")
        #expect(rule.reason(model, now: 20) == nil, "… but silence after it does not stop the take")
        model.apply(.speechStarted(at: 9))
        model.apply(.segment(index: 2, span: TimeSpan(start: 9, end: 9.3), filler: false))
        model.apply(.silenceStarted(at: 9.3))
        #expect(rule.reason(model, now: 20) == nil, "0.3 s of speech is not yet the solution")
        model.apply(.segment(index: 2, span: TimeSpan(start: 9, end: 10.5), filler: false))
        model.apply(.silenceStarted(at: 10.5))
        #expect(rule.reason(model, now: 13.5) == .finished)
        #expect(model.refusal == TimeSpan(start: 0.5, end: 2))
    }

    @Test func verdictOfAPause() {
        let target = PauseTarget(seconds: 4, tolerance: 0.5)
        #expect(target.verdict(for: 3.49) == .short)
        #expect(target.verdict(for: 3.5) == .onTarget)
        #expect(target.verdict(for: 4.5) == .onTarget)
        #expect(target.verdict(for: 4.51) == .long)
    }
}
