import Testing
@testable import StilteAnalysis

@Suite struct ExportTests {
    static let analysis = Analysis(
        duration: 9.84, target: PauseTarget(),
        segments: [TimeSpan(start: 0.41, end: 1.2), TimeSpan(start: 1.5, end: 2.37), TimeSpan(start: 6.29, end: 9.1)],
        refusal: TimeSpan(start: 0.41, end: 2.37),
        pause: Pause(start: 2.37, end: 6.29, events: [PauseEvent(start: 3.1, end: 3.25, kind: .breath)]),
        verdict: .onTarget)

    @Test func textGridRoundTripsThePause() throws {
        let text = TextGrid.render(Self.analysis)
        #expect(try TextGrid.pauseSpan(in: text) == TimeSpan(start: 2.37, end: 6.29))
        let tiers = try TextGrid.parse(text)
        #expect(tiers.map(\.name) == ["speech", "answer", "events"])
        #expect(tiers[1].intervals.map(\.text) == ["", "refusal", "pause", "solution", ""])
        #expect(tiers[2].intervals.map(\.text) == ["", "breath", ""])
        #expect(tiers[2].intervals[1].span == TimeSpan(start: 3.1, end: 3.25))
        #expect(tiers[0].intervals.filter { $0.text == "speech" }.map(\.span) == Self.analysis.segments)
        // Tiers cover the whole recording without gaps.
        for tier in tiers {
            #expect(tier.intervals.first?.span.start == 0 && tier.intervals.last?.span.end == 9.84)
            for (a, b) in zip(tier.intervals, tier.intervals.dropFirst()) { #expect(a.span.end == b.span.start) }
        }
    }

    @Test func readsATrainersCorrectionInPraatsShortFormat() throws {
        let short = #"""
        File type = "ooTextFile"
        Object class = "TextGrid"

        0
        9.84
        <exists>
        1
        "IntervalTier"
        "answer"
        0
        9.84
        3
        0
        2.41
        "refusal ""no"""
        2.41
        6.5
        "pause"
        6.5
        9.84
        ""
        """#
        #expect(try TextGrid.pauseSpan(in: short) == TimeSpan(start: 2.41, end: 6.5))
        #expect(try TextGrid.parse(short)[0].intervals[0].text == "refusal \"no\"")
    }

    @Test func rejectsTextGridsWithoutAPause() {
        var noPause = Self.analysis
        noPause.pause = nil
        noPause.verdict = .noPause
        #expect(throws: TextGridError.self) { try TextGrid.pauseSpan(in: TextGrid.render(noPause)) }
        #expect(throws: TextGridError.self) { try TextGrid.pauseSpan(in: "not a textgrid") }
        #expect(throws: TextGridError.self) { try TextGrid.pauseSpan(in: "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\nxmin = 0\nxmax = ") }
    }

    @Test func audacityLabelsListSpeechPartsAndEvents() {
        let lines = AudacityLabels.render(Self.analysis).split(separator: "\n")
        #expect(lines.contains("2.370000\t6.290000\tpause 3.92 s"))
        #expect(lines.contains("3.100000\t3.250000\tbreath"))
        #expect(lines.contains("0.410000\t2.370000\trefusal"))
        #expect(lines.contains("6.290000\t9.100000\tsolution"))
        #expect(lines.filter { $0.hasSuffix("\tspeech") }.count == 3)
        let starts = lines.compactMap { Double($0.split(separator: "\t")[0]) }
        #expect(starts == starts.sorted())
    }

    @Test func timelineFitsEightyColumns() {
        let text = TimelineText.render(Self.analysis, width: 78, legend: "key")
        for line in text.split(separator: "\n") { #expect(line.count <= 80) }
        #expect(text.contains("░") && text.contains("█") && text.contains("^"))
        #expect(text.hasSuffix("\nkey"))
    }
}

@Suite struct PauseRuleTests {
    private func segments(_ spans: [(Double, Double)]) -> [SpeechSegment] {
        spans.map { SpeechSegment(span: TimeSpan(start: $0.0, end: $0.1), opening: TimeSpan(start: $0.0, end: $0.1), openingIsFiller: false) }
    }

    @Test func gapsShorterThanMinPauseStayInTheRefusal() {
        let a = PauseRule.apply(segments: segments([(0.5, 1.0), (1.5, 2.0), (6.0, 7.0)]), events: [], duration: 8,
                                parameters: AnalysisParameters())
        #expect(a.refusal == TimeSpan(start: 0.5, end: 2.0))
        #expect(a.pause?.start == 2.0 && a.pause?.end == 6.0 && a.verdict == .onTarget)
        let b = PauseRule.apply(segments: segments([(0.5, 1.0), (1.5, 2.0), (6.0, 7.0)]), events: [], duration: 8,
                                parameters: AnalysisParameters(minPause: 0.4))
        #expect(b.pause?.start == 1.0 && b.verdict == .short)
    }

    @Test func targetWindowIsInclusive() {
        #expect(PauseTarget().verdict(for: 3.5) == .onTarget)
        #expect(PauseTarget().verdict(for: 4.5) == .onTarget)
        #expect(PauseTarget().verdict(for: 3.49) == .short)
        #expect(PauseTarget().verdict(for: 4.51) == .long)
    }

    @Test func trailingSilenceDecidesBetweenNoPauseAndNoContinuation() {
        let params = AnalysisParameters()
        #expect(PauseRule.apply(segments: segments([(0.5, 2.0)]), events: [], duration: 2.4, parameters: params).verdict == .noPause)
        let a = PauseRule.apply(segments: segments([(0.5, 2.0)]), events: [PauseEvent(start: 3, end: 3.1, kind: .click)],
                                duration: 5, parameters: params)
        #expect(a.verdict == .noContinuation && a.pause?.end == 5 && a.pause?.events.count == 1)
        #expect(PauseRule.apply(segments: [], events: [], duration: 5, parameters: params).verdict == .noSpeech)
    }

    /// Issue 9, the answer that never pauses: speech without a silence of `minPause` that then
    /// stops is no pause found (`pause` nil), with the silence after the last word measured on
    /// its own, however long that silence is; `no-continuation` only for a refusal (at most
    /// `longestRefusal`) followed by silence only.
    @Test(arguments: [0.3, 2.0, 6.0])
    func anAnswerThatNeverPausesHasNoPause(silenceAfter: Double) {
        // 5.2 s of words 0.3 s apart: longer than any refusal (4.75 s).
        let words = stride(from: 0.5, to: 6.0, by: 1.1).map { ($0, $0 + 0.8) }
        let end = words[words.count - 1].1
        let a = PauseRule.apply(segments: segments(words), events: [PauseEvent(start: end + 0.1, end: end + 0.2, kind: .breath)],
                                duration: end + silenceAfter, parameters: AnalysisParameters())
        #expect(a.verdict == .noPause && a.pause == nil)
        #expect(a.refusal == TimeSpan(start: 0.5, end: end))
        #expect(abs((a.silenceAfterLastWord ?? -1) - silenceAfter) < 1e-9)
    }

    @Test func aRefusalAloneThenSilenceIsNoContinuationUpToTheLongestRefusal() {
        let params = AnalysisParameters()
        for (length, verdict) in [(1.5, Verdict.noContinuation), (params.longestRefusal - 0.05, .noContinuation), (params.longestRefusal + 0.05, .noPause)] {
            let a = PauseRule.apply(segments: segments([(0.5, 0.5 + length)]), events: [], duration: length + 4, parameters: params)
            #expect(a.verdict == verdict, "a \(length) s refusal then silence")
            #expect((a.pause == nil) == (verdict == .noPause))
            #expect(abs((a.silenceAfterLastWord ?? -1) - 3.5) < 1e-9)
        }
        // Silence shorter than minPause after a short refusal: no pause either.
        #expect(PauseRule.apply(segments: segments([(0.5, 2.0)]), events: [], duration: 2.4, parameters: params).silenceAfterLastWord ?? 0 > 0.39)
    }
}
