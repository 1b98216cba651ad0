import Foundation
import StilteAudio
import StilteTestSupport
import Testing


extension RehearseCLISuites {
    /// A take stopped by Ctrl-C or killed outright is still there afterwards.
    @Suite(.serialized) struct RehearseInterruptionTests {
        /// Starts a rehearsal whose microphone is the real-time rig device playing the demo answer.
        func startRealtime(_ rig: RehearseRig, extra: [String] = []) throws -> RehearseRig.Running {
            let capture = TestALSA.realtimeCapture(input: try rig.demoAnswerRaw(), rate: 16_000, channels: 1)
            let played = rig.dir.appendingPathComponent("played.raw")
            return try rig.start(["rehearse", "museum-find-someone.en", "--trainee", "Tess",
                                  "--playback-device", TestALSA.filePlayback(output: played, rate: 22_050, channels: 1),
                                  "--capture-device", capture] + extra)
        }

        /// Waits until a recording has started (its file holds audio), then `seconds` more; returns the file.
        func waitWhileRecording(_ rig: RehearseRig, then seconds: Double) async throws -> URL? {
            let recordings = rig.home.appendingPathComponent("recordings")
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let files = (try? FileManager.default.contentsOfDirectory(at: recordings, includingPropertiesForKeys: [.fileSizeKey])) ?? []
                if let file = files.first(where: { ((try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) > 44 }) {
                    try await Task.sleep(for: .seconds(seconds))
                    return file
                }
                try await Task.sleep(for: .seconds(0.05))
            }
            Issue.record("no recording started within 10 s")
            return nil
        }

        @Test func ctrlCKeepsTheTakeAndItsRecording() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let running = try startRealtime(rig, extra: ["--json"])
            _ = try #require(try await waitWhileRecording(rig, then: 2.0))
            running.signal(SIGINT)
            let outcome = try await running.wait()
            #expect(outcome.status == 130, "\(outcome.stderr)")
            #expect(!outcome.signalled)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            #expect(json["stopReason"] as? String == "interrupted")
            let file = try #require(json["file"] as? String)
            let reader = try SoundFileReader(path: file)
            #expect(reader.duration > 1.0 && reader.duration < 6, "recorded \(reader.duration) s before Ctrl-C")
            let take = try #require(try await rig.takes().first { $0["id"] as? Int == json["take"] as? Int })
            #expect(take["state"] as? String == "interrupted", "kept, and marked as not practice")
            #expect((take["duration"] as? Double).map { abs($0 - reader.duration) < 0.05 } == true)
        }

        @Test func aTakeKilledWhileRecordingIsRecoveredOnTheNextStart() async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let running = try startRealtime(rig)
            let file = try #require(try await waitWhileRecording(rig, then: 3.0))
            running.signal(SIGKILL)
            let outcome = try await running.wait()
            #expect(outcome.signalled)

            // The recording is readable as it was, minus at most the last second.
            let reader = try SoundFileReader(path: file.path)
            #expect(reader.duration > 2.0, "only \(reader.duration) s of about 3 s survived kill -9")

            // The next start (here `stilte takes`) finds the take, keeps it and says so.
            let listing = try await rig.run(["takes", "--json"])
            #expect(listing.stderr.contains("take 1 was interrupted while recording"), "\(listing.stderr)")
            let takes = (try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]]) ?? []
            let recovered = try #require(takes.first { $0["id"] as? Int == 1 })
            #expect(recovered["recording"] as? String == "recordings/\(file.lastPathComponent)")
            #expect(recovered["state"] as? String == "interrupted")
            #expect(recovered["unreliable"] as? Bool == true)
            #expect((recovered["duration"] as? Double).map { $0 > 2.0 } == true)

            // And rehearsing goes on as usual afterwards.
            let next = try await rig.run(["rehearse", "museum-find-someone.en", "--trainee", "Tess", "--demo", "--json"])
            #expect(next.status == 0, "\(next.stderr)")
            #expect(try await rig.takes().count == 2)
        }
    }
}
