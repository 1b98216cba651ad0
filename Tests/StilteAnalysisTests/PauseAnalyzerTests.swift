import Testing
@testable import StilteAnalysis

/// Boundary tolerance for synthetic speech, seconds (the issue's median target).
private let boundary = 0.04

@Suite struct PauseAnalyzerTests {
    @Test func findsBoundariesOfVoicedSpeechInNoise() throws {
        var voice = SyntheticVoice.answer(rate: 16000, noise: 0)
        voice.noise(level: 0.02)  // about 15 dB below the voice
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs((analysis.refusal?.start ?? -1) - 0.5) <= boundary)
        #expect(abs(pause.start - 2.0) <= boundary)
        #expect(abs(pause.end - 5.0) <= boundary)
        #expect(analysis.verdict == .short)
    }

    @Test func keepsAWeakFricativeEnding() throws {
        var voice = SyntheticVoice.answer(rate: 16000, refusal: (0.5, 1.9))
        voice.hiss(1.9, 2.05, centre: 3000, level: 0.02, fadeIn: 0.005)  // a soft final "s"
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 2.05) <= boundary)
    }

    /// A final stop in noise ("druk", "op"): the closure is as quiet as the room, the weak
    /// release after it is the end of the word, not the start of the pause.
    @Test(arguments: [(0.04, 0.015, 0.02), (0.05, 0.015, 0.02), (0.04, 0.03, 0.01)])
    func keepsAWeakReleaseAfterAClosureInNoise(closure: Double, release: Double, level: Double) throws {
        var voice = SyntheticVoice.answer(rate: 16000, refusal: (0.5, 1.9))
        let end = 1.9 + closure + release
        voice.hiss(1.9 + closure, end, centre: 1800, level: level, fadeIn: 0.002)
        voice.noise(level: 0.01)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - end) <= 0.02)
    }

    @Test func silentLeadInIsNotThePause() throws {
        let voice = SyntheticVoice.answer(rate: 16000, refusal: (2.5, 4.0), solution: 5.2, seconds: 7.5)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let refusal = try #require(analysis.refusal)
        #expect(abs(refusal.start - 2.5) <= boundary)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 4.0) <= boundary && abs(pause.end - 5.2) <= boundary)
    }

    @Test func clicksAndBreathsInsideThePauseDoNotEndItAndAreReported() throws {
        var voice = SyntheticVoice.answer(rate: 16000)
        voice.click(2.8)
        voice.hiss(3.4, 3.85, centre: 1500, level: 0.03, fadeIn: 0.12)  // a breath
        voice.click(4.3)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 2.0) <= boundary && abs(pause.end - 5.0) <= boundary)
        let kinds = pause.events.map(\.kind)
        #expect(kinds == [.click, .breath, .click])
        #expect(abs(pause.events[1].start - 3.4) <= 0.1 && abs(pause.events[1].end - 3.85) <= 0.1)
    }

    @Test func aVoicedFillerEndsThePause() throws {
        var voice = SyntheticVoice.answer(rate: 16000)
        voice.word(3.6, 4.0, f0: 105, level: 0.3, formants: [(550, 90), (1750, 120), (2500, 160)], steady: true)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.end - 3.6) <= boundary)
        let filler = try #require(pause.events.first { $0.kind == .filler })
        #expect(abs(filler.start - 3.6) <= boundary && abs(filler.end - 4.0) <= boundary)
    }

    @Test func resultDoesNotDependOnLevel() throws {
        var loud = SyntheticVoice.answer(rate: 16000)
        var quiet = loud
        loud.normalise(peakDB: 0)
        quiet.normalise(peakDB: -35)
        let (a, _) = try analyse(loud.samples, rate: 16000)
        let (b, _) = try analyse(quiet.samples, rate: 16000)
        let pa = try #require(a.pause), pb = try #require(b.pause)
        #expect(abs(pa.start - pb.start) <= 0.005 && abs(pa.end - pb.end) <= 0.005)
        #expect(a.verdict == b.verdict)
    }

    @Test func ignoresDCOffsetAndMainsHum() throws {
        let clean = SyntheticVoice.answer(rate: 16000)
        var hummed = clean
        hummed.dcAndHum(offset: 0.2, hum: 0.05)
        let (a, _) = try analyse(clean.samples, rate: 16000)
        let (b, _) = try analyse(hummed.samples, rate: 16000)
        let pa = try #require(a.pause), pb = try #require(b.pause)
        #expect(abs(pa.start - pb.start) <= 0.02 && abs(pa.end - pb.end) <= 0.02)
        #expect(abs(pb.start - 2.0) <= boundary && abs(pb.end - 5.0) <= boundary)
    }

    @Test(arguments: [8000, 16000, 44100, 48000])
    func sampleRateDoesNotChangeTheResult(rate: Int) throws {
        let voice = SyntheticVoice.answer(rate: rate)
        let (analysis, _) = try analyse(voice.samples, rate: rate)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 2.0) <= boundary && abs(pause.end - 5.0) <= boundary)
        #expect(abs(analysis.duration - 7.0) < 0.001)
    }

    @Test func stereoIsDownmixed() throws {
        let voice = SyntheticVoice.answer(rate: 16000)
        let quiet = SyntheticVoice(rate: 16000, seconds: 7.0)
        let stereo = zip(voice.samples, quiet.samples).flatMap { [$0.0, $0.1] }
        let (mono, _) = try analyse(voice.samples, rate: 16000)
        let (both, _) = try analyse(stereo, rate: 16000, channels: 2)
        let a = try #require(mono.pause), b = try #require(both.pause)
        #expect(abs(a.start - b.start) <= 0.005 && abs(a.end - b.end) <= 0.005)
    }

    @Test func blockSizeDoesNotChangeTheResult() throws {
        let voice = SyntheticVoice.answer(rate: 16000)
        let (reference, _) = try analyse(voice.samples, rate: 16000, block: 4096)
        for block in [1, 160, 333] {
            let (other, _) = try analyse(voice.samples, rate: 16000, block: block)
            #expect(other == reference, "block \(block)")
        }
    }

    @Test func silenceStartedIsReportedWithin100ms() throws {
        let voice = SyntheticVoice.answer(rate: 16000)
        let (_, events) = try analyse(voice.samples, rate: 16000, block: 160)
        let silences = events.filter { if case .silenceStarted(let t) = $0.0 { return t > 1.5 } else { return false } }
        let first = try #require(silences.first)
        guard case .silenceStarted(let at) = first.0 else { return }
        #expect(abs(at - 2.0) <= boundary)
        #expect(first.1 - 2.0 <= 0.1, "reported after \(first.1 - 2.0) s of audio")
        let refusalEnded = events.first { if case .refusalEnded = $0.0 { return true } else { return false } }
        #expect(refusalEnded?.0 == .refusalEnded(at: at))
        let resumed = events.first { if case .pauseEnded = $0.0 { return true } else { return false } }
        if case .pauseEnded(let t)? = resumed?.0 { #expect(abs(t - 5.0) <= boundary) } else { Issue.record("no pauseEnded") }
    }

    @Test(arguments: [(1.5, Verdict.short), (4.0, .onTarget), (5.5, .long)])
    func verdictFollowsThePauseLength(pause: Double, verdict: Verdict) throws {
        let voice = SyntheticVoice.answer(rate: 16000, solution: 2.0 + pause, seconds: 2.0 + pause + 2.0)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        #expect(analysis.verdict == verdict)
        #expect(abs((analysis.pause?.duration ?? 0) - pause) <= 2 * boundary)
    }

    @Test func noContinuationWhenNothingFollows() throws {
        let voice = SyntheticVoice.answer(rate: 16000, solution: nil, seconds: 5.0)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        #expect(analysis.verdict == .noContinuation)
        #expect(analysis.pause?.end == analysis.duration)
    }

    @Test func noPauseWhenSpeechDoesNotStop() throws {
        var voice = SyntheticVoice.answer(rate: 16000, solution: 2.3, seconds: 4.0)
        voice.word(2.0, 2.2)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        #expect(analysis.verdict == .noPause)
        #expect(analysis.pause == nil)
    }

    /// Issue 9: a whole answer spoken without a pause, then 3 s of quiet, through the engine.
    @Test func anAnswerThatNeverPausesIsNoPauseWithTheSilenceAfterItMeasured() throws {
        var voice = SyntheticVoice(rate: 16000, seconds: 10.0)
        for (index, start) in stride(from: 0.5, to: 6.5, by: 0.9).enumerated() { voice.word(start, start + 0.7, f0: index.isMultiple(of: 2) ? 120 : 110) }
        voice.noise(level: 0.003)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        #expect(analysis.verdict == .noPause && analysis.pause == nil)
        let last = try #require(analysis.segments.last)
        #expect(abs(last.end - 6.6) <= 2 * boundary)
        #expect(abs((analysis.silenceAfterLastWord ?? 0) - 3.4) <= 2 * boundary)
    }

    @Test func noSpeechInNoiseOrDigitalSilence() throws {
        var noise = SyntheticVoice(rate: 16000, seconds: 3)
        noise.noise(level: 0.01)
        noise.click(1.0)
        #expect(try analyse(noise.samples, rate: 16000).0.verdict == .noSpeech)
        let silence = [Float](repeating: 0, count: 16000)
        #expect(try analyse(silence, rate: 16000).0.verdict == .noSpeech)
    }

    @Test func damagedSamplesCountAsSilence() throws {
        var voice = SyntheticVoice.answer(rate: 16000)
        voice.samples[3 * 16000] = .nan
        voice.samples[3 * 16000 + 7] = .infinity
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 2.0) <= boundary && abs(pause.end - 5.0) <= boundary)
    }

    @Test func rejectsUnusableFormats() {
        #expect(throws: AnalyzerSetupError.self) { try PauseAnalyzer(sampleRate: 0, channels: 1) }
        #expect(throws: AnalyzerSetupError.self) { try PauseAnalyzer(sampleRate: 16000, channels: 0) }
    }
}
