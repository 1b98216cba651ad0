import Foundation
import StilteAudio
import StilteTestSupport
import Testing

extension RehearseCLISuites {
    /// A take whose microphone is unplugged mid-answer (issue #12, item 11): stored as interrupted and
    /// unreliable, and `--json` still prints it before the one-line error.
    @Suite(.serialized) struct RehearseDisconnectTests {
        @Test func aDisconnectedTakeIsInterruptedUnreliableAndPrinted() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let capture = TestALSA.realtimeCapture(input: try rig.demoAnswerRaw(), rate: 16_000, channels: 1, faults: [.disconnect(at: 1.5)])
            let played = rig.dir.appendingPathComponent("played.raw")
            let outcome = try await rig.run(["rehearse", "museum-find-someone.en", "--trainee", "Tess", "--json",
                                             "--playback-device", TestALSA.filePlayback(output: played, rate: 22_050, channels: 1),
                                             "--capture-device", capture])
            #expect(outcome.status == 1, "\(outcome.status): \(outcome.stderr)")
            let errors = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
            #expect(errors.count == 1 && errors.first?.contains("disconnected") == true, "\(outcome.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], "stdout: \(outcome.stdout)")
            #expect(json["unreliable"] as? Bool == true)
            #expect((json["deviceError"] as? String)?.contains("No such device") == true, "\(json)")
            #expect(json["overruns"] as? Int == 0 && json["suspends"] as? Int == 0)
            let takes = try await rig.takes()
            let take = try #require(takes.first)
            #expect(takes.count == 1)
            #expect(take["state"] as? String == "interrupted", "\(take)")
            #expect(take["unreliable"] as? Bool == true, "\(take)")
        }
    }
}
