import Foundation
import StilteTestSupport
import Testing

extension RehearseCLISuites {
    /// The live screen on a 40-column terminal under `LC_ALL=C` (tmux, the rig's real-time device
    /// playing the Dutch demo answer): every frame redraws in place and shows ASCII only.
    /// About 20 s of wall clock: the whole answer plays in real time, which the in-place redraw needs.
    @Suite(.serialized, .enabled(if: TmuxSession.available)) struct RehearseNarrowScreenTests {
        @Test("40 columns, LC_ALL=C, Dutch: the live panel stays on the same rows, every character ASCII")
        func narrowPlainTerminal() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let tmux = try TmuxSession(script: try script(rig), columns: 40, rows: 24)
            #expect(try await tmux.waitFor("Enter: beginnen", within: 10) != nil)
            try tmux.send("Enter")
            let start = Date()
            var frames: [[String]] = []
            while Date().timeIntervalSince(start) < 30 {
                let rows = try tmux.screen()
                frames.append(rows)
                if rows.contains(where: { $0.contains("r: terugluisteren") }) { break }
                try await Task.sleep(for: .seconds(0.05))
            }
            let all = frames.flatMap { $0 }.joined(separator: "\n")
            let foreign = all.unicodeScalars.filter { !$0.isASCII }
            #expect(foreign.isEmpty, "\(String(String.UnicodeScalarView(foreign)))")
            #expect(all.contains("21 ... 22"), "the count in ASCII")
            #expect(all.contains("|#"), "the bar in ASCII")

            // While the take runs (before the result is printed under it), the panel's top line is
            // on the screen once, always on the same row: each frame overwrote the one before.
            let live = frames.filter { rows in
                rows.contains { $0.hasPrefix("Stilte . ") } && !rows.contains { $0.contains("Pauze na je nee") || $0.contains("terugluisteren") }
            }
            #expect(live.count >= 20, "\(live.count) live frames")
            let headerRows = live.map { rows in rows.indices.filter { rows[$0].hasPrefix("Stilte . ") } }
            let once = headerRows.allSatisfy { $0.count == 1 }
            #expect(once, "\(headerRows)")
            #expect(Set(headerRows.compactMap(\.first)).count == 1, "the panel moved: \(Set(headerRows.compactMap(\.first)))")
            let widest = live.flatMap { $0 }.map(\.count).max() ?? 0
            #expect(widest <= 40)

            try tmux.send("q")
            #expect(try await tmux.waitFor("EXIT=0", within: 5) != nil)
        }

        func script(_ rig: RehearseRig) throws -> URL {
            let capture = TestALSA.realtimeCapture(input: try rig.demoAnswerRaw(), rate: 16_000, channels: 1)
            let playback = TestALSA.filePlayback(output: rig.dir.appendingPathComponent("played.raw"), rate: 22_050, channels: 1)
            let script = rig.dir.appendingPathComponent("narrow.sh")
            let exports = rig.environment.filter { ["ALSA_CONFIG_PATH", "STILTE_HOME", "STILTE_SCENARIOS", "PATH"].contains($0.key) }
                .map { "export \($0.key)=\(Self.quoted($0.value))" }.joined(separator: "\n")
            try """
                #!/bin/sh
                \(exports)
                export LC_ALL=C
                \(Self.quoted(try ChildProcess.stilteExecutable().path)) --lang nl rehearse museum-find-someone.nl --trainee Tess \\
                  --playback-device \(Self.quoted(playback)) --capture-device \(Self.quoted(capture))
                echo "EXIT=$?"
                sleep 60
                """.write(to: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
            return script
        }

        static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    }
}
