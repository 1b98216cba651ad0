import Foundation
import Testing
import StilteTestSupport

/// The position line of `stilte play` and `stilte review play`, seen on a real terminal (tmux),
/// playing through the rig's real-time device.
@Suite(.serialized) struct PlaybackMeterTests {
    static let tmuxMissing = ChildProcess.tool("tmux") == nil

    /// Runs `command` in a detached tmux session; returns the socket.
    private func start(_ command: String) -> String {
        let socket = "stilte-play-\(UUID().uuidString)"
        let argv = ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "10", command + "; sleep 30"]
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        if posix_spawnp(&pid, "tmux", nil, nil, cArguments, environ) == 0 {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        return socket
    }

    /// The first pane line matching `wanted` within `seconds`.
    private func pane(_ socket: String, within seconds: Double, _ wanted: (String) -> Bool) async throws -> String? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            let screen = try tool("tmux", ["-L", socket, "capture-pane", "-p"]).output
            if let line = screen.split(separator: "\n").map(String.init).first(where: wanted) { return line }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    @Test(.enabled(if: !tmuxMissing, "needs tmux (scripts/setup installs it)"))
    func playShowsPositionLengthAndABar() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()
        try RawAudio.write(RawAudio.sine(frequency: 440, seconds: 4, rate: 16_000, amplitude: 0.3), to: dir.file("in.raw"))
        let wav = dir.file("tone.wav").path
        #expect(try tool("sox", ["-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", dir.file("in.raw").path, wav]).status == 0)
        let device = TestALSA.realtimePlayback(output: dir.file("out.raw"), rate: 16_000, channels: 1)
        let config = TestALSA.environment["ALSA_CONFIG_PATH"] ?? ""
        let socket = start("env ALSA_CONFIG_PATH='\(config)' '\(try ChildProcess.stilteExecutable().path)' play '\(wav)' --device '\(device)'")
        defer { _ = try? tool("tmux", ["-L", socket, "kill-server"]) }

        // Mid-way: a position between 0.5 and 3.5 s of 4.00 s, some of the 30 cells played.
        let meter = try await pane(socket, within: 15) { line in
            guard let match = line.firstMatch(of: #/^ +([0-9.]+) / 4\.00 s  \[(#+)(\.+)\]$/#), let at = Double(match.1) else { return false }
            return at > 0.5 && at < 3.5
        }
        let screen = try tool("tmux", ["-L", socket, "capture-pane", "-p"]).output
        #expect(meter != nil, "no position line while playing: \(screen)")
        let summary = try #require(try await pane(socket, within: 15) { $0.hasPrefix("Played") })
        #expect(summary.hasPrefix("Played 4.00 s of \(wav)"))
        let after = try tool("tmux", ["-L", socket, "capture-pane", "-p"]).output
        #expect(!after.contains("/ 4.00 s  ["), "the line is cleared for the summary: \(after)")
    }

    @Test(.enabled(if: !tmuxMissing, "needs tmux (scripts/setup installs it)"))
    func reviewPlayMarksAndNamesThePause() async throws {
        try TestALSA.setUp()
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        let wav = try cli.answer(pause: 2.5, name: "rp")
        #expect(try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        let take = try #require(try cli.takesJSON().first)
        let pause = try #require(take["detectedPause"] as? [String: Double])
        let pauseStart = try #require(pause["start"]), pauseEnd = try #require(pause["end"])
        let rate = try #require(take["sampleRate"] as? Int)
        let device = TestALSA.realtimePlayback(output: cli.scratch.appendingPathComponent("out.raw"), rate: rate, channels: 1)
        let config = TestALSA.environment["ALSA_CONFIG_PATH"] ?? ""
        let socket = start("env STILTE_HOME='\(cli.home.path)' ALSA_CONFIG_PATH='\(config)' '\(try ChildProcess.stilteExecutable().path)' review play 1 --device '\(device)'")
        defer { _ = try? tool("tmux", ["-L", socket, "kill-server"]) }

        let span = String(format: "pause %.2f–%.2f s", pauseStart, pauseEnd)
        // While the pause plays: the bar has the unplayed rest of the pause (_), and the line says how far into it.
        let inPause = try await pane(socket, within: 20) { $0.contains("_") && $0.contains(span + ", now ") && $0.hasSuffix(" into it") }
        let screen = try tool("tmux", ["-L", socket, "capture-pane", "-p"]).output
        #expect(inPause != nil, "no pause on the line: \(screen)")
        let played = try await pane(socket, within: 20) { $0.hasPrefix("Played take 1") }
        #expect(played != nil)
    }
}
