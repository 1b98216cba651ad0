import Testing
import StilteAnalysis
@testable import StilteCore

/// Issue 9, the answer that never pauses: speech without a silence of the shortest pause, then
/// quiet, may be a whole answer given in one go or a long refusal with nothing after it. Every
/// screen reports what was measured (no pause, the silence after the last word) in words true of
/// both, in English and Dutch, and never says the trainee did not go on.
@Suite struct NoPauseReportTests {
    /// 0.5–6.1 s of words without a pause, then 2.4 s of quiet.
    static let runOn = Analysis(duration: 8.5, target: PauseTarget(),
                                segments: [TimeSpan(start: 0.5, end: 3.0), TimeSpan(start: 3.3, end: 6.1)],
                                refusal: TimeSpan(start: 0.5, end: 6.1), pause: nil, verdict: .noPause)
    /// A 1.5 s refusal, then only silence.
    static let refusalOnly = Analysis(duration: 6, target: PauseTarget(), segments: [TimeSpan(start: 0.5, end: 2.0)],
                                      refusal: TimeSpan(start: 0.5, end: 2.0), pause: Pause(start: 2.0, end: 6), verdict: .noContinuation)

    @Test(arguments: Language.allCases)
    func theTakeReportSaysNoPauseAndTheSilenceAfterTheLastWord(_ language: Language) {
        let text = TakeReport(analysis: Self.runOn, language: language).render(style: .plain).joined(separator: "\n")
        switch language {
        case .en:
            #expect(text.contains("No pause measured — no pause"))
            #expect(text.contains("No pause between your words: stop after the no, count in silence, go on."))
            #expect(text.contains("Silence after your last word: 2.40 s."))
        case .nl:
            #expect(text.contains("Geen pauze gemeten — geen pauze"))
            #expect(text.contains("Geen pauze tussen je woorden: stop na je nee, tel in stilte, ga dan verder."))
            #expect(text.contains("Stilte na je laatste woord: 2,40 s."))
        }
        for wrong in [Verdict.noContinuation.explanation(language), Verdict.noContinuation.name(language)] {
            #expect(!text.contains(wrong), "\(language): '\(wrong)' said of an answer that never paused:\n\(text)")
        }
    }

    @Test(arguments: Language.allCases)
    func aRefusalAloneIsStillNoContinuation(_ language: Language) {
        let text = TakeReport(analysis: Self.refusalOnly, language: language).render(style: .plain).joined(separator: "\n")
        #expect(text.contains(Verdict.noContinuation.explanation(language)))
        #expect(!text.contains(language == .en ? "Silence after your last word" : "Stilte na je laatste woord"))
    }

    @Test func analyzeAndReviewShowTellTheMeasurementInBothLanguages() {
        #expect(AnalysisText.measured(Self.runOn, .en) == "no-pause: no pause between the words; 2.40 s of silence after the last")
        #expect(AnalysisText.measured(Self.runOn, .nl) == "no-pause: geen pauze tussen de woorden; 2,40 s stilte na het laatste")
        #expect(AnalysisText.advice(Self.runOn, .en) == "After the no, stop and count in silence; then offer the solution.")
        #expect(AnalysisText.advice(Self.runOn, .nl) == "Stop na het nee en tel in stilte; bied dan de oplossing.")
        #expect(AnalysisText.measured(Self.refusalOnly, .nl) == "no-continuation: na de pauze werd niets meer gezegd")
    }

    @Test func everyVerdictLineExistsInBothLanguagesAndFitsSeventyColumns() {
        for verdict in Verdict.allCases {
            var analysis = Self.runOn
            analysis.verdict = verdict
            for language in Language.allCases {
                #expect(AnalysisText.measured(analysis, language).count <= 70, "\(verdict) \(language)")
                #expect(AnalysisText.advice(analysis, language).count <= 70, "\(verdict) \(language)")
            }
            #expect(AnalysisText.measured(analysis, .en) != AnalysisText.measured(analysis, .nl), "\(verdict)")
            #expect(AnalysisText.advice(analysis, .en) != AnalysisText.advice(analysis, .nl), "\(verdict)")
        }
        #expect(AnalysisText.legend(.en) != AnalysisText.legend(.nl))
    }
}
