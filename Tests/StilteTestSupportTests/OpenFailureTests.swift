import Foundation
import StilteTestSupport
import Testing

@Suite("LD_PRELOAD shim: snd_pcm_open fails on purpose")
struct OpenFailureTests {
    @Test(arguments: [(EBUSY, "Device or resource busy"), (ENOENT, "No such file or directory")])
    func matchingOpenFails(errno: Int32, message: String) async throws {
        let directory = try TemporaryDirectory()
        let device = TestALSA.realtimeCapture(input: directory.file("none.raw"), rate: 16000, channels: 1)

        let result = try await ALSAUtils.arecord(
            device: device, to: directory.file("out.raw"), rate: 16000, channels: 1, seconds: 1,
            environment: try TestALSA.openFailure(errno: errno, matching: "stilte_rt*"))

        #expect(result.status == 1)
        #expect(result.errorOutput.contains("audio open error: \(message)"), "\(result.errorOutput)")
    }

    @Test func otherNamesOpenNormally() async throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("in.raw"), output = directory.file("out.raw")
        try RawAudio.write(RawAudio.ramp(frames: 8000), to: input)

        let result = try await ALSAUtils.arecord(
            device: TestALSA.fileCapture(input: input, rate: 8000, channels: 1), to: output, rate: 8000,
            channels: 1, seconds: 1, environment: try TestALSA.openFailure(errno: EBUSY, matching: "stilte_rt*"))

        #expect(result.succeeded, "\(result.errorOutput)")
        #expect(try RawAudio.read(output) == RawAudio.ramp(frames: 8000))
    }
}
