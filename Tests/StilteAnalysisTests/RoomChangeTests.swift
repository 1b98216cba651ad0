import Testing
@testable import StilteAnalysis

/// A room that gets louder after a quiet start: the background, frozen while the voice
/// speaks, must catch up with the room once the voice has stopped.
@Suite struct RoomChangeTests {
    /// Noise fading in over the first 6 s (a fan starting) while the refusal is spoken: the
    /// sound after the "no" is steady and unvoiced, so it is the room, and the pause is found.
    @Test func noiseFadingInDuringTheRefusalDoesNotHideThePause() throws {
        var voice = SyntheticVoice(rate: 16000, seconds: 10)
        voice.word(0.5, 2.0)
        voice.word(6.5, 8.0, f0: 130)
        voice.noise(level: 0.03, fadeIn: 6)
        let (analysis, _) = try analyse(voice.samples, rate: 16000)
        let pause = try #require(analysis.pause, "no pause found: \(analysis.verdict)")
        #expect(abs(pause.start - 2.0) <= 0.15, "end of the refusal \(pause.start) s, spoken to 2.0 s")
        #expect(abs(pause.end - 6.5) <= 0.15, "start of the solution \(pause.end) s, spoken from 6.5 s")
    }
}
