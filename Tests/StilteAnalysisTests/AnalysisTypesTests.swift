import Testing
@testable import StilteAnalysis

@Suite struct AnalysisTypesTests {
    @Test func verdictsEncodeAsTheirJSONNames() throws {
        #expect(Verdict.onTarget.rawValue == "on-target")
        #expect(Verdict.noContinuation.rawValue == "no-continuation")
    }

    @Test func targetWindowIsSymmetric() {
        let target = PauseTarget(seconds: 4, tolerance: 0.5)
        #expect(target.lowerBound == 3.5 && target.upperBound == 4.5)
    }
}
