import Foundation
import StilteTestSupport
import Testing

@Suite("File devices (stock file plugin): byte-exact, not paced")
struct FileDeviceTests {
    @Test func captureReturnsTheInputBytes() async throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("in path with spaces \"quoted\".raw"), output = directory.file("out.raw")
        let samples = RawAudio.ramp(frames: 16000, channels: 2)
        try RawAudio.write(samples, to: input)

        let result = try await ALSAUtils.arecord(device: TestALSA.fileCapture(input: input, rate: 16000, channels: 2),
                                                 to: output, rate: 16000, channels: 2, seconds: 1)

        #expect(result.succeeded, "\(result.errorOutput)")
        #expect(try RawAudio.read(output) == samples)
        #expect(result.seconds < 0.9, "the file plugin is not paced")
    }

    @Test func playbackWritesTheExactBytes() async throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("in.raw"), output = directory.file("out.raw")
        let samples = RawAudio.sine(frequency: 440, seconds: 0.5, rate: 48000)
        try RawAudio.write(samples, to: input)

        let result = try await ALSAUtils.aplay(device: TestALSA.filePlayback(output: output, rate: 48000, channels: 1),
                                               from: input, rate: 48000, channels: 1)

        #expect(result.succeeded, "\(result.errorOutput)")
        let played = try RawAudio.read(output)
        // aplay pads its last chunk with silence.
        #expect(Array(played.prefix(samples.count)) == samples)
        #expect(played.dropFirst(samples.count).allSatisfy { $0 == 0 })
    }
}
