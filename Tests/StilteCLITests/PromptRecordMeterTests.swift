import Foundation
import StilteTestSupport
import Testing

extension RehearseCLISuites {
    /// `stilte prompt record` on a real terminal (tmux): the trainer reading the client's line sees
    /// the input level meter `stilte record` has, and it gives way to the playback and the question.
    @Suite(.serialized, .enabled(if: TmuxSession.available)) struct PromptRecordMeterTests {
        @Test func showsTheLevelMeterWhileRecordingAndClearsItAfter() async throws {
            let fixture = try PromptRecordCommandTests.Fixture()
            defer { fixture.rig.cleanUp() }
            // The voice through the rig's real-time device, so the meter runs at the speed of speech.
            let capture = TestALSA.realtimeCapture(input: fixture.voice, rate: 22_050, channels: 1)
            let playback = TestALSA.filePlayback(output: fixture.rig.dir.appendingPathComponent("heard.raw"), rate: 22_050, channels: 1)
            let script = fixture.rig.dir.appendingPathComponent("prompt.sh")
            let exports = fixture.rig.environment.filter { ["ALSA_CONFIG_PATH", "STILTE_HOME", "PATH"].contains($0.key) }
                .map { "export \($0.key)='\($0.value)'" }.joined(separator: "\n")
            try """
                #!/bin/sh
                \(exports)
                '\(try ChildProcess.stilteExecutable().path)' prompt record museum-find-someone.en --scenarios '\(fixture.scenarios.path)' \\
                  --capture-device '\(capture)' --playback-device '\(playback)'
                echo "EXIT=$?"
                sleep 60
                """.write(to: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
            let tmux = try TmuxSession(script: script, columns: 100, rows: 20)

            // While the voice plays (half the prompt's -3 dBFS peak: about -9 dBFS), the meter line
            // shows the time, a bar and the level of the last tenth of a second.
            let meter = #/^([0-9]+\.[0-9]{2}) s  \[(#*)(\.*)\] (-[0-9]+\.[0-9]|-inf) dBFS$/#
            var levels: [Double] = []
            var seconds: [Double] = []
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let screen = try tmux.screen()
                for line in screen {
                    guard let match = line.firstMatch(of: meter) else { continue }
                    #expect(match.2.count + match.3.count == 30, "\(line)")
                    if let level = Double(match.4) { levels.append(level) }
                    if let at = Double(match.1) { seconds.append(at) }
                }
                if screen.contains(where: { $0.hasPrefix("Recorded ") }) { break }
                try await Task.sleep(for: .milliseconds(40))
            }
            let seen = try tmux.screen().joined(separator: "\n")
            let loudest = try #require(levels.max(), "no level meter while recording: \(seen)")
            #expect(loudest >= -10 && loudest <= -8.5, "the loudest level shown is \(loudest) dBFS")
            #expect((levels.min() ?? 0) < -30, "the quiet before the voice shows as quiet: \(levels.min() ?? 0) dBFS")
            #expect(Set(seconds).count >= 5 && seconds == seconds.sorted(), "the time runs on: \(seconds)")

            // Then the summary and the question, on a clean screen: no meter line left behind.
            let question = try await tmux.waitFor("y: yes   n: no", within: 20)
            let asked = try tmux.screen()
            #expect(question != nil, "\(asked.joined(separator: "\n"))")
            #expect(!asked.contains { $0.contains(" dBFS") && $0.contains("[") }, "the meter is cleared: \(asked.joined(separator: "\n"))")
            try tmux.send("n")
            #expect(try await tmux.waitFor("EXIT=0", within: 10) != nil)
            #expect(try tmux.screen().contains { $0.hasPrefix("Not kept:") })
        }
    }
}
