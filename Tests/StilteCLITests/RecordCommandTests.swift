import Foundation
import Testing
import StilteAudio
import StilteTestSupport

@Suite struct RecordCommandTests {
    @Test func recordsBitExactPrivateWavAndSummarises() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let samples = noise(16_000 * 3 / 2)
        try RawAudio.write(samples, to: dir.file("in.raw"))
        let take = dir.file("take.wav")
        let device = TestALSA.fileCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1)
        let result = try await Stilte.run(["record", take.path, "--device", device, "--seconds", "1.5"])
        #expect(result.succeeded)
        #expect(result.output == "Recorded 1.50 s to \(take.path): peak 0.0 dBFS, 0 overruns.\n")
        #expect(result.errorOutput == "", "no level meter when not on a terminal")
        #expect(try soxSamples(take, in: dir) == samples)
        #expect(try FileManager.default.attributesOfItem(atPath: take.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func otherRateIsHonoured() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        try RawAudio.write(noise(8_000), to: dir.file("in.raw"))
        let take = dir.file("take.wav")
        let device = TestALSA.fileCapture(input: dir.file("in.raw"), rate: 8_000, channels: 1)
        let result = try await Stilte.run(["record", take.path, "--device", device, "--seconds", "1", "--rate", "8000"])
        #expect(result.succeeded)
        #expect(try tool("soxi", ["-r", take.path]).output == "8000\n")
        #expect(try soxFrames(take) == 8_000)
    }

    /// kill -9 after 3 s of real-time capture: sox and libsndfile read the file,
    /// which holds every frame but at most the last second, in order.
    @Test func killNineLosesAtMostTheLastSecond() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let ramp = RawAudio.ramp(frames: 16_000 * 10)
        try RawAudio.write(ramp, to: dir.file("in.raw"))
        let take = dir.file("take.wav")
        let device = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1)
        let (result, _) = try await Stilte.run(["record", take.path, "--device", device], signal: SIGKILL, after: 3, in: dir)
        #expect(result.terminatedBySignal && result.status == SIGKILL)
        let frames = try #require(try soxFrames(take), "sox reads the killed recording")
        #expect(Double(frames) / 16_000 >= result.seconds - 1.0, "\(frames) frames after \(result.seconds) s")
        #expect(Double(frames) / 16_000 <= result.seconds)
        #expect(try soxSamples(take, in: dir) == Array(ramp[0..<frames]))
        #expect(try SoundFileReader(path: take.path).frames == frames, "libsndfile reads the same length")
    }

    @Test func ctrlCFinishesTheFileAndExitsZero() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let ramp = RawAudio.ramp(frames: 16_000 * 10)
        try RawAudio.write(ramp, to: dir.file("in.raw"))
        let take = dir.file("take.wav")
        let device = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1)
        let (result, afterSignal) = try await Stilte.run(["record", take.path, "--device", device], signal: SIGINT, after: 2.5, in: dir)
        #expect(result.succeeded, "status \(result.status): \(result.errorOutput)")
        #expect(afterSignal < 0.3, "exited \(afterSignal) s after SIGINT")
        let frames = try #require(try soxFrames(take))
        #expect(frames > 16_000 * 2 && Double(frames) / 16_000 <= result.seconds, "\(frames) frames in \(result.seconds) s")
        // The ramp peaks at 29999 once past 30000 frames: -0.8 dBFS.
        #expect(result.output == "Recorded \(String(format: "%.2f", Double(frames) / 16_000)) s to \(take.path): peak -0.8 dBFS, 0 overruns.\n")
        #expect(try soxSamples(take, in: dir) == Array(ramp[0..<frames]))
    }

    @Test func overrunIsNotedWithItsPositionAndSummarised() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        try RawAudio.write(RawAudio.ramp(frames: 16_000 * 3), to: dir.file("in.raw"))
        let take = dir.file("take.wav")
        let device = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1, faults: [.overrun(at: 0.5)])
        let result = try await Stilte.run(["record", take.path, "--device", device, "--seconds", "1.5"])
        #expect(result.succeeded)
        let note = try #require(result.errorLines.first?.text)
        #expect(note.hasPrefix("overrun at 0.") && note.hasSuffix("s wall clock): audio is missing there"), "\(note)")
        #expect(result.output.contains(": peak "))
        #expect(result.output.contains(", 1 overrun; audio missing at 0."))
        #expect(result.output.hasSuffix(": timing across these points is unreliable.\n"))
        #expect(try soxFrames(take) == 24_000)
    }

    @Test func disconnectEndsWithOneLineAndKeepsTheFile() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let ramp = RawAudio.ramp(frames: 16_000 * 3)
        try RawAudio.write(ramp, to: dir.file("in.raw"))
        let take = dir.file("take.wav")
        let device = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1, faults: [.disconnect(at: 1.0)])
        let result = try await Stilte.run(["record", take.path, "--device", device])
        #expect(result.status == 1)
        let line = result.errorOutput
        #expect(line.hasPrefix("Error: capture device '\(device)' disconnected (No such device, snd_pcm_"))
        #expect(line.contains("): reconnect it and try again; the first 0.") || line.contains("; the first 1.00 s"))
        #expect(line.hasSuffix(" s are saved in '\(take.path)'\n"))
        #expect(line.split(separator: "\n").count == 1)
        let frames = try #require(try soxFrames(take))
        #expect(frames > 16_000 * 8 / 10 && frames <= 16_000)
        #expect(try soxSamples(take, in: dir) == Array(ramp[0..<frames]))
    }

    @Test(arguments: [(EBUSY, "is busy (Device or resource busy, snd_pcm_open): close the program using it or choose another with --device"),
                      (ENOENT, "not found (No such file or directory, snd_pcm_open): run `stilte devices` and pass one of its names with --device")])
    func openErrorIsOneLineAndLeavesNoFile(errno: Int32, message: String) async throws {
        let dir = try TemporaryDirectory()
        let take = dir.file("take.wav")
        let result = try await Stilte.run(["record", take.path, "--device", "default", "--seconds", "1"],
                                          environment: try TestALSA.openFailure(errno: errno, matching: "*"))
        #expect(result.status == 1)
        #expect(result.errorOutput == "Error: capture device 'default' \(message)\n")
        #expect(!FileManager.default.fileExists(atPath: take.path))
    }

    @Test func unwritableOutputIsOneLineNamingIt() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        try RawAudio.write(noise(1_600), to: dir.file("in.raw"))
        let take = dir.file("missing/take.wav").path
        let device = TestALSA.fileCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1)
        let result = try await Stilte.run(["record", take, "--device", device, "--seconds", "0.1"])
        #expect(result.status == 1)
        #expect(result.errorOutput == "Error: cannot create '\(take)': No such file or directory (open): choose a path in an existing, writable directory\n")
    }

    @Test func anEarlierTakeIsKeptUnlessOverwriteIsGiven() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let samples = noise(8_000)
        try RawAudio.write(samples, to: dir.file("in.raw"))
        let take = dir.file("take.wav")
        let earlier = Data(repeating: 7, count: 1_000)
        try earlier.write(to: take)
        let device = TestALSA.fileCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1)
        let refused = try await Stilte.run(["record", take.path, "--device", device, "--seconds", "0.5"])
        #expect(refused.status == 1)
        #expect(refused.errorOutput == "Error: '\(take.path)' already exists: choose another name, or pass --overwrite to replace it\n")
        #expect(try Data(contentsOf: take) == earlier)
        let replaced = try await Stilte.run(["record", take.path, "--device", device, "--seconds", "0.5", "--overwrite"])
        #expect(replaced.succeeded)
        #expect(try soxSamples(take, in: dir) == samples)
        #expect(try FileManager.default.attributesOfItem(atPath: take.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func badOptionsAreRejectedBeforeAnythingOpens() async throws {
        let dir = try TemporaryDirectory()
        let take = dir.file("take.wav").path
        let rate = try await Stilte.run(["record", take, "--rate", "100"])
        #expect(rate.status != 0 && rate.errorOutput.contains("--rate must be between 8000 and 192000 Hz, not 100"))
        let seconds = try await Stilte.run(["record", take, "--seconds", "0"])
        #expect(seconds.status != 0 && seconds.errorOutput.contains("--seconds must be more than 0"))
        #expect(!FileManager.default.fileExists(atPath: take))
    }

    @Test(.enabled(if: SmallDisk.unavailableReason == nil, "needs permission to mount a 64 KiB tmpfs (root)"))
    func fullDiskIsAClearErrorAndKeepsAValidFile() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let samples = noise(16_000 * 4)
        try RawAudio.write(samples, to: dir.file("in.raw"))
        let disk = try TemporaryDirectory()
        #expect(try tool("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.url.path]).status == 0)
        defer { _ = try? tool("umount", [disk.url.path]) }
        let take = disk.file("take.wav")
        let device = TestALSA.fileCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1)
        let result = try await Stilte.run(["record", take.path, "--device", device, "--seconds", "4"])
        #expect(result.status == 1)
        let lines = result.errorOutput.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Error: writing '\(take.path)' failed: No space left on device (sf_writef_short): free space or choose another disk; the first 2.") == true)
        let frames = try #require(try soxFrames(take), "sox reads what fitted")
        #expect(frames > 30_000 && frames < 32_768)
        #expect(try soxSamples(take, in: dir) == Array(samples[0..<frames]))
    }
}
