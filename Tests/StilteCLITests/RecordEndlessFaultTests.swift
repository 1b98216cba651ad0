import Foundation
import Testing
import StilteAudio
import StilteTestSupport

/// `stilte record` on a device that fails every read for ever (issue #12, item 7). The old binary grew to
/// 2.4 GB with 11 M gap records in 6 s and took 18–111 s to exit after Ctrl-C.
@Suite struct RecordEndlessFaultTests {
    @Test(arguments: [TestALSA.Fault.overrun(at: 1.0), .suspend(at: 1.0)])
    func stopsWithOneLineKeepingTheRecording(_ fault: TestALSA.Fault) async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let ramp = RawAudio.ramp(frames: 16_000 * 10)
        try RawAudio.write(ramp, to: dir.file("in.raw"))
        let take = dir.file("take.wav")
        let device = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1, faults: [fault], repeatFaults: true)
        let stilte = try ChildProcess.stilteExecutable().path
        // GNU time reports the peak resident set size (KiB) on standard error, after stilte's own lines.
        let result = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/time"),
                                                ["-f", "maxrss_kib %M", stilte, "record", take.path, "--device", device, "--seconds", "8"],
                                                environment: TestALSA.environment, timeout: 20)
        #expect(result.status != 0 && !result.terminatedBySignal, "status \(result.status)")
        #expect(result.seconds < 3.5, "ran \(result.seconds) s; the device broke at 1 s")
        let lines = result.errorOutput.split(separator: "\n")
        let errors = lines.filter { $0.hasPrefix("Error:") }
        #expect(errors.count == 1, "\(result.errorOutput)")
        #expect(errors.first?.contains("keeps failing") == true && errors.first?.contains("--device") == true, "\(result.errorOutput)")
        let rss = try #require(lines.last.flatMap { $0.split(separator: " ").last }.flatMap { Int($0) }, "\(result.errorOutput)")
        #expect(rss < 100_000, "peak RSS \(rss) KiB")
        if fault == .overrun(at: 1.0) {
            #expect(result.output.contains(", 1 overrun;"), "\(result.output)")
        } else {
            #expect(result.output.contains("0 overruns, ") && result.output.contains(" suspend"), "suspends are not overruns: \(result.output)")
        }
        let frames = try #require(try soxFrames(take), "sox reads the kept recording")
        #expect(frames > 16_000 / 2 && frames <= 16_000, "kept \(frames) frames")
        let kept = try soxSamples(take, in: dir)
        #expect(Array(kept.prefix(16_000 / 2)) == Array(ramp[0..<16_000 / 2]), "the audio before the fault is kept as it was")
    }
}
