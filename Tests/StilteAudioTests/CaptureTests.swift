import Foundation
import Testing
import StilteAudio
import StilteTestSupport

@Suite struct CaptureTests {
    @Test func deliversExactlyTheInputsSamplesInSmallBlocks() throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let input = Signal.samples(16_000)
        try RawAudio.write(input, to: dir.file("in.raw"))
        let capture = try LiveCapture.start(device: TestALSA.fileCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1))
        let got = try capture.collect(frames: input.count)
        #expect(got.samples == Signal.floats(input))
        #expect(got.gaps.isEmpty)
        #expect(got.largestBlock <= 16_000 / 50, "blocks of at most 20 ms")
    }

    @Test func recordingReadBackIsBitExactAndPrivate() throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let input = Signal.samples(24_000, seed: 7)
        try RawAudio.write(input, to: dir.file("in.raw"))
        let path = dir.file("take.wav").path
        let capture = try LiveCapture.start(device: TestALSA.fileCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1))
        let writer = try RecordingWriter(path: path, sampleRate: 16_000)
        _ = try capture.collect(frames: input.count, writer: writer)
        try writer.close()

        let reader = try SoundFileReader(path: path)
        #expect(reader.sampleRate == 16_000 && reader.channels == 1 && reader.frames == input.count)
        var back = [Int16](repeating: 0, count: input.count + 10)
        let n = try back.withUnsafeMutableBufferPointer { try reader.read(into: $0) }
        #expect(n == input.count)
        #expect(Array(back[0..<n]) == input)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func convertsAStereo48kDeviceToMono16k() throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        // 1 s of a 440 Hz tone at 48 kHz stereo, through plug's rate and channel conversion.
        try RawAudio.write(RawAudio.sine(frequency: 440, seconds: 1, rate: 48_000, channels: 2, amplitude: 0.5), to: dir.file("in.raw"))
        let capture = try LiveCapture.start(device: TestALSA.fileCapture(input: dir.file("in.raw"), rate: 48_000, channels: 2))
        let got = try capture.collect(frames: 8_000)
        #expect(got.samples.count == 8_000)
        let peak = got.samples.dropFirst(100).map(abs).max() ?? 0
        #expect(abs(peak - 0.5) < 0.02, "the tone's peak survives conversion: \(peak)")
    }

    @Test func capturesInRealTime() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let ramp = RawAudio.ramp(frames: 16_000 * 2)
        try RawAudio.write(ramp, to: dir.file("in.raw"))
        let device = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1)
        let (got, elapsed) = try await onThread {
            let clock = ContinuousClock()
            let started = clock.now
            let got = try LiveCapture.start(device: device).collect(frames: 16_000)
            return (got, clock.now - started)
        }
        #expect(elapsed >= .milliseconds(980) && elapsed < .milliseconds(1_300), "1 s of audio arrived in \(elapsed)")
        #expect(got.samples == Signal.floats(ramp[0..<16_000]))
        #expect(got.gaps.isEmpty)
    }

    @Test func unknownDeviceThrowsFromStart() throws {
        try TestALSA.setUp()
        #expect {
            _ = try LiveCapture.start(device: "stilte_no_such_device")
        } throws: { error in
            let error = error as? AudioError
            return error?.function == "snd_pcm_open" && error?.subject == "stilte_no_such_device"
        }
    }

    @Test func rateTheBareDeviceCannotDoNamesTheCall() throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        try RawAudio.write(Signal.samples(1_600), to: dir.file("in.raw"))
        let bare = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 48_000, channels: 1, plug: false)
        #expect {
            _ = try LiveCapture.start(device: bare, sampleRate: 16_000)
        } throws: { error in
            (error as? AudioError)?.function == "snd_pcm_hw_params_set_rate"
        }
    }
}
