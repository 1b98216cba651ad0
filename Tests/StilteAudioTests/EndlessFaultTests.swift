import Foundation
import Testing
import StilteAudio
import StilteTestSupport

/// A device that fails every read for ever (issue #12, item 7): the rig's real-time device with
/// `repeatFaults`, so each recovery "succeeds" and the next read fails again.
@Suite struct EndlessFaultTests {
    private struct Run: Sendable {
        var got: Collected
        var ramp: [Int16]
        var seconds: Double
    }

    private static func capture(_ fault: TestALSA.Fault) throws -> Run {
        let dir = try TemporaryDirectory()
        let ramp = RawAudio.ramp(frames: 16_000 * 3)
        try RawAudio.write(ramp, to: dir.file("in.raw"))
        let device = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1, faults: [fault], repeatFaults: true)
        let started = ContinuousClock.now
        let capture = try LiveCapture.start(device: device, sampleRate: 16_000)
        let got = try capture.collect(frames: 16_000 * 3, deadline: .seconds(6))
        let elapsed = ContinuousClock.now - started
        return Run(got: got, ramp: ramp,
                   seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test(arguments: [TestALSA.Fault.overrun(at: 1.0), .suspend(at: 1.0)])
    func endsWithAnErrorKeepingTheAudioBefore(_ fault: TestALSA.Fault) async throws {
        try TestALSA.setUp()
        let run = try await onThread { try Self.capture(fault) }
        let got = run.got
        #expect(got.ended, "capture ended by itself")
        let error = try #require(got.endError)
        #expect(error.isFailingForEver, "\(error)")
        #expect(error.subject.hasPrefix("stilte_rt_plug:"))
        #expect(error.description.contains("times in a row"), "\(error)")
        #expect(run.seconds < 2.0, "ended \(run.seconds) s after the start (the fault was at 1 s)")
        // Failures with no audio between them are one gap; a resume first delivers the frames
        // still unread in the buffer, so a suspend shows as a few.
        #expect((1...5).contains(got.gaps.count), "bounded gaps: \(got.gaps.count)")
        #expect(got.gaps.allSatisfy { $0.kind == (fault == .overrun(at: 1.0) ? .overrun : .suspend) })
        #expect(got.samples.count > 16_000 / 2 && got.samples.count <= 16_000, "kept \(got.samples.count) frames")
        let first = try #require(got.gaps.first).frame
        #expect(got.samples[0..<first] == Signal.floats(run.ramp[0..<first])[...], "everything before the fault")
    }
}
