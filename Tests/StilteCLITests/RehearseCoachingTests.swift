import Foundation
import StilteTestSupport
import Testing

extension RehearseCLISuites {
    /// The coaching loop through the real command: a hidden counter asks for the trainee's
    /// estimate before showing the pause, a graduated target steps up and every step is logged.
    @Suite(.serialized) struct RehearseCoachingTests {
        @Test("--live never asks for an estimate first; --graduated-target on steps 2 → 3 s after three hits; progress shows the estimate error")
        func estimateAndGraduatedTarget() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let twoSeconds = try rig.demoAnswerRaw(pause: 2.0)
            func rehearse(_ extra: [String], input: String?) async throws -> RehearseRig.Outcome {
                try await rig.run(["rehearse", "museum-find-someone.en", "--trainee", "Tess",
                                   "--capture-device", TestALSA.fileCapture(input: twoSeconds, rate: 16_000, channels: 1)] + extra,
                                  input: input)
            }
            for round in 1...3 {
                let options = round == 1 ? ["--live", "never", "--graduated-target", "on"] : []
                let outcome = try await rehearse(options, input: "2,5\n")
                #expect(outcome.status == 0, "\(outcome.stderr)")
                let out = outcome.stdout.replacingOccurrences(of: "\n", with: " ")
                // The question comes before the measured pause, the comparison after it.
                let question = try #require(out.range(of: "How long was your silence, do you think?"), "\(out)")
                let pause = try #require(out.range(of: "Pause after your no: "), "\(out)")
                #expect(question.upperBound < pause.lowerBound)
                #expect(out.contains("Your estimate: 2.50 s; measured: "), "\(out)")
                #expect(out.contains("target 2.0 ± 0.5 s"), "round \(round): \(out)")
                #expect(out.contains("count twenty-one, twenty-two in"), "the count follows the 2 s level: \(out)")
                #expect(out.contains("your target is now 3.0 s") == (round == 3), "round \(round): \(out)")
            }
            // The stored preferences hold: the fourth take is at 3 s, where a 2 s pause is short.
            let fourth = try await rehearse(["--json"], input: nil)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(fourth.stdout.utf8)) as? [String: Any], "\(fourth.stderr)")
            #expect((json["target"] as? [String: Any])?["seconds"] as? Double == 3)
            #expect(json["verdict"] as? String == "short")

            let progress = try await rig.run(["progress", "--trainee", "Tess"])
            #expect(progress.stdout.contains("your own estimate: ") && progress.stdout.contains(" off on average (3 estimates)"),
                    "\(progress.stdout)")
            #expect(progress.stdout.contains("streak: 1 day in a row"), "\(progress.stdout)")
            let dutch = try await rig.run(["--lang", "nl", "rehearse", "museum-find-someone.nl", "--trainee", "Tess",
                                           "--capture-device", TestALSA.fileCapture(input: twoSeconds, rate: 16_000, channels: 1)],
                                          input: "2\n")
            #expect(dutch.stdout.contains("Hoe lang was je stilte, denk je?") && dutch.stdout.contains("Jouw schatting: 2,00 s; gemeten: "),
                    "\(dutch.stdout)")
        }
    }
}
