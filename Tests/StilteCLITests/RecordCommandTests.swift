import Foundation
import Testing

@Suite struct RecordCommandTests {
    @Test func recordsBitExactPrivateWavAndSummarises() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let samples = Samples.make(16_000 * 3 / 2)
        let raw = dir.appendingPathComponent("in.raw")
        try Samples.write(samples, to: raw)
        let take = dir.appendingPathComponent("take.wav")
        let result = try StilteBinary.run(["record", take.path, "--device", CLIDevices.capture(raw.path), "--seconds", "1.5"],
                                          alsaConfig: config, in: dir)
        #expect(result.status == 0)
        #expect(result.stdout == "Recorded 1.50 s to \(take.path): peak 0.0 dBFS, 0 overruns.\n")
        #expect(result.stderr == "", "no level meter when not on a terminal")
        let back = dir.appendingPathComponent("back.raw")
        #expect(try tool("sox", [take.path, "-t", "raw", "-e", "signed", "-b", "16", back.path]).status == 0)
        #expect(try Samples.read(back) == samples)
        #expect(try FileManager.default.attributesOfItem(atPath: take.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func otherRateIsHonoured() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let raw = dir.appendingPathComponent("in.raw")
        try Samples.write(Samples.make(8_000), to: raw)
        let take = dir.appendingPathComponent("take.wav")
        let result = try StilteBinary.run(["record", take.path, "--device", CLIDevices.capture(raw.path, rate: 8_000),
                                           "--seconds", "1", "--rate", "8000"], alsaConfig: config, in: dir)
        #expect(result.status == 0)
        #expect(try tool("soxi", ["-r", take.path]).output == "8000\n")
        #expect(try tool("soxi", ["-s", take.path]).output == "8000\n")
    }

    @Test func unknownDeviceIsOneLineAndLeavesNoFile() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let take = dir.appendingPathComponent("take.wav")
        let result = try StilteBinary.run(["record", take.path, "--device", "nosuchmic", "--seconds", "1"], alsaConfig: config, in: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: capture device 'nosuchmic' not found (No such file or directory, snd_pcm_open): run `stilte devices` and pass one of its names with --device\n")
        #expect(!FileManager.default.fileExists(atPath: take.path))
    }

    @Test func unwritableOutputIsOneLineNamingIt() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let raw = dir.appendingPathComponent("in.raw")
        try Samples.write(Samples.make(1_600), to: raw)
        let take = dir.appendingPathComponent("missing/take.wav").path
        let result = try StilteBinary.run(["record", take, "--device", CLIDevices.capture(raw.path), "--seconds", "0.1"],
                                          alsaConfig: config, in: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot create '\(take)': No such file or directory (open): choose a path in an existing, writable directory\n")
    }

    @Test func badOptionsAreRejectedBeforeAnythingOpens() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let take = dir.appendingPathComponent("take.wav").path
        let rate = try StilteBinary.run(["record", take, "--rate", "100"], alsaConfig: config, in: dir)
        #expect(rate.status != 0 && rate.stderr.contains("--rate must be between 8000 and 192000 Hz, not 100"))
        let seconds = try StilteBinary.run(["record", take, "--seconds", "0"], alsaConfig: config, in: dir)
        #expect(seconds.status != 0 && seconds.stderr.contains("--seconds must be more than 0"))
        #expect(!FileManager.default.fileExists(atPath: take))
    }

    @Test(.enabled(if: SmallDisk.unavailableReason == nil, "needs permission to mount a 64 KiB tmpfs (root)"))
    func fullDiskIsAClearErrorAndKeepsAValidFile() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let samples = Samples.make(16_000 * 4)
        let raw = dir.appendingPathComponent("in.raw")
        try Samples.write(samples, to: raw)
        let disk = try SmallDisk.mount()
        defer { SmallDisk.unmount(disk) }
        let take = disk.appendingPathComponent("take.wav")
        let result = try StilteBinary.run(["record", take.path, "--device", CLIDevices.capture(raw.path), "--seconds", "4"],
                                          alsaConfig: config, in: dir)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Error: writing '\(take.path)' failed: No space left on device (sf_writef_short): free space or choose another disk; the first 2.") == true)
        // The file holds what fitted, readable by sox and matching the input.
        let frames = try tool("soxi", ["-s", take.path])
        #expect(frames.status == 0)
        let count = Int(frames.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(count > 30_000 && count < 32_768)
        let back = dir.appendingPathComponent("back.raw")
        #expect(try tool("sox", [take.path, "-t", "raw", "-e", "signed", "-b", "16", back.path]).status == 0)
        #expect(try Samples.read(back) == Array(samples[0..<count]))
    }
}
