import Foundation
import StilteTestSupport
import Testing

extension RehearseCLISuites {
    @Suite(.serialized) struct RehearseCommandTests {
        @Test func rehearsesEndToEndThroughFileDevices() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let prompt = RehearseRig.root.appendingPathComponent("Audio/museum-find-someone.en-1.ogg")
            let expected = try RehearseRig.rawSamples(of: prompt)
            let played = rig.dir.appendingPathComponent("played.raw")
            let outcome = try await rig.run([
                "rehearse", "museum-find-someone.en", "--trainee", "Tess",
                "--playback-device", TestALSA.filePlayback(output: played, rate: expected.rate, channels: expected.channels),
                "--capture-device", TestALSA.fileCapture(input: try rig.demoAnswerRaw(), rate: 16_000, channels: 1),
                "--json",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")

            // The prompt reached the playback device sample for sample.
            let heard = try RawAudio.read(played)
            #expect(heard.count == expected.samples.count)
            let worst = zip(heard, expected.samples).map { abs(Int($0) - Int($1)) }.max() ?? .max
            #expect(worst <= 1, "largest difference \(worst)")

            // The known answer is measured: 4.00 s of silence after the refusal.
            let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            let pause = try #require(json["pause"] as? [String: Any])
            let duration = try #require(pause["duration"] as? Double)
            let start = try #require(pause["start"] as? Double)
            #expect(abs(duration - RehearseRig.demoPause) <= 0.15, "pause \(duration)")
            #expect(abs(start - RehearseRig.demoPauseStart) <= 0.15, "pause start \(start)")
            #expect(json["verdict"] as? String == "on-target")
            #expect(json["scenario"] as? String == "museum-find-someone.en")
            #expect(json["trainee"] as? String == "Tess")
            #expect(json["stopReason"] as? String == "finished")
            #expect(json["unreliable"] as? Bool == false)
            let reaction = try #require(json["reactionTime"] as? Double)
            #expect(reaction > 0.6 && reaction < 1.0, "the answer starts speaking 0.8 s in; got \(reaction)")

            // The take is in the log with its recording, private.
            let takeId = try #require(json["take"] as? Int)
            let takes = try await rig.takes()
            let take = try #require(takes.first { $0["id"] as? Int == takeId })
            #expect(take["scenario"] as? String == "museum-find-someone.en")
            #expect(take["trainee"] as? String == "Tess")
            #expect(take["state"] as? String == "complete")
            #expect(take["verdict"] as? String == "on-target")
            let file = try #require(json["file"] as? String)
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let recorded = try RehearseRig.rawSamples(of: URL(fileURLWithPath: file))
            let answer = try RehearseRig.rawSamples(of: RehearseRig.demoAnswer)
            #expect(recorded.rate == 16_000)
            #expect(recorded.samples.count > 11 * 16_000, "stops 2 s after the solution, not before")
            #expect(Array(recorded.samples.prefix(16_000 * 10)) == Array(answer.samples.prefix(16_000 * 10)), "the recording is the answer, bit for bit")
        }

        @Test func judgesAgainstTheGivenTargetAndStopsAtTheLimit() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            func rehearse(_ extra: [String]) async throws -> [String: Any] {
                let outcome = try await rig.run(["rehearse", "museum-find-someone.en", "--trainee", "Tess", "--json",
                                           "--playback-device", "null",
                                           "--capture-device", TestALSA.fileCapture(input: try rig.demoAnswerRaw(), rate: 16_000, channels: 1)] + extra)
                #expect(outcome.status == 0, "\(outcome.stderr)")
                return (try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]) ?? [:]
            }
            let strict = try await rehearse(["--target", "6"])
            #expect(strict["verdict"] as? String == "short", "4 s is short of a 6 s target")
            #expect((strict["target"] as? [String: Any])?["seconds"] as? Double == 6)
            let cut = try await rehearse(["--max-seconds", "5"])
            #expect(cut["stopReason"] as? String == "max-duration")
            #expect((cut["duration"] as? Double).map { abs($0 - 5) < 0.02 } == true)
            #expect(cut["verdict"] as? String == "no-continuation", "the solution starts after 7.9 s")
        }

        @Test func saysInOneLineThatThereIsNoMicrophone() async throws {
            let rig = try RehearseRig(soundCard: false)
            defer { rig.cleanUp() }
            let outcome = try await rig.run(["rehearse", "museum-find-someone.en", "--trainee", "Tess"])
            #expect(outcome.status != 0)
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("Error: no capture device: 'default' cannot be opened"))
            #expect(outcome.stderr.contains("--demo"))
            #expect(try await rig.takes().isEmpty)
        }

        @Test func fallsBackToTheDemoWithoutAMicrophoneOrSpeakers() async throws {
            let rig = try RehearseRig(soundCard: false)
            defer { rig.cleanUp() }
            let outcome = try await rig.run(["rehearse", "--trainee", "Tess", "--demo-if-no-microphone", "--json"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("no capture device"))
            #expect(outcome.stderr.contains("DEMO"))
            let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
            let takes = (parsed as? [[String: Any]]) ?? [(parsed as? [String: Any]) ?? [:]]
            #expect(!takes.isEmpty)
            for take in takes {
                #expect(take["demo"] as? Bool == true)
                #expect(take["verdict"] as? String == "on-target")
            }
            #expect(try await rig.takes().count == takes.count)
        }

        @Test func picksTheScenarioPractisedLeast() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            var seen: [String] = []
            for _ in 0..<2 {
                let outcome = try await rig.run(["rehearse", "--trainee", "Tess", "--demo", "--json"])
                #expect(outcome.status == 0, "\(outcome.stderr)")
                let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
                let first = ((parsed as? [[String: Any]])?.first ?? parsed as? [String: Any]) ?? [:]
                seen.append(first["scenario"] as? String ?? "")
            }
            #expect(seen.count == 2 && seen[0] != seen[1], "\(seen)")
        }

        @Test func aDutchScenarioHearsTheDutchDemoAnswer() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let outcome = try await rig.run(["rehearse", "museum-find-someone.nl", "--trainee", "Tess", "--demo", "--json"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
            let take = try #require(((parsed as? [[String: Any]])?.first ?? parsed as? [String: Any]))
            let pause = try #require(take["pause"] as? [String: Any])
            let start = try #require(pause["start"] as? Double)
            // The Dutch refusal ends 0.25 s earlier than the English one (Audio/demo/answer.nl.wav: 3.66 s,
            // answer.wav: 3.91 s, both measured by `stilte analyze`); the pause is the same 4 s.
            #expect(abs(start - 3.66) <= 0.1, "pause start \(start)")
            #expect(abs((pause["duration"] as? Double ?? 0) - 4.0) <= 0.15)
        }

        @Test func rejectsBadOptionsInOneLine() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let unknown = try await rig.run(["rehearse", "no-such-scenario", "--demo"])
            #expect(unknown.status != 0)
            #expect(unknown.stderr.contains("no scenario 'no-such-scenario'"))
            let badMax = try await rig.run(["rehearse", "--max-seconds", "0", "--demo"])
            #expect(badMax.status != 0)
            #expect(badMax.stderr.contains("--max-seconds"))
        }
    }
}
