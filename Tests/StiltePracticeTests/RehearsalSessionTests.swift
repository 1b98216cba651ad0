import Foundation
import StilteAnalysis
import StilteAudio
import StilteCore
import StiltePractice
import StilteStoreSQLite
import StilteTestSupport
import Testing

/// A whole rehearsal driven through the library: the shipped scenario's prompt played on a
/// file device, the bundled demo answer spoken into the real-time test device (wall-clock
/// pace, Tests/Rig), no binary and no terminal; what the session tells a front end is its
/// event stream.
@Suite("Rehearsal session (library, real-time device)", .serialized)
struct RehearsalSessionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// No terminal: one pass, nobody ends the answer early.
    final class NoTrainee: RehearsalControls {
        var interactive: Bool { false }
        func startAsking() {}
        func discardPending() {}
        func answerEnded() -> Bool { false }
        func choose(_ choices: [RehearsalChoice], stop: () -> Bool) -> RehearsalChoice? { nil }
    }

    /// The demo answer (refusal, 4.00 s of silence from 3.91 s, the solution, Audio/demo/answer.txt),
    /// then 9 s of quiet: the take must stop by itself (a solution followed by silence).
    /// Takes about 20 s: the device delivers at wall-clock pace, as a microphone does.
    @Test func aWholeTakeIsPlayedHeardCountedStoredAndEqualsTheOfflineAnalysis() async throws {
        try TestALSA.setUp()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let reader = try SoundFileReader(path: Self.repository.appendingPathComponent("Audio/demo/answer.wav").path)
        let samples = try reader.readAll().map { Int16(clamping: Int((Double($0) * 32768).rounded())) }
        let raw = scratch.appendingPathComponent("answer.raw")
        try RawAudio.write(samples + [Int16](repeating: 0, count: 9 * 16_000), to: raw)

        let library = try ScenarioLibrary.load(scenariosDirectory: Self.repository.appendingPathComponent("Scenarios"),
                                               audioDirectory: Self.repository.appendingPathComponent("Audio"))
        let scenario = try #require(library.scenario(id: "museum-find-someone.en"))
        let log = try SQLiteStore.open(at: scratch.appendingPathComponent("home"))
        let devices = RehearsalDevices(
            playback: TestALSA.filePlayback(output: scratch.appendingPathComponent("played.raw"), rate: 22_050, channels: 1),
            capture: TestALSA.realtimeCapture(input: raw, rate: 16_000, channels: 1), demo: false, paced: false)
        let rehearsal = Rehearsal(
            library: library, log: log,
            settings: .init(trainee: "Tess", target: nil, maxSeconds: 45, json: false, demoIfNoMicrophone: false,
                            playbackNamed: true, liveTrace: nil, language: .en, appVersion: "test"),
            devices: devices, controls: NoTrainee(), interruption: StopFlag())

        let finished = Self.runOnItsOwnThread(rehearsal, first: scenario)
        var events: [RehearsalEvent] = []
        for await event in rehearsal.events { events.append(event) }
        try finished.get()

        // In order: the prompt, played, the answer heard, the take ended and saved.
        let order = events.compactMap(Self.milestone)
        #expect(order == ["scenario", "gettingReady", "room", "prompt", "promptPlayed", "listening", "answerEnded", "takeSaved"], "\(order)")
        let engine = events.compactMap { if case .engine(let event, _) = $0 { event } else { nil } }
        let speech = engine.compactMap { if case .speechStarted(let at) = $0 { at } else { nil } }
        let silence = engine.compactMap { if case .silenceStarted(let at) = $0 { at } else { nil } }
        let pauseStart = engine.compactMap { if case .refusalEnded(let at) = $0 { at } else { nil } }
        #expect(speech.first.map { $0 < 1 } == true, "speech heard from the start: \(speech)")
        #expect(silence.contains { abs($0 - 3.91) < 0.1 }, "the silence after the no heard: \(silence)")
        #expect(pauseStart.count == 1, "the pause started once: \(pauseStart)")
        let counted = events.compactMap { if case .counting(let number, _) = $0 { number } else { nil } }
        #expect(counted.count >= 3 && counted == Array([21, 22, 23, 24].prefix(counted.count)), "counted 21, 22, 23…: \(counted)")
        let frames = events.filter { if case .frame = $0 { true } else { false } }.count
        #expect(frames > 100, "frames while the answer was heard: \(frames)")

        // The stored take is the one reported, measured as the saved file is offline.
        let saved = try #require(events.compactMap { if case .takeSaved(let saved) = $0 { saved } else { nil } }.first)
        #expect(saved.stopReason == .finished)
        let stored = try #require(try log.take(id: saved.take.id ?? -1))
        #expect(stored.state == .complete)
        #expect(stored.uuid == saved.take.uuid && stored.scenarioId == "museum-find-someone.en")
        #expect(stored.pauseDuration == saved.analysis.pause?.duration)
        #expect(try log.recordings.requireFile(of: stored).path == saved.file.path)
        let offline = try FileAnalysis.run(path: saved.file.path, parameters: stored.parameters).analysis
        #expect(Self.same(saved.analysis, offline), "live \(saved.analysis) ≠ offline \(offline)")
        let pause = try #require(offline.pause)
        #expect(abs(pause.start - 3.91) < 0.05 && abs(pause.duration - 4.0) < 0.05, "the demo's pause: \(pause)")
    }

    /// Runs the blocking session on a thread of its own (it plays and records in real time).
    static func runOnItsOwnThread(_ rehearsal: Rehearsal, first: Scenario) -> ThreadResult {
        let result = ThreadResult()
        Thread {
            do { try rehearsal.run(first: first); result.set(nil) } catch { result.set(error) }
        }.start()
        return result
    }

    /// The outcome of the session's thread, waited for once the events have ended.
    final class ThreadResult: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var error: (any Error)?
        func set(_ error: (any Error)?) { self.error = error; done.signal() }
        func get() throws {
            done.wait()
            if let error { throw error }
        }
    }

    /// The events that happen once per take, by name.
    static func milestone(_ event: RehearsalEvent) -> String? {
        switch event {
        case .scenario: "scenario"
        case .gettingReady: "gettingReady"
        case .roomMeasured: "room"
        case .prompt: "prompt"
        case .promptPlayed: "promptPlayed"
        case .listening: "listening"
        case .answerEnded: "answerEnded"
        case .takeSaved: "takeSaved"
        case .choosing: "choosing"
        case .replaying: "replaying"
        case .askingEstimate: "askingEstimate"
        case .notice: "notice"
        case .engine, .counting, .frame: nil
        }
    }

    /// The same segments, refusal, pause and verdict, times to 1.5 ms (the recording is 16-bit).
    static func same(_ a: Analysis, _ b: Analysis) -> Bool {
        func close(_ x: Double?, _ y: Double?) -> Bool { x == nil && y == nil || (x.flatMap { x in y.map { abs(x - $0) <= 0.0015 } } ?? false) }
        return a.verdict == b.verdict && a.segments.count == b.segments.count
            && zip(a.segments, b.segments).allSatisfy { close($0.start, $1.start) && close($0.end, $1.end) }
            && close(a.refusal?.start, b.refusal?.start) && close(a.refusal?.end, b.refusal?.end)
            && close(a.pause?.start, b.pause?.start) && close(a.pause?.end, b.pause?.end)
    }
}
