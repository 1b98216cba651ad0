import Foundation
import Testing
import StilteTestSupport

@Suite struct PlayCommandTests {
    private func wav(_ samples: [Int16], rate: Int, channels: Int, in dir: TemporaryDirectory) throws -> String {
        try RawAudio.write(samples, to: dir.file("in.raw"))
        let wav = dir.file("prompt.wav").path
        let sox = try tool("sox", ["-t", "raw", "-r", "\(rate)", "-e", "signed", "-b", "16", "-c", "\(channels)", dir.file("in.raw").path, wav])
        #expect(sox.status == 0)
        return wav
    }

    @Test func playsTheFilesSamplesExactly() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let samples = noise(8_000 * 2)
        let file = try wav(samples, rate: 8_000, channels: 2, in: dir)
        let out = dir.file("out.raw")
        let result = try await Stilte.run(["play", file, "--device", TestALSA.filePlayback(output: out, rate: 8_000, channels: 2)])
        #expect(result.succeeded)
        #expect(result.output.hasPrefix("Played 1.00 s of \(file) on stilte_file_playback:"))
        #expect(try RawAudio.read(out) == samples)
    }

    @Test func ctrlCStopsPlaybackAtOnceWithStatus130() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let file = try wav(noise(16_000 * 5), rate: 16_000, channels: 1, in: dir)
        let out = dir.file("out.raw")
        let (result, afterSignal) = try await Stilte.run(["play", file, "--device", TestALSA.realtimePlayback(output: out, rate: 16_000, channels: 1)],
                                                         signal: SIGINT, after: 1.5, in: dir)
        #expect(result.status == 130 && !result.terminatedBySignal)
        #expect(afterSignal < 0.3, "exited \(afterSignal) s after SIGINT")
        let played = try #require(result.output.firstMatch(of: #/^Stopped after ([0-9.]+) s of /#).flatMap { Double($0.1) })
        #expect(played > 1.0 && played <= result.seconds, "SIGINT 1.5 s after launch, \(played) s played")
        let frames = try RawAudio.read(out).count
        #expect(abs(Double(frames) / 16_000 - played) < 0.1, "the device got \(frames) frames, \(played) s reported")
    }

    @Test func missingFileIsOneLineNamingIt() async throws {
        let result = try await Stilte.run(["play", "/nonexistent/prompt.wav"])
        #expect(result.status == 1)
        #expect(result.errorOutput == "Error: cannot read '/nonexistent/prompt.wav': No such file or directory (sf_open): give an existing sound file (WAV, FLAC, Ogg)\n")
    }

    @Test func fileThatIsNoSoundIsOneLine() async throws {
        let dir = try TemporaryDirectory()
        let text = dir.file("notes.txt")
        try Data("not a sound".utf8).write(to: text)
        let result = try await Stilte.run(["play", text.path])
        #expect(result.status == 1)
        #expect(result.errorOutput.hasPrefix("Error: cannot read '\(text.path)': "))
        #expect(result.errorOutput.split(separator: "\n").count == 1)
    }

    @Test func unknownDeviceIsOneLineNamingIt() async throws {
        let dir = try TemporaryDirectory()
        let file = try wav(noise(1_600), rate: 16_000, channels: 1, in: dir)
        let result = try await Stilte.run(["play", file, "--device", "nosuchdevice"])
        #expect(result.status == 1)
        #expect(result.errorOutput == "Error: playback device 'nosuchdevice' not found (No such file or directory, snd_pcm_open): run `stilte devices` and pass one of its names with --device\n")
    }

    @Test func busyDeviceIsOneLine() async throws {
        let dir = try TemporaryDirectory()
        let file = try wav(noise(1_600), rate: 16_000, channels: 1, in: dir)
        let result = try await Stilte.run(["play", file], environment: try TestALSA.openFailure(errno: EBUSY, matching: "*"))
        #expect(result.status == 1)
        #expect(result.errorOutput == "Error: playback device 'default' is busy (Device or resource busy, snd_pcm_open): close the program using it or choose another with --device\n")
    }
}
