import Foundation
import StilteTestSupport
import Testing

@Suite("PulseAudio null sink through the ALSA pulse plugin")
struct PulseNullSinkTests {
    @Test(.enabled(if: PulseNullSink.isAvailable, Comment(rawValue: PulseNullSink.unavailableReason)))
    func aTonePlayedIntoTheSinkComesBackFromItsMonitor() async throws {
        let pulse = try await PulseNullSink(rate: 48000, channels: 1)
        defer { pulse.stop() }
        let directory = try TemporaryDirectory()
        let tone = directory.file("tone.raw"), captured = directory.file("captured.raw")
        try RawAudio.write(RawAudio.sine(frequency: 1000, seconds: 1, rate: 48000, amplitude: 0.5), to: tone)
        let arecord = try #require(ChildProcess.tool("arecord")), aplay = try #require(ChildProcess.tool("aplay"))
        let format = ["-t", "raw", "-f", "S16_LE", "-r", "48000", "-c", "1"]

        async let recording = ChildProcess.run(arecord, ["-D", pulse.monitorDevice, "-d", "3"] + format + [captured.path],
                                               environment: pulse.environment, timeout: 15)
        try await Task.sleep(for: .milliseconds(300))
        let playing = try await ChildProcess.run(aplay, ["-D", pulse.playbackDevice] + format + [tone.path],
                                                 environment: pulse.environment, timeout: 15)
        let recorded = try await recording

        #expect(playing.succeeded, "\(playing.errorOutput)")
        #expect(recorded.succeeded, "\(recorded.errorOutput)")
        #expect(playing.seconds > 0.9 && playing.seconds < 3, "a 1 s tone played in \(playing.seconds) s")
        let samples = try RawAudio.read(captured)
        let loud = samples.filter { abs(Int($0)) > 4000 }.count
        #expect(Double(loud) > 0.5 * 48000, "\(loud) loud samples of \(samples.count)")
        let start = try #require(samples.firstIndex { abs(Int($0)) > 4000 })
        let halfSecond = Array(samples[start..<min(samples.count, start + 24000)])
        #expect(abs(cycles(halfSecond) - 500) <= 2, "\(cycles(halfSecond)) cycles in the tone's first 0.5 s")
    }
}
