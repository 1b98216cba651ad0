import Foundation
import Testing
import StilteAudio
import StilteTestSupport

/// Overrun, suspend and disconnect mid-capture on the rig's real-time device,
/// each while recording to a file, as `stilte record` and the rehearse screen do.
@Suite struct CaptureFaultTests {
    private struct Take: Sendable {
        var got: Collected
        var ramp: [Int16]
        var file: [Int16]
    }

    /// Captures up to 2 s of a ramp (frame i holds i % 30000) with `fault` at 1 s into a WAV.
    private func take(_ fault: TestALSA.Fault) async throws -> Take {
        try TestALSA.setUp()
        return try await onThread { try Self.record(fault) }
    }

    private static func record(_ fault: TestALSA.Fault) throws -> Take {
        let dir = try TemporaryDirectory()
        let ramp = RawAudio.ramp(frames: 16_000 * 3)
        try RawAudio.write(ramp, to: dir.file("in.raw"))
        let device = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1, faults: [fault])
        let path = dir.file("take.wav").path
        let capture = try LiveCapture.start(device: device, sampleRate: 16_000)
        let writer = try RecordingWriter(path: path, sampleRate: 16_000)
        let got = try capture.collect(frames: 32_000, deadline: .seconds(4), writer: writer)
        try writer.close()
        let reader = try SoundFileReader(path: path)
        var file = [Int16](repeating: 0, count: reader.frames)
        let n = try file.withUnsafeMutableBufferPointer { try reader.read(into: $0) }
        return Take(got: got, ramp: ramp, file: Array(file[0..<n]))
    }

    /// The delivered samples as ramp values.
    private func values(_ samples: ArraySlice<Float>) -> [Int] { samples.map { Int(($0 * 32768).rounded()) } }

    /// Checks that `samples` are consecutive ramp values (no frame missing inside).
    private func isContinuous(_ samples: ArraySlice<Float>) -> Bool {
        let v = values(samples)
        return zip(v, v.dropFirst()).allSatisfy { ($1 - $0 + 30_000) % 30_000 == 1 }
    }

    @Test func overrunIsRecoveredAndReportedWithItsPosition() async throws {
        let take = try await take(.overrun(at: 1.0))
        let got = take.got
        #expect(got.gaps.count == 1)
        let gap = try #require(got.gaps.first)
        #expect(gap.kind == .overrun)
        #expect(gap.seconds > 0.5 && gap.seconds <= 1.0, "reported at \(gap.seconds) s of audio")
        #expect(abs(gap.wallClockSeconds - 1.0) < 0.25, "detected at \(gap.wallClockSeconds) s wall clock")
        #expect(got.ended == false && got.samples.count == 32_000, "capture went on after recovery")
        #expect(got.samples[0..<gap.frame] == Signal.floats(take.ramp[0..<gap.frame])[...])
        #expect(isContinuous(got.samples[gap.frame...]))
        #expect(values(got.samples[gap.frame...gap.frame]).first ?? 0 > gap.frame, "frames were lost at the gap")
        #expect(take.file == values(got.samples[...]).map { Int16($0) }, "the file holds everything delivered")
    }

    @Test func suspendIsRecoveredAndReportedWithItsPosition() async throws {
        let take = try await take(.suspend(at: 1.0))
        let got = take.got
        #expect(got.gaps.count == 1)
        let gap = try #require(got.gaps.first)
        #expect(gap.kind == .suspend)
        #expect(gap.seconds > 0.5 && gap.seconds <= 1.0, "reported at \(gap.seconds) s of audio")
        #expect(got.ended == false && got.samples.count == 32_000, "capture went on after resume")
        #expect(got.samples[0..<gap.frame] == Signal.floats(take.ramp[0..<gap.frame])[...])
        #expect(take.file == values(got.samples[...]).map { Int16($0) }, "the file holds everything delivered")
    }

    @Test func disconnectEndsCleanlyKeepingEverythingCaptured() async throws {
        let take = try await take(.disconnect(at: 1.0))
        let got = take.got
        #expect(got.ended)
        let error = try #require(got.endError)
        #expect(error.isDisconnect)
        #expect(error.function == "snd_pcm_readi" || error.function == "snd_pcm_wait")
        #expect(error.subject.hasPrefix("stilte_rt_plug:"))
        #expect(got.gaps.isEmpty)
        #expect(got.samples.count > 16_000 * 8 / 10 && got.samples.count <= 16_000, "kept \(got.samples.count) frames")
        #expect(got.samples[...] == Signal.floats(take.ramp[0..<got.samples.count])[...])
        #expect(take.file == take.ramp[0..<got.samples.count].map { $0 }, "the file holds everything captured")
    }
}
