import Testing
@testable import StilteAnalysis

/// The decisions that tell speech from the other sounds around it: long consonants,
/// breaths, a room's ring, creaks, and word edges hidden in noise.
@Suite struct BurstDecisionTests {
    /// A word ending in a long, loud "ch" (Dutch "vraagt", "gevraagd"): all of it is speech.
    @Test func aLongLoudFricativeAfterTheVowelIsPartOfTheWord() throws {
        var voice = SyntheticVoice.answer(rate: 16000, refusal: (0.5, 1.7))
        voice.hiss(1.7, 2.1, centre: 2200, level: 0.15, fadeIn: 0.01)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 2.1) <= 0.04)
        #expect(!pause.events.contains { $0.kind == .breath })
    }

    /// The same length of sound, but as quiet as a breath, is cut off the word as a breath.
    @Test func aQuietBreathRightAfterTheWordIsABreath() throws {
        var voice = SyntheticVoice.answer(rate: 16000, refusal: (0.5, 1.7))
        voice.hiss(1.7, 2.2, centre: 1500, level: 0.006, fadeIn: 0.01)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 1.7) <= 0.04)
        let breath = try #require(pause.events.first { $0.kind == .breath })
        #expect(abs(breath.end - 2.2) <= 0.05)
    }

    /// A final "s" as quiet as that breath, as long, is part of the word all the same: its
    /// spectrum rises above 4 kHz (a 16 kHz recording has it), a breath's stays below.
    @Test func aQuietFinalSibilantIsPartOfTheWord() throws {
        var voice = SyntheticVoice.answer(rate: 16000, refusal: (0.5, 1.7))
        voice.hiss(1.7, 2.1, centre: 3000, level: 0.004, fadeIn: 0.01)
        voice.hiss(1.7, 2.1, centre: 6000, level: 0.006, fadeIn: 0.01)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 2.1) <= 0.04)
        #expect(!pause.events.contains { $0.kind == .breath })
    }

    /// A room ringing on at the voice's pitch after the "no" is the room, not the voice.
    @Test func aRoomsRingAfterTheRefusalIsNotSpeech() throws {
        var voice = SyntheticVoice(rate: 16000, seconds: 7)
        voice.word(0.5, 1.2)
        voice.word(1.3, 2.0, f0: 110, steady: true)  // a held "nee"
        voice.word(5.0, 6.0, f0: 130)
        voice.reverberate(seconds: 1.2)
        voice.noise(level: 0.0005)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(pause.start - 2.0 <= 0.15, "end of the refusal \(pause.start) s, dry end 2.0 s")
        #expect(abs(pause.end - 5.0) <= 0.04)
    }

    /// A voice that drops and then holds a quiet note (a soft final syllable) is still the
    /// voice, not a room's decay.
    @Test func aQuietHeldEndingIsNotTakenForAnEcho() throws {
        var voice = SyntheticVoice(rate: 16000, seconds: 7)
        voice.word(0.5, 1.7)
        voice.word(1.66, 2.1, f0: 105, level: 0.04, steady: true)
        voice.word(5.0, 6.0, f0: 130)
        voice.noise(level: 0.0005)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 2.1) <= 0.04)
    }

    /// A chair creak rings periodic for a few frames now and then, but its pulses make the
    /// level jump: it stays an event inside the pause and does not end it.
    @Test(arguments: [220.0, 330.0, 500.0, 800.0])
    func aCreakInsideThePauseDoesNotEndIt(resonance: Double) throws {
        var voice = SyntheticVoice.answer(rate: 16000)
        voice.creak(3.0, 3.5, resonance: resonance, level: 0.05)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause)
        #expect(abs(pause.start - 2.0) <= 0.04 && abs(pause.end - 5.0) <= 0.04)
        #expect(pause.events.contains { $0.start >= 2.9 && $0.end <= 3.6 })
    }

    /// A sound as loud and long as the voice ends the pause even when no periodicity is found
    /// in it (a low, rough "uh" in noise); the same sound as quiet as a breath does not.
    @Test func aVoiceLoudSoundWithoutPitchEndsThePause() throws {
        func answer(level: Double) -> SyntheticVoice {
            var voice = SyntheticVoice.answer(rate: 16000)
            voice.hiss(3.6, 3.9, centre: 450, level: level, fadeIn: 0.02)
            return voice
        }
        let (loud, _) = try analyse(answer(level: 0.15).samples, rate: 16000)
        #expect(abs((loud.pause?.end ?? 0) - 3.6) <= 0.04)
        let (quiet, _) = try analyse(answer(level: 0.01).samples, rate: 16000)
        let pause = try #require(quiet.pause)
        #expect(abs(pause.end - 5.0) <= 0.04)
        #expect(pause.events.contains { abs($0.start - 3.6) <= 0.05 })
    }

    /// A 0.7 s break between two words is the pause in a quiet room; in loud noise, which
    /// may hide the faint edges of both words, it is too close to `minPause` to be one.
    @Test func aBreakNearMinPauseCountsOnlyWhereItsEdgesAreSeen() throws {
        func answer(noise: Double) -> SyntheticVoice {
            var voice = SyntheticVoice(rate: 16000, seconds: 7)
            voice.word(0.5, 1.3)
            voice.word(2.0, 2.8, f0: 110)
            voice.word(5.0, 6.0, f0: 130)
            voice.noise(level: noise)
            return voice
        }
        let (quiet, _) = try analyse(answer(noise: 0.001).samples, rate: 16000)
        #expect(abs((quiet.pause?.start ?? 0) - 1.3) <= 0.04)
        let (noisy, _) = try analyse(answer(noise: 0.05).samples, rate: 16000)
        let pause = try #require(noisy.pause)
        #expect(abs(pause.start - 2.8) <= 0.06 && abs(pause.end - 5.0) <= 0.06)
    }
}
