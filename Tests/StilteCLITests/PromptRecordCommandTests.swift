import Foundation
import StilteAudio
import StilteTestSupport
import Testing

extension RehearseCLISuites {
    @Suite(.serialized) struct PromptRecordCommandTests {
        /// A copy of the scenario library to change, and a "voice": the synthetic prompt read
        /// through the microphone with 1 s of quiet noise before it and 3 s after.
        struct Fixture {
            let rig: RehearseRig
            let scenarios: URL
            let audio: URL
            let voice: URL
            let prompt: [Int16]

            init() throws {
                rig = try RehearseRig()
                let library = rig.dir.appendingPathComponent("library")
                scenarios = library.appendingPathComponent("Scenarios")
                audio = library.appendingPathComponent("Audio")
                try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: RehearseRig.root.appendingPathComponent("Scenarios"), to: scenarios)
                try FileManager.default.copyItem(at: RehearseRig.root.appendingPathComponent("Audio"), to: audio)
                let original = try RehearseRig.rawSamples(of: audio.appendingPathComponent("museum-find-someone.en-1.ogg"))
                #expect(original.rate == 22_050 && original.channels == 1)
                prompt = original.samples
                var state: UInt32 = 12345
                func quiet(_ n: Int) -> [Int16] {
                    (0..<n).map { _ in state = state &* 1_664_525 &+ 1_013_904_223; return Int16(Int(state >> 29) - 4) }
                }
                voice = rig.dir.appendingPathComponent("voice.raw")
                try RawAudio.write(quiet(22_050) + prompt.map { $0 / 2 } + quiet(3 * 22_050), to: voice)
            }

            func record(_ extra: [String]) async throws -> RehearseRig.Outcome {
                try await rig.run(["prompt", "record", "museum-find-someone.en", "--turn", "1", "--scenarios", scenarios.path,
                             "--capture-device", TestALSA.fileCapture(input: voice, rate: 22_050, channels: 1),
                             "--playback-device", TestALSA.filePlayback(output: rig.dir.appendingPathComponent("heard.raw"), rate: 22_050, channels: 1)] + extra)
            }
        }

        @Test func recordsTrimsNormalisesPlaysBackAndReplacesThePrompt() async throws {
            let fixture = try Fixture()
            defer { fixture.rig.cleanUp() }
            let outcome = try await fixture.record(["--yes"])
            #expect(outcome.status == 0, "\(outcome.stderr)")

            let saved = fixture.audio.appendingPathComponent("museum-find-someone.en-1.wav")
            let recorded = try RehearseRig.rawSamples(of: saved)
            #expect(recorded.rate == 22_050)
            let seconds = Double(recorded.samples.count) / 22_050
            let spoken = Double(fixture.prompt.count) / 22_050
            #expect(abs(seconds - spoken) < 0.4, "trimmed to \(seconds) s; the voice lasts \(spoken) s")
            let peak = recorded.samples.map { abs(Int($0)) }.max() ?? 0
            #expect(abs(Double(peak) / 32768 - 0.708) < 0.01, "peak \(peak)")

            // It was played back for confirmation, sample for sample.
            let heard = try RawAudio.read(fixture.rig.dir.appendingPathComponent("heard.raw"))
            #expect(heard == recorded.samples)

            // The scenario now plays the new file, and still loads.
            let yaml = try String(contentsOf: fixture.scenarios.appendingPathComponent("museum-find-someone.en.yaml"), encoding: .utf8)
            #expect(yaml.contains("audio: museum-find-someone.en-1.wav"))
            #expect(!yaml.contains("museum-find-someone.en-1.ogg"))
            let listed = try await fixture.rig.run(["scenarios", "--scenarios", fixture.scenarios.path, "--json"])
            #expect(listed.status == 0, "\(listed.stderr)")
        }

        @Test func keepsThePromptWhenNotConfirmed() async throws {
            let fixture = try Fixture()
            defer { fixture.rig.cleanUp() }
            let outcome = try await fixture.record([])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("Not kept"))
            #expect(!FileManager.default.fileExists(atPath: fixture.audio.appendingPathComponent("museum-find-someone.en-1.wav").path))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.audio.path).filter { $0.contains("draft") }
            #expect(leftovers.isEmpty)
        }

        @Test func refusesATurnThatDoesNotExist() async throws {
            let fixture = try Fixture()
            defer { fixture.rig.cleanUp() }
            let outcome = try await fixture.rig.run(["prompt", "record", "museum-find-someone.en", "--turn", "3", "--scenarios", fixture.scenarios.path])
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("has 1 turn, not 3"))
        }
    }
}
