import Testing
@testable import StilteAnalysis

@Suite("Analysis parameter limits")
struct AnalysisLimitsTests {
    @Test("the defaults are the method's 4 s ± 0.5 s with a 0.6 s min-pause, and valid")
    func defaults() throws {
        let defaults = AnalysisParameters()
        #expect(defaults.target == PauseTarget(seconds: 4, tolerance: 0.5))
        #expect(defaults.minPause == 0.6)
        #expect(try defaults.validated() == defaults)
    }

    @Test("one limit for the target: above 0 and at most 30 s", arguments: [(0.0, false), (-1.0, false), (1.2, true), (30.0, true), (30.5, false), (60.0, false), (Double.nan, false)])
    func targetLimit(_ seconds: Double, _ accepted: Bool) {
        let target = PauseTarget(seconds: seconds, tolerance: 0.1)
        #expect(((try? target.validated()) != nil) == accepted)
        let parameters = AnalysisParameters(target: target, minPause: 0.5)
        #expect(((try? parameters.validated()) != nil) == accepted)
    }

    @Test("the tolerance lies in [0, target), the min-pause in (0, shortest pause on target)")
    func toleranceAndMinPause() {
        #expect(throws: ParameterProblem.tolerance(2, target: 2)) { try PauseTarget(seconds: 2, tolerance: 2).validated() }
        #expect(throws: ParameterProblem.tolerance(-0.1, target: 4)) { try PauseTarget(seconds: 4, tolerance: -0.1).validated() }
        #expect(throws: ParameterProblem.minPause(0.6, shortestOnTarget: 0.5)) {
            try AnalysisParameters(target: PauseTarget(seconds: 1, tolerance: 0.5), minPause: 0.6).validated()
        }
        #expect(throws: ParameterProblem.minPause(0, shortestOnTarget: 3.5)) { try AnalysisParameters(minPause: 0).validated() }
        #expect(throws: ParameterProblem.longestRefusal(0)) { try AnalysisParameters(longestRefusal: 0).validated() }
    }

    @Test("the analyser refuses what validated() refuses")
    func analyzerUsesTheSameCheck() {
        #expect(throws: AnalyzerSetupError.self) {
            try PauseAnalyzer(sampleRate: 16_000, channels: 1, parameters: AnalysisParameters(target: PauseTarget(seconds: 45)))
        }
        #expect(throws: AnalyzerSetupError.self) {
            try PauseAnalyzer(sampleRate: 16_000, channels: 1,
                              parameters: AnalysisParameters(target: PauseTarget(seconds: 1, tolerance: 0.5), minPause: 0.6))
        }
        #expect((try? PauseAnalyzer(sampleRate: 16_000, channels: 1, parameters: AnalysisParameters())) != nil)
    }
}
