import Foundation
import Testing
import StilteTestSupport

/// A FIFO with no writer given as a sound file (issue #12, item 8): `play`, `analyze` and `import` used to
/// hang in `open()` (and `play` ignored SIGTERM and Ctrl-C meanwhile). Now each refuses it at once.
@Suite struct FifoInputTests {
    private func fifo(in dir: TemporaryDirectory) throws -> String {
        let path = dir.file("prompt.wav").path
        try #require(mkfifo(path, 0o600) == 0)
        return path
    }

    @Test(arguments: [["play"], ["analyze"], ["import", "--trainee", "anna", "--scenario", "clinic-flatters.en"]])
    func aFifoWithoutWriterIsRefusedAtOnce(_ command: [String]) async throws {
        let dir = try TemporaryDirectory()
        let path = try fifo(in: dir)
        let started = ContinuousClock.now
        let result = try await Stilte.run(command + [path], environment: ["STILTE_HOME": dir.file("home").path], timeout: 10)
        let seconds = ContinuousClock.now - started
        #expect(result.status == 1 && !result.terminatedBySignal, "\(command): \(result.status), \(result.errorOutput)")
        #expect(seconds < .seconds(5), "\(command) took \(seconds)")
        #expect(result.errorOutput.contains(path) && result.errorOutput.contains("not a regular file"), "\(command): \(result.errorOutput)")
        // One error line (import may add a note about the unknown scenario before it).
        #expect(result.errorOutput.split(separator: "\n").filter { !$0.hasPrefix("note:") }.count == 1, "\(command): \(result.errorOutput)")
    }

    @Test func theRefusalIsInDutchToo() async throws {
        let dir = try TemporaryDirectory()
        let path = try fifo(in: dir)
        let result = try await Stilte.run(["play", "--lang", "nl", path], timeout: 10)
        #expect(result.status == 1)
        #expect(result.errorOutput.contains("geen gewoon bestand"), "\(result.errorOutput)")
    }

    @Test func sigtermStopsPlaybackAtOnce() async throws {
        let dir = try TemporaryDirectory()
        try RawAudio.write(noise(16_000 * 5), to: dir.file("in.raw"))
        let file = dir.file("long.wav").path
        #expect(try tool("sox", ["-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", dir.file("in.raw").path, file]).status == 0)
        let device = TestALSA.realtimePlayback(output: dir.file("out.raw"), rate: 16_000, channels: 1)
        let (result, afterSignal) = try await Stilte.run(["play", file, "--device", device], signal: SIGTERM, after: 1.0, in: dir)
        #expect(result.status == 130 || result.status == 143 || result.terminatedBySignal, "status \(result.status)")
        #expect(afterSignal < 0.5, "exited \(afterSignal) s after SIGTERM")
    }
}
