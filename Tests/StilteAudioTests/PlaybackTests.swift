import Foundation
import Testing
import StilteAudio

@Suite struct PlaybackTests {
    /// Writes `samples` as a 16-bit WAV with sox (independent of Stilte's writer).
    private func wav(_ samples: [Int16], rate: Int, channels: Int, in dir: URL) throws -> String {
        let raw = dir.appendingPathComponent("source.raw").path
        let wav = dir.appendingPathComponent("source.wav").path
        try Signal.rawBytes(samples).write(to: URL(fileURLWithPath: raw))
        let sox = try run("sox", ["-t", "raw", "-r", "\(rate)", "-e", "signed", "-b", "16", "-c", "\(channels)", raw, wav])
        #expect(sox.status == 0)
        return wav
    }

    @Test(arguments: [(16_000, 1), (22_050, 2)])
    func writesExactlyTheFilesSamples(rate: Int, channels: Int) throws {
        let dir = try temporaryDirectory()
        let samples = Signal.samples(rate / 2 * channels)
        let file = try wav(samples, rate: rate, channels: channels, in: dir)
        let output = dir.appendingPathComponent("played.raw").path
        let result = try AudioPlayer.play(file: file, device: TestDevices.filePlayback(output: output, rate: rate, channels: channels))
        #expect(result.framesWritten == rate / 2)
        #expect(result.interrupted == false)
        #expect(result.underruns == 0)
        #expect(Signal.fromRaw(try Data(contentsOf: URL(fileURLWithPath: output))) == samples)
    }

    @Test func convertsRateAndChannelsToWhatTheDeviceTakes() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("tone.flac").path
        #expect(try run("sox", ["-n", "-r", "44100", "-c", "2", file, "synth", "1.0", "sine", "440"]).status == 0)
        let output = dir.appendingPathComponent("played.raw").path
        let result = try AudioPlayer.play(file: file, device: TestDevices.filePlayback(output: output, rate: 16_000, channels: 1))
        #expect(result.framesWritten == 44_100)
        let frames = Signal.fromRaw(try Data(contentsOf: URL(fileURLWithPath: output))).count
        #expect(abs(frames - 16_000) <= 16, "1 s at 16 kHz, got \(frames) frames")
    }

    @Test func raisedStopPlaysNothing() throws {
        let dir = try temporaryDirectory()
        let file = try wav(Signal.samples(16_000), rate: 16_000, channels: 1, in: dir)
        let output = dir.appendingPathComponent("played.raw").path
        let stop = StopFlag()
        stop.raise()
        let result = try AudioPlayer.play(file: file, device: TestDevices.filePlayback(output: output), stop: stop)
        #expect(result.interrupted)
        #expect(result.framesWritten == 0)
    }

    @Test func missingFileNamesTheFile() {
        TestDevices.setUp()
        #expect {
            _ = try AudioPlayer.play(file: "/nonexistent/prompt.wav", device: "default")
        } throws: { error in
            let error = error as? AudioError
            return error?.function == "sf_open" && error?.subject == "/nonexistent/prompt.wav"
        }
    }

    @Test func unknownDeviceNamesTheDevice() throws {
        let dir = try temporaryDirectory()
        let file = try wav(Signal.samples(1_600), rate: 16_000, channels: 1, in: dir)
        #expect {
            _ = try AudioPlayer.play(file: file, device: "stilte_no_such_device")
        } throws: { error in
            let error = error as? AudioError
            return error?.function == "snd_pcm_open" && error?.subject == "stilte_no_such_device"
                && error?.isNotFound == true && error?.message == "No such file or directory"
        }
    }
}
