import Foundation
import StilteTestSupport
import Testing

extension RehearseCLISuites {
    /// The live screen in a real pseudo-terminal (tmux, 80 × 24), with the rig's
    /// real-time device playing the demo answer as the microphone: refusal until
    /// 3.91 s, 4.00 s of silence, then the solution.
    @Suite(.serialized, .enabled(if: TmuxSession.available)) struct RehearseLiveScreenTests {
        struct Frame {
            var seconds: Double
            var text: String
        }

        @Test func countsTheSilenceLiveAndFreezesAtTheMeasuredPause() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let script = try rehearseScript(rig)
            let tmux = try TmuxSession(script: script)
            #expect(try await tmux.waitFor("Enter: begin", within: 10) != nil)
            try tmux.send("Enter")
            let start = Date()
            var frames: [Frame] = []
            while Date().timeIntervalSince(start) < 30 {
                let text = try tmux.screen().joined(separator: "\n")
                frames.append(Frame(seconds: Date().timeIntervalSince(start), text: text))
                if text.contains("r: replay") { break }
                try await Task.sleep(for: .seconds(0.04))
            }

            // The count starts when the silence does and reaches 22 two seconds into it.
            let twentyTwoIndex = try #require(frames.firstIndex { $0.text.contains("21 … 22") })
            let twentyTwo = frames[twentyTwoIndex]
            // The silence after the refusal: the run of "◌ Silence" frames that leads to 22
            // (short breaks inside the refusal show "◌ Silence" briefly too).
            var runStart = twentyTwoIndex
            while runStart > 0, frames[runStart - 1].text.contains("◌ Silence") { runStart -= 1 }
            let silence = frames[runStart]
            #expect(!twentyTwo.text.contains("… 23"), "the count has not reached 23 yet")
            let shown = try #require(Self.barSeconds(twentyTwo.text))
            #expect(shown >= 2.0 && shown <= 2.3, "the bar says \(shown) s when 22 appears")
            let wall = twentyTwo.seconds - silence.seconds
            #expect(wall >= 1.7 && wall <= 2.3, "22 appeared \(wall) s after the silence was shown")

            // When the solution starts the screen freezes at the measured pause.
            let frozen = frames.filter { $0.text.contains("Pause ") && $0.text.contains("Stilte ·") }
            #expect(frozen.count >= 3, "the frozen pause stays on screen while the solution is spoken")
            let values = Set(frozen.compactMap { Self.frozenPause($0.text) })
            #expect(values.count == 1, "frozen values: \(values)")
            let pause = try #require(values.first)
            #expect(abs(pause - RehearseRig.demoPause) <= 0.15, "froze at \(pause) s")
            let firstFrozen = try #require(frozen.first)
            #expect(firstFrozen.seconds - silence.seconds >= 3.7, "froze after about 4 s of silence")

            // The result matches what the live screen froze at, and the log has it.
            let final = try #require(frames.last?.text)
            #expect(final.contains(String(format: "Pause after your no: %.2f s — on target", pause)))
            let take = try #require(try await rig.takes().first)
            let stored = try #require(take["pauseDuration"] as? Double)
            #expect(abs(stored - pause) < 0.006)

            // q quits and gives the terminal back with its cursor.
            try tmux.send("q")
            #expect(try await tmux.waitFor("EXIT=0", within: 5) != nil)
            #expect(try tmux.cursorVisible())
        }

        @Test func enterStopsATakeAgainRecordsAnotherAndCtrlCLeavesATidyTerminal() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let tmux = try TmuxSession(script: try rehearseScript(rig))
            #expect(try await tmux.waitFor("Enter: begin", within: 10) != nil)
            try tmux.send("Enter")
            #expect(try await tmux.waitFor("● Speaking", within: 10) != nil)
            try tmux.send("Enter")
            let stopped = try #require(try await tmux.waitFor("r: replay", within: 10))
            #expect(stopped.contains("stopped with Enter"))
            #expect(try tmux.cursorVisible(), "the cursor is back while the menu waits")

            try tmux.send("a")
            #expect(try await tmux.waitFor("○ Listening", within: 10) != nil)
            #expect(try !tmux.cursorVisible(), "hidden while the live screen draws")
            try tmux.send("C-c")
            let ended = try #require(try await tmux.waitFor("EXIT=", within: 10))
            #expect(ended.contains("EXIT=130"))
            #expect(ended.contains("stopped with Ctrl-C"))
            #expect(try tmux.cursorVisible())
            let takes = try await rig.takes()
            #expect(takes.count == 2, "both takes are saved")
            // The take stopped with Enter is practice; the one stopped with Ctrl-C is kept as interrupted.
            #expect(takes.map { $0["state"] as? String ?? "" }.sorted() == ["complete", "interrupted"])
        }

        /// A shell script running `stilte rehearse` on the rig's real-time microphone (the demo answer).
        func rehearseScript(_ rig: RehearseRig) throws -> URL {
            let capture = TestALSA.realtimeCapture(input: try rig.demoAnswerRaw(), rate: 16_000, channels: 1)
            let playback = TestALSA.filePlayback(output: rig.dir.appendingPathComponent("played.raw"), rate: 22_050, channels: 1)
            let script = rig.dir.appendingPathComponent("live.sh")
            let exports = rig.environment.filter { ["ALSA_CONFIG_PATH", "STILTE_HOME", "STILTE_SCENARIOS", "PATH"].contains($0.key) }
                .map { "export \($0.key)=\(Self.quoted($0.value))" }.joined(separator: "\n")
            try """
                #!/bin/sh
                \(exports)
                # Ctrl-C goes to the whole foreground group: the shell waits for stilte and reports its status.
                trap ':' INT
                \(Self.quoted(try ChildProcess.stilteExecutable().path)) rehearse museum-find-someone.en --trainee Tess \\
                  --playback-device \(Self.quoted(playback)) --capture-device \(Self.quoted(capture))
                echo "EXIT=$?"
                sleep 60
                """.write(to: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
            return script
        }

        /// The seconds printed after the bar ("▏ 2.04 s").
        static func barSeconds(_ text: String) -> Double? {
            guard let line = text.components(separatedBy: "\n").first(where: { $0.contains("▏ ") }),
                  let part = line.components(separatedBy: "▏ ").last?.components(separatedBy: " ").first else { return nil }
            return Double(part)
        }

        /// The value in "Pause 4.04 s — …" on the live screen.
        static func frozenPause(_ text: String) -> Double? {
            guard let line = text.components(separatedBy: "\n").first(where: { $0.contains("Pause ") && $0.contains(" — ") && !$0.contains("after your no") }),
                  let part = line.components(separatedBy: "Pause ").last?.components(separatedBy: " ").first else { return nil }
            return Double(part)
        }

        static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    }
}
