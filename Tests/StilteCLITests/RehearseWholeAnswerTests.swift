import Foundation
import StilteTestSupport
import Testing

extension RehearseCLISuites {
    /// Issue 9 end to end: answers that used to cut a take short, spliced by `scripts/make-livecases`
    /// (a refusal with a break inside, a filler then silence, a solution with a thinking gap, a short
    /// word after the no), played by the real-time test device into `stilte rehearse --json`. Each
    /// take must go on to the answer's last word, stop by itself, and report what `stilte analyze`
    /// finds in the saved recording.
    @Suite(.serialized) struct RehearseWholeAnswerTests {
        /// The spliced cases, made once for the whole suite (the script takes 5-25 s).
        static let cases: Result<URL, any Error> = Result {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-wholeanswer-\(getpid())")
            let make = Process()
            make.executableURL = RehearseRig.root.appendingPathComponent("scripts/make-livecases")
            make.arguments = ["--out", out.path]
            make.standardOutput = FileHandle.nullDevice
            try make.run()
            make.waitUntilExit()
            guard make.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
            return out
        }

        /// The three ways of issue 9: a break inside the refusal (clean, and in noise), a filler
        /// then silence, a short word after the no (spoken: part of the refusal; whispered: the
        /// engine labels it breath in l02, noise in l05); and a thinking gap in the solution.
        @Test(arguments: ["l01-break", "l05-break", "l02-filler", "l04-shortword", "l02-whisper", "l05-whisper", "l03-thinking"])
        func keepsTheWholeAnswer(_ name: String) async throws {
            let cases = try #require(try? Self.cases.get(), "scripts/make-livecases failed (run scripts/setup for flac)")
            let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: cases.appendingPathComponent(name + ".json"))) as? [String: Any])
            let lastWord = try #require(truth["lastWord"] as? Double)
            let (live, offline) = try await Self.rehearseThenAnalyze(cases.appendingPathComponent(name + ".wav"), name)
            let duration = try #require(live["duration"] as? Double)
            #expect(duration >= lastWord, "\(name): the take stopped at \(duration) s, the answer's last word ends at \(lastWord) s")
            let segments = try #require(offline["segments"] as? [[String: Double]])
            #expect((segments.last?["end"] ?? 0) >= lastWord - 0.2, "\(name): the solution is in the recording")
            let pause = try #require(live["pause"] as? [String: Any], "\(name): a pause was measured")
            if name.hasSuffix("whisper") {
                let kinds = (pause["events"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
                #expect(kinds.contains { $0 == "breath" || $0 == "noise" }, "\(name): the whispered word is a sound in the pause: \(kinds)")
            }
        }

        /// The answer that never pauses (an evaluation-set answer spoken without a pause, 7.2 s of
        /// words): no pause found, `pause: null`, the silence after the last word in its own field,
        /// and the take still stops by itself once the trainee is quiet.
        @Test func anAnswerThatNeverPausesIsReportedAsMeasured() async throws {
            let file = RehearseRig.root.appendingPathComponent("Tests/Fixtures/evalset/e030-dc-nl.flac")
            let (live, _) = try await Self.rehearseThenAnalyze(file, "e030-dc-nl", scenario: "museum-find-someone.nl")
            #expect(live["verdict"] as? String == "no-pause")
            #expect(live["pause"] is NSNull, "\(live["pause"] ?? "missing")")
            let after = try #require(live["silenceAfterLastWord"] as? Double)
            let duration = try #require(live["duration"] as? Double)
            let lastWord = try #require((live["segments"] as? [[String: Double]])?.last?["end"])
            #expect(abs(lastWord + after - duration) < 0.002, "the silence runs from the last word (\(lastWord) s) to the end (\(duration) s)")
            #expect(after >= 2.5, "the take waited for the trainee to be done: \(after) s")
        }

        /// Plays `file`, then 9 s of the trainee keeping quiet (zeros: more than any wait of the stop
        /// rule), into `stilte rehearse --json` through the real-time device; checks the take stopped
        /// by itself and that `stilte analyze` of the saved recording reports the same. Returns both JSONs.
        static func rehearseThenAnalyze(_ file: URL, _ name: String, scenario: String = "museum-find-someone.en")
            async throws -> (live: [String: Any], offline: [String: Any]) {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let answer = try RehearseRig.rawSamples(of: file)
            try #require(answer.rate == 16_000 && answer.channels == 1)
            let raw = rig.dir.appendingPathComponent("answer.raw")
            try RawAudio.write(answer.samples + [Int16](repeating: 0, count: 9 * 16_000), to: raw)
            let outcome = try await rig.run([
                "rehearse", scenario, "--trainee", "Tess", "--json",
                "--playback-device", TestALSA.filePlayback(output: rig.dir.appendingPathComponent("played.raw"), rate: 22_050, channels: 1),
                "--capture-device", TestALSA.realtimeCapture(input: raw, rate: 16_000, channels: 1),
            ])
            try #require(outcome.status == 0, "\(outcome.stderr)")
            let live = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            #expect(live["stopReason"] as? String == "finished", "\(name): \(live["stopReason"] ?? "?")")

            let saved = try #require(live["file"] as? String)
            let analyzed = try await rig.run(["analyze", "--json", saved])
            try #require(analyzed.status == 0, "\(analyzed.stderr)")
            let offline = try #require(try JSONSerialization.jsonObject(with: Data(analyzed.stdout.utf8)) as? [String: Any])
            for key in ["segments", "refusal", "pause", "verdict", "silenceAfterLastWord"] {
                #expect(same(live[key], offline[key]), "\(name): \(key) live \(live[key] ?? "nil") ≠ analyze \(offline[key] ?? "nil")")
            }
            return (live, offline)
        }

        /// JSON values equal, numbers to the millisecond both sides round to.
        static func same(_ a: Any?, _ b: Any?) -> Bool {
            switch (a, b) {
            case (nil, nil), (is NSNull, is NSNull), (nil, is NSNull), (is NSNull, nil): return true
            case let (x as Double, y as Double): return abs(x - y) <= 0.0015
            case let (x as String, y as String): return x == y
            case let (x as [Any], y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
            case let (x as [String: Any], y as [String: Any]):
                let keys = Set(x.keys).intersection(y.keys)
                return keys.allSatisfy { same(x[$0], y[$0]) }
            default: return false
            }
        }
    }
}
