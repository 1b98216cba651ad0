import Foundation
import StilteTestSupport
import Testing

@Suite("Real-time device (stiltetest plugin): wall-clock pace, faults on cue")
struct RealtimeDeviceTests {
    @Test func captureTakesWallClockTimeAndReturnsTheInput() async throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("in.raw"), output = directory.file("out.raw")
        let samples = RawAudio.sine(frequency: 300, seconds: 2, rate: 16000)
        try RawAudio.write(samples, to: input)

        let result = try await ALSAUtils.arecord(
            device: TestALSA.realtimeCapture(input: input, rate: 16000, channels: 1), to: output,
            rate: 16000, channels: 1, seconds: 2)

        #expect(result.succeeded, "\(result.errorOutput)")
        #expect(try RawAudio.read(output) == samples)
        #expect(result.seconds >= 1.95 && result.seconds < 3.5, "took \(result.seconds) s")
    }

    @Test func captureAfterTheEndOfTheInputIsSilence() async throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("in.raw"), output = directory.file("out.raw")
        let samples = RawAudio.sine(frequency: 300, seconds: 0.5, rate: 8000)
        try RawAudio.write(samples, to: input)

        let result = try await ALSAUtils.arecord(
            device: TestALSA.realtimeCapture(input: input, rate: 8000, channels: 1), to: output,
            rate: 8000, channels: 1, seconds: 1)

        let captured = try RawAudio.read(output)
        #expect(result.succeeded, "\(result.errorOutput)")
        #expect(captured.count == 8000)
        #expect(Array(captured.prefix(samples.count)) == samples)
        #expect(captured.dropFirst(samples.count).allSatisfy { $0 == 0 })
    }

    @Test func playbackTakesWallClockTimeAndWritesTheExactBytes() async throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("in.raw"), output = directory.file("out.raw")
        let samples = RawAudio.sine(frequency: 440, seconds: 1.5, rate: 22050, channels: 2)
        try RawAudio.write(samples, to: input)

        let result = try await ALSAUtils.aplay(
            device: TestALSA.realtimePlayback(output: output, rate: 22050, channels: 2), from: input,
            rate: 22050, channels: 2)

        #expect(result.succeeded, "\(result.errorOutput)")
        let played = try RawAudio.read(output)
        #expect(Array(played.prefix(samples.count)) == samples)
        #expect(played.dropFirst(samples.count).allSatisfy { $0 == 0 }, "aplay pads its last chunk with silence")
        #expect(result.seconds >= 1.45 && result.seconds < 3.0, "took \(result.seconds) s")
    }

    @Test func plugConvertsOtherFormatsRatesAndChannels() async throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("in.raw"), output = directory.file("out.raw")
        try RawAudio.write(RawAudio.sine(frequency: 500, seconds: 1, rate: 16000), to: input)
        let device = TestALSA.realtimeCapture(input: input, rate: 16000, channels: 1)

        // 48 kHz stereo from the 16 kHz mono device: the plug layer converts, timing stays real.
        let result = try await ALSAUtils.arecord(device: device, to: output, rate: 48000, channels: 2, seconds: 1)

        #expect(result.succeeded, "\(result.errorOutput)")
        let captured = try RawAudio.read(output)
        #expect(captured.count == 2 * 48000)
        let left = stride(from: 0, to: captured.count, by: 2).map { captured[$0] }
        #expect(abs(cycles(left) - 500) <= 1, "\(cycles(left)) cycles")
        #expect(result.seconds >= 0.95, "took \(result.seconds) s")
    }

    @Test func theBareDeviceOnlyOffersItsOwnRate() async throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("in.raw")
        try RawAudio.write([], to: input)
        let device = TestALSA.realtimeCapture(input: input, rate: 16000, channels: 1, plug: false)
        let result = try await ALSAUtils.arecord(device: device, to: directory.file("out.raw"), rate: 44100,
                                                 channels: 1, seconds: 1)
        // arecord takes the nearest rate the device offers, and says so.
        #expect(result.errorOutput.contains("rate is not accurate"), "\(result.errorOutput)")
        #expect(result.errorOutput.contains("16000"))
    }

    @Test func overrunShowsAtItsTimeAndSkipsInput() async throws {
        let (result, captured) = try await captureRamp(faults: [.overrun(at: 1.0)], seconds: 2)

        #expect(result.succeeded, "\(result.errorOutput)")
        let line = try #require(result.errorLines.first { $0.text.contains("overrun!!!") }, "\(result.errorOutput)")
        #expect(line.seconds > 0.9 && line.seconds < 2.0, "reported at \(line.seconds) s")
        // Frames up to the fault that arecord had not read yet (less than its 0.5 s buffer) are lost, then the
        // input goes on from where the "microphone" is when capture restarts.
        let lostAt = try #require(firstRampBreak(captured))
        #expect(lostAt > 8000 && lostAt <= 16000, "input broke at frame \(lostAt)")
        #expect(captured.count == 32000)
    }

    @Test func suspendShowsAtItsTimeAndResumes() async throws {
        let (result, captured) = try await captureRamp(faults: [.suspend(at: 1.0)], seconds: 2)

        #expect(result.succeeded, "\(result.errorOutput)")
        let line = try #require(result.errorLines.first { $0.text.contains("Suspended. Trying resume. Done.") },
                                "\(result.errorOutput)")
        #expect(line.seconds > 0.9 && line.seconds < 2.0, "reported at \(line.seconds) s")
        // After a resume the frames read before the suspend are all there; at most a few ms are skipped.
        let breakAt = firstRampBreak(captured) ?? 16000
        #expect(breakAt == 16000, "input broke at frame \(breakAt)")
        #expect(captured.count == 32000)
    }

    @Test func disconnectEndsTheCaptureWithNoSuchDevice() async throws {
        let (result, captured) = try await captureRamp(faults: [.disconnect(at: 1.0)], seconds: 3)

        #expect(result.status == 1)
        let line = try #require(result.errorLines.first { $0.text.contains("No such device") }, "\(result.errorOutput)")
        #expect(line.seconds > 0.9 && line.seconds < 2.0, "reported at \(line.seconds) s")
        #expect(result.seconds < 2.5)
        #expect(firstRampBreak(captured) == nil)
        #expect(captured.count > 8000 && captured.count <= 16000, "kept \(captured.count) frames")
    }

    /// arecord of a 16 kHz mono ramp through the real-time device with `faults`.
    private func captureRamp(faults: [TestALSA.Fault], seconds: Int) async throws
        -> (ChildProcess.Result, [Int16]) {
        let directory = try TemporaryDirectory()
        let input = directory.file("ramp.raw"), output = directory.file("out.raw")
        try RawAudio.write(RawAudio.ramp(frames: 16000 * (seconds + 1)), to: input)
        let result = try await ALSAUtils.arecord(
            device: TestALSA.realtimeCapture(input: input, rate: 16000, channels: 1, faults: faults), to: output,
            rate: 16000, channels: 1, seconds: seconds)
        return (result, try RawAudio.read(output))
    }
}
