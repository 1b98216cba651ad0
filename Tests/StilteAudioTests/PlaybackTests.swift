import Foundation
import Testing
import StilteAudio
import StilteTestSupport

@Suite struct PlaybackTests {
    /// Writes `samples` as a 16-bit WAV with sox (independent of Stilte's writer).
    private func wav(_ samples: [Int16], rate: Int, channels: Int, in dir: TemporaryDirectory) throws -> String {
        let raw = dir.file("source.raw")
        let wav = dir.file("source.wav").path
        try RawAudio.write(samples, to: raw)
        let sox = try tool("sox", ["-t", "raw", "-r", "\(rate)", "-e", "signed", "-b", "16", "-c", "\(channels)", raw.path, wav])
        #expect(sox.status == 0)
        return wav
    }

    @Test(arguments: [(16_000, 1), (22_050, 2)])
    func writesExactlyTheFilesSamples(rate: Int, channels: Int) throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let samples = Signal.samples(rate / 2 * channels)
        let file = try wav(samples, rate: rate, channels: channels, in: dir)
        let output = dir.file("played.raw")
        let result = try AudioPlayer.play(file: file, device: TestALSA.filePlayback(output: output, rate: rate, channels: channels))
        #expect(result.framesWritten == rate / 2 && result.framesPlayed == rate / 2)
        #expect(result.interrupted == false)
        #expect(result.underruns == 0)
        #expect(try RawAudio.read(output) == samples)
    }

    @Test func startsWhereItIsAsked() throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let samples = Signal.samples(16_000)
        let file = try wav(samples, rate: 16_000, channels: 1, in: dir)
        let output = dir.file("played.raw")
        let result = try AudioPlayer.play(file: file, device: TestALSA.filePlayback(output: output, rate: 16_000, channels: 1),
                                          from: 0.25)
        #expect(result.framesPlayed == 12_000)
        #expect(try RawAudio.read(output) == Array(samples[4_000...]))
    }

    @Test(arguments: ["flac", "ogg", "wav"])
    func convertsRateAndChannelsToWhatTheDeviceTakes(format: String) throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let file = dir.file("tone.\(format)").path
        #expect(try tool("sox", ["-n", "-r", "44100", "-c", "2", file, "synth", "1.0", "sine", "440"]).status == 0)
        let output = dir.file("played.raw")
        let result = try AudioPlayer.play(file: file, device: TestALSA.filePlayback(output: output, rate: 16_000, channels: 1))
        #expect(result.framesWritten == 44_100)
        let frames = try RawAudio.read(output).count
        #expect(abs(frames - 16_000) <= 16, "1 s at 16 kHz, got \(frames) frames")
    }

    @Test func playsInRealTimeAndDrainsBeforeReturning() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let samples = Signal.samples(16_000 * 3 / 2)
        let file = try wav(samples, rate: 16_000, channels: 1, in: dir)
        let output = dir.file("played.raw")
        let device = TestALSA.realtimePlayback(output: output, rate: 16_000, channels: 1)
        let (result, elapsed) = try await onThread {
            let clock = ContinuousClock()
            let started = clock.now
            let result = try AudioPlayer.play(file: file, device: device)
            return (result, clock.now - started)
        }
        #expect(elapsed >= .milliseconds(1_450) && elapsed < .milliseconds(2_200), "1.5 s of audio took \(elapsed)")
        #expect(result.framesPlayed == samples.count)
        #expect(try RawAudio.read(output) == samples, "every frame played by the time play returned")
    }

    @Test func stopEndsPlaybackPromptlyAndDropsTheRest() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let samples = Signal.samples(16_000 * 4)
        let file = try wav(samples, rate: 16_000, channels: 1, in: dir)
        let output = dir.file("played.raw")
        let device = TestALSA.realtimePlayback(output: output, rate: 16_000, channels: 1)
        let (result, wasPlaying, stopping) = try await onThread {
            let playing = BackgroundPlayback.start(file: file, device: device)
            Thread.sleep(forTimeInterval: 1.0)
            let wasPlaying = !playing.isFinished
            let clock = ContinuousClock()
            let stopped = clock.now
            playing.stop()
            let result = try playing.wait()
            return (result, wasPlaying, clock.now - stopped)
        }
        #expect(wasPlaying)
        #expect(stopping < .milliseconds(150), "stop took \(stopping)")
        #expect(result.interrupted)
        #expect(result.seconds > 0.8 && result.seconds < 1.3, "played \(result.seconds) s of 4")
        let played = try RawAudio.read(output)
        #expect(played.count < 16_000 * 3 / 2)
        #expect(played == Array(samples[0..<played.count]))
    }

    @Test func emptyFilePlaysNothingAndReturns() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let file = try wav([], rate: 16_000, channels: 1, in: dir)
        let device = TestALSA.realtimePlayback(output: dir.file("out.raw"), rate: 16_000, channels: 1)
        let result = try await onThread { try AudioPlayer.play(file: file, device: device) }
        #expect(result.framesPlayed == 0 && !result.interrupted)
        #expect(try RawAudio.read(dir.file("out.raw")).isEmpty)
    }

    @Test func missingFileNamesTheFile() throws {
        try TestALSA.setUp()
        #expect {
            _ = try AudioPlayer.play(file: "/nonexistent/prompt.wav", device: "default")
        } throws: { error in
            let error = error as? AudioError
            return error?.function == "sf_open" && error?.subject == "/nonexistent/prompt.wav"
                && error?.message == "No such file or directory"
        }
    }

    @Test func unknownDeviceNamesTheDevice() throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let file = try wav(Signal.samples(1_600), rate: 16_000, channels: 1, in: dir)
        #expect {
            _ = try AudioPlayer.play(file: file, device: "stilte_no_such_device")
        } throws: { error in
            let error = error as? AudioError
            return error?.function == "snd_pcm_open" && error?.subject == "stilte_no_such_device"
                && error?.isNotFound == true && error?.message == "No such file or directory"
        }
    }

    @Test func deviceThatCannotTakeTheFormatSaysWhichCall() throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        let file = try wav(Signal.samples(3_200), rate: 16_000, channels: 2, in: dir)
        let bare = TestALSA.realtimePlayback(output: dir.file("out.raw"), rate: 16_000, channels: 1, plug: false)
        #expect {
            _ = try AudioPlayer.play(file: file, device: bare)
        } throws: { error in
            (error as? AudioError)?.function == "snd_pcm_hw_params_set_channels"
        }
    }
}
