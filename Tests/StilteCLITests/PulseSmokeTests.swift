import Foundation
import Testing
import StilteTestSupport

/// `stilte play` into a real sound server and `stilte record` from it: a PulseAudio
/// null sink behind the ALSA `pulse` plugin (the rig's `PulseNullSink`).
@Suite struct PulseSmokeTests {
    /// The rig's sink, with one retry: its warm-up `aplay` has been seen to time out
    /// once in a few dozen runs on a loaded machine (reported to the rig's owner).
    private func startSink() async throws -> PulseNullSink {
        do {
            return try await PulseNullSink(rate: 16_000, channels: 1)
        } catch {
            return try await PulseNullSink(rate: 16_000, channels: 1)
        }
    }

    @Test(.enabled(if: PulseNullSink.isAvailable, "needs pulseaudio and the ALSA pulse plugin (scripts/setup installs them)"))
    func recordsWhatIsPlayedThroughARealSoundServer() async throws {
        let pulse = try await startSink()
        defer { pulse.stop() }
        let dir = try TemporaryDirectory()
        let tone = dir.file("tone.wav").path
        #expect(try tool("sox", ["-n", "-r", "16000", "-c", "1", "-b", "16", tone, "synth", "2", "sine", "440", "vol", "0.5"]).status == 0)
        let take = dir.file("take.wav")

        async let recording = Stilte.run(["record", take.path, "--device", pulse.monitorDevice, "--seconds", "3"],
                                         environment: pulse.environment)
        try await Task.sleep(for: .milliseconds(300))
        let played = try await Stilte.run(["play", tone, "--device", pulse.playbackDevice], environment: pulse.environment)
        let recorded = try await recording

        #expect(played.succeeded, "\(played.errorOutput)")
        #expect(played.output.hasPrefix("Played 2.00 s of \(tone)"))
        #expect(played.seconds >= 2.0, "play returns after the server played it all (\(played.seconds) s)")
        #expect(recorded.succeeded, "\(recorded.errorOutput)")
        #expect(try soxFrames(take) == 48_000)
        // The tone came back through the server at its level (half scale, -6 dBFS).
        #expect(recorded.output.hasPrefix("Recorded 3.00 s to \(take.path): peak -6."), "\(recorded.output)")
    }
}
