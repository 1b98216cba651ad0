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
        @Test(arguments: ["l01-break", "l02-filler", "l03-thinking", "l04-shortword", "l05-break"])
        func keepsTheWholeAnswer(_ name: String) async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let cases = rig.dir.appendingPathComponent("cases")
            let make = try await ChildProcess.run(RehearseRig.root.appendingPathComponent("scripts/make-livecases"),
                                                  ["--out", cases.path], timeout: 300)
            try #require(make.succeeded, "scripts/make-livecases: \(make.errorOutput)")
            let wav = cases.appendingPathComponent(name + ".wav")
            let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: cases.appendingPathComponent(name + ".json"))) as? [String: Any])
            let lastWord = try #require(truth["lastWord"] as? Double)
            // The answer, then 9 s of the trainee keeping quiet (zeros): more than any wait of the stop rule.
            let answer = try RehearseRig.rawSamples(of: wav).samples + [Int16](repeating: 0, count: 9 * 16_000)
            let raw = rig.dir.appendingPathComponent("answer.raw")
            try RawAudio.write(answer, to: raw)
            let outcome = try await rig.run([
                "rehearse", "museum-find-someone.en", "--trainee", "Tess", "--json",
                "--playback-device", TestALSA.filePlayback(output: rig.dir.appendingPathComponent("played.raw"), rate: 22_050, channels: 1),
                "--capture-device", TestALSA.realtimeCapture(input: raw, rate: 16_000, channels: 1),
            ])
            try #require(outcome.status == 0, "\(outcome.stderr)")
            let live = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            #expect(live["stopReason"] as? String == "finished", "\(name): \(live["stopReason"] ?? "?")")
            let duration = try #require(live["duration"] as? Double)
            #expect(duration >= lastWord, "\(name): the take stopped at \(duration) s, the answer's last word ends at \(lastWord) s")

            // `stilte analyze` of the saved recording says the same.
            let file = try #require(live["file"] as? String)
            let analyzed = try await rig.run(["analyze", "--json", file])
            try #require(analyzed.status == 0, "\(analyzed.stderr)")
            let offline = try #require(try JSONSerialization.jsonObject(with: Data(analyzed.stdout.utf8)) as? [String: Any])
            for key in ["segments", "refusal", "pause", "verdict", "silenceAfterLastWord"] {
                #expect(Self.same(live[key], offline[key]), "\(name): \(key) live \(live[key] ?? "nil") ≠ analyze \(offline[key] ?? "nil")")
            }
            let segments = try #require(offline["segments"] as? [[String: Double]])
            #expect((segments.last?["end"] ?? 0) >= lastWord - 0.2, "\(name): the solution is in the recording")
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
