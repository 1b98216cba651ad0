import Foundation
import Testing
import StilteTestSupport

/// The live level meter of `stilte record`, seen on a real terminal (tmux).
@Suite struct LevelMeterTests {
    static let tmuxMissing = ChildProcess.tool("tmux") == nil

    @Test(.enabled(if: !tmuxMissing, "needs tmux (scripts/setup installs it)"))
    func meterIsDrawnOnATerminalAndClearedForTheSummary() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        // A 440 Hz tone at half scale: the meter should show about -6 dBFS.
        try RawAudio.write(RawAudio.sine(frequency: 440, seconds: 12, rate: 16_000, amplitude: 0.5), to: dir.file("in.raw"))
        let device = TestALSA.realtimeCapture(input: dir.file("in.raw"), rate: 16_000, channels: 1)
        let take = dir.file("take.wav").path
        let socket = "stilte-meter-\(UUID().uuidString)"
        let config = TestALSA.environment["ALSA_CONFIG_PATH"] ?? ""
        let command = "env ALSA_CONFIG_PATH='\(config)' '\(try ChildProcess.stilteExecutable().path)' record '\(take)' --device '\(device)' --seconds 10; sleep 30"
        #expect(spawn(["tmux", "-L", socket, "new-session", "-d", "-x", "200", "-y", "10", command]) == 0)
        defer { _ = try? tool("tmux", ["-L", socket, "kill-server"]) }

        // Launching may be slow on a busy machine: watch the pane instead of guessing a delay; the
        // first meter line may come before a full block of the tone has been read.
        let meter = try await pane(socket, within: 10) {
            $0.contains(" s  [####") && ($0.hasSuffix("] -6.0 dBFS") || $0.hasSuffix("] -6.1 dBFS"))
        }
        let screen = try tool("tmux", ["-L", socket, "capture-pane", "-p"]).output
        #expect(meter != nil, "no meter at about -6 dBFS while recording: \(screen)")

        // Ctrl-C ends the take early; the meter gives way to the summary.
        _ = try tool("tmux", ["-L", socket, "send-keys", "C-c"])
        let summary = try #require(try await pane(socket, within: 15) { $0.hasPrefix("Recorded") })
        #expect(summary.hasSuffix(" s to \(take): peak -6.0 dBFS, 0 overruns."), "\(summary)")
        let after = try tool("tmux", ["-L", socket, "capture-pane", "-p"]).output
        #expect(!after.contains("[####"), "the meter line is cleared: \(after)")
    }
}

/// The first line of the tmux pane matching `wanted`, polled every 50 ms for up to `seconds`.
private func pane(_ socket: String, within seconds: Double, _ wanted: (String) -> Bool) async throws -> String? {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        let screen = try tool("tmux", ["-L", socket, "capture-pane", "-p"]).output
        if let line = screen.split(separator: "\n").map(String.init).first(where: wanted) { return line }
        try await Task.sleep(for: .milliseconds(50))
    }
    return nil
}

/// Runs a program that leaves a daemon behind (tmux's server) and waits for the
/// program alone: Foundation's `Process.waitUntilExit` would wait for the daemon too.
private func spawn(_ arguments: [String]) -> Int32 {
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawnp(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status
}
