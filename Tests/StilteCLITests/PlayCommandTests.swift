import Foundation
import Testing

@Suite struct PlayCommandTests {
    @Test func playsTheFilesSamplesExactly() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let samples = Samples.make(8_000 * 2)
        let raw = dir.appendingPathComponent("in.raw")
        try Samples.write(samples, to: raw)
        let wav = dir.appendingPathComponent("prompt.wav").path
        #expect(try tool("sox", ["-t", "raw", "-r", "8000", "-e", "signed", "-b", "16", "-c", "2", raw.path, wav]).status == 0)
        let out = dir.appendingPathComponent("out.raw")
        let result = try StilteBinary.run(["play", wav, "--device", CLIDevices.playback(out.path, rate: 8_000, channels: 2)],
                                          alsaConfig: config, in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Played 1.00 s of \(wav)"))
        #expect(try Samples.read(out) == samples)
    }

    @Test func missingFileIsOneLineNamingIt() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let result = try StilteBinary.run(["play", "/nonexistent/prompt.wav"], alsaConfig: config, in: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot read '/nonexistent/prompt.wav': No such file or directory (sf_open): give an existing sound file (WAV, FLAC, Ogg)\n")
    }

    @Test func fileThatIsNoSoundIsOneLine() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let text = dir.appendingPathComponent("notes.txt")
        try "not a sound".write(to: text, atomically: true, encoding: .utf8)
        let result = try StilteBinary.run(["play", text.path], alsaConfig: config, in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: cannot read '\(text.path)': "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func unknownDeviceIsOneLineNamingIt() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let wav = dir.appendingPathComponent("tone.wav").path
        #expect(try tool("sox", ["-n", "-r", "16000", "-c", "1", wav, "synth", "0.1", "sine", "440"]).status == 0)
        let result = try StilteBinary.run(["play", wav, "--device", "nosuchdevice"], alsaConfig: config, in: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: playback device 'nosuchdevice' not found (No such file or directory, snd_pcm_open): run `stilte devices` and pass one of its names with --device\n")
    }
}
