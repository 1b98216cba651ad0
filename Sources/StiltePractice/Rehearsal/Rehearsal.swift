import Foundation
import StilteAnalysis
import StilteAudio
import StilteCore

/// A rehearsal session: scenarios, each client turn played, answered, measured,
/// saved and reported; an interactive trainee then replays, tries again, moves on or quits.
///
/// Everything that happens is a ``RehearsalEvent`` on ``events`` (a terminal or a web socket
/// renders them); what the trainee decides comes in through ``RehearsalControls``.
///
/// ```swift
/// let rehearsal = Rehearsal(library: library, log: log, settings: settings, devices: devices,
///                           controls: keys, interruption: stop)
/// Thread { try? rehearsal.run(first: scenario) }.start()   // blocking: devices, files
/// for await event in rehearsal.events { render(event) }    // ends when the session does
/// ```
public final class Rehearsal: @unchecked Sendable {
    /// What the front end asked for.
    public struct Settings {
        public var trainee: String
        /// Replaces every turn's target pause, in seconds.
        public var target: Double?
        /// Longest answer in seconds.
        public var maxSeconds: Double
        /// Results are printed as JSON at the end: no choices, no live screen.
        public var json: Bool
        /// When the capture device cannot be opened, say so and use the demo answer.
        public var demoIfNoMicrophone: Bool
        /// The playback device was named by the user (the demo then does not replace it).
        public var playbackNamed: Bool
        /// Where live-screen measurements go (`bench/`), if anywhere.
        public var liveTrace: LiveTrace?
        /// The language the trainee reads.
        public var language: Language
        /// The trainee's pace of silent counting (`stilte calibrate`), in seconds per number.
        public var secondsPerCount: Double
        /// The program version recorded with the session.
        public var appVersion: String
        /// How the live counter is shown (``CoachingPlan``).
        public var liveMode: LiveMode = .always
        /// The target steps up 2 → 3 → 4 s (``GraduatedTarget``), unless ``target`` is given.
        public var graduated = false

        public init(trainee: String, target: Double?, maxSeconds: Double, json: Bool, demoIfNoMicrophone: Bool,
                    playbackNamed: Bool, liveTrace: LiveTrace?, language: Language,
                    secondsPerCount: Double = CountPlan.uncalibratedSecondsPerCount, appVersion: String) {
            self.trainee = trainee
            self.target = target
            self.maxSeconds = maxSeconds
            self.json = json
            self.demoIfNoMicrophone = demoIfNoMicrophone
            self.playbackNamed = playbackNamed
            self.liveTrace = liveTrace
            self.language = language
            self.secondsPerCount = secondsPerCount
            self.appVersion = appVersion
        }
    }

    let library: ScenarioLibrary
    let log: any SessionLog
    let settings: Settings
    var devices: RehearsalDevices
    let controls: any RehearsalControls
    /// Raised (by Ctrl-C or the front end) to end the take and the session.
    public let interruption: StopFlag
    /// What happens, in order; finished when ``run(first:)`` returns or throws.
    public let events: AsyncStream<RehearsalEvent>
    private let sink: AsyncStream<RehearsalEvent>.Continuation
    private var demo: DemoMicrophone?
    private var sessionId: Int64?
    /// The takes recorded so far, as `--json` prints them.
    public private(set) var results: [RehearsalJSON] = []

    public init(library: ScenarioLibrary, log: any SessionLog, settings: Settings, devices: RehearsalDevices,
                controls: any RehearsalControls, interruption: StopFlag) {
        self.interruption = interruption
        self.library = library
        self.log = log
        self.settings = settings
        self.devices = devices
        self.controls = controls
        (events, sink) = AsyncStream.makeStream(of: RehearsalEvent.self)
    }

    /// Whether the trainee can choose (and end answers): the controls are interactive, no JSON.
    var interactive: Bool { controls.interactive && !settings.json }

    /// Runs `first` and, when interactive, whatever the trainee chooses after it. Blocks while
    /// devices play and record: call it from a thread of its own. Ends ``events``.
    public func run(first: Scenario) throws {
        defer { sink.finish(); if let sessionId { try? log.endSession(sessionId) } }
        demoLanguage = first.language
        if devices.demo { try startDemo() }
        try checkMicrophone()
        if interactive { controls.startAsking() }
        var scenario = first
        while try rehearse(scenario) == .next, interactive, !interruption.isRaised,
              let next = try pickNext(after: scenario.id) {
            scenario = next
        }
    }

    /// All turns of one scenario; returns ``RehearsalChoice/next`` or ``RehearsalChoice/quit``.
    func rehearse(_ scenario: Scenario) throws -> RehearsalChoice {
        let own = settings.target ?? scenario.turns.first?.target.seconds ?? PauseTarget().seconds
        let target = try coachingPlan(scenarioTarget: own).target
        let count = CountPlan(target: target, secondsPerCount: settings.secondsPerCount)
        emit(.scenario(scenario, instruction: RehearsalText.instruction(target: target, plan: count, settings.language),
                       demo: devices.demo))
        if interactive, ask([.begin, .quit]) != .begin { return .quit }
        try getReady()
        var index = 0
        while index < scenario.turns.count {
            let answer = try takeTurn(scenario, index)
            if answer.stopReason == .interrupted || interruption.isRaised { return .quit }
            guard interactive else { index += 1; continue }
            let last = index == scenario.turns.count - 1
            choosing: while true {
                switch ask(last ? [.replay, .again, .next, .quit] : [.goOn, .replay, .again, .quit]) {
                case .replay: replay(answer.file)
                case .again: break choosing
                case .goOn: index += 1; break choosing
                case .next: return .next
                default: return .quit
                }
            }
        }
        return .quit
    }

    /// Announces `choices` and waits for the trainee's; quit when interrupted.
    func ask(_ choices: [RehearsalChoice]) -> RehearsalChoice {
        emit(.choosing(choices))
        return controls.choose(choices, stop: { interruption.isRaised }) ?? .quit
    }

    /// The scenario to practise after `current`: the next one due in the trainee's spaced
    /// practice (``PracticeSchedule``), among the scenarios in their language.
    func pickNext(after current: String) throws -> Scenario? {
        let others = PracticeSchedule.preferred(library.scenarios, language: settings.language).filter { $0.id != current }
        // The demo rotates through its own takes; practice is scheduled on practice only.
        let counted: Take.State = devices.demo ? .demo : .complete
        let takes = try log.takes(TakeFilter(trainee: settings.trainee)).filter { $0.state == counted }.map { take in
            var practice = take
            practice.state = .complete
            return practice
        }
        return PracticeSchedule(scenarioIds: others.map(\.id), takes: takes).next(at: Date()).flatMap { library.scenario(id: $0.scenarioId) }
    }

    // MARK: One turn

    struct TurnResult {
        var stopReason: StopReason
        var file: URL
    }

    func takeTurn(_ scenario: Scenario, _ index: Int) throws -> TurnResult {
        let turn = scenario.turns[index]
        var parameters = turn.parameters
        if let target = settings.target { parameters.target.seconds = target }
        let coaching = try coachingPlan(scenarioTarget: parameters.target.seconds)
        parameters.target.seconds = coaching.target
        do { parameters = try parameters.validated() } catch {
            throw PracticeFailure(ParameterText.phrase(error), language: settings.language)
        }
        let sessionId = try session()
        let take = try log.beginTake(TakeDraft(sessionId: sessionId, scenarioId: scenario.id, turn: index + 1,
                                               sampleRate: TakeRecorder.sampleRate, target: parameters.target,
                                               minPause: parameters.minPause))
        guard let takeId = take.id, let url = log.recordingURL(of: take) else {
            throw PracticeFailure("the session log returned a take without id or with a bad path (\(take.recordingPath))")
        }
        let writer: RecordingWriter
        do throws(AudioError) { writer = try RecordingWriter(path: url.path, sampleRate: TakeRecorder.sampleRate, replacing: true) } catch {
            try? log.deleteTake(id: takeId)
            throw PracticeFailure("cannot create the recording '\(error.subject)': \(error.message) (\(error.function)): check that STILTE_HOME is writable")
        }
        emit(.prompt(scenario, turn: index))
        try playPrompt(turn.audioURL)
        let promptEnded = ContinuousClock.now
        if interruption.isRaised {
            try? writer.close()
            try? log.deleteTake(id: takeId)
            return TurnResult(stopReason: .interrupted, file: url)
        }
        emit(.promptPlayed)
        var stopRule = turn.stopRule(maxSeconds: settings.maxSeconds)
        stopRule.target = parameters.target
        let header = LiveScreen.Header(title: scenario.title, turn: index + 1, turns: scenario.turns.count, demo: devices.demo)
        let recorder = TakeRecorder(devices: devices, parameters: parameters, stopRule: stopRule, header: header,
                                    plan: CountPlan(target: parameters.target.seconds, secondsPerCount: settings.secondsPerCount),
                                    showCount: coaching.showLive, controls: interactive ? controls : nil, interruption: interruption,
                                    trace: settings.liveTrace, language: settings.language, emit: emit)
        let answer: RecordedAnswer
        do {
            answer = try recorder.record(into: writer, promptEnded: promptEnded)
        } catch {
            try? writer.close()
            throw error
        }
        var closeFailure: AudioError?
        do throws(AudioError) { try writer.close() } catch { closeFailure = error }
        // A take the device ended (unplugged, failing) was cut short like one stopped with Ctrl-C.
        let cutShort = answer.stopReason == .interrupted || answer.deviceError != nil
        let state: Take.State = devices.demo ? .demo : cutShort ? .interrupted : .complete
        let measurement = TakeMeasurement(duration: answer.seconds, analysis: answer.analysis, reactionTime: answer.reactionTime,
                                          overruns: answer.overruns, unreliable: answer.isUnreliable, state: state)
        let saved = try log.finishTake(takeId, measurement: measurement)
        results.append(RehearsalJSON(take: saved.id, scenario: scenario.id, turn: index + 1, trainee: settings.trainee,
                                file: url.path, sampleRate: TakeRecorder.sampleRate, answer: answer, demo: devices.demo))
        // The trainee's own estimate is asked before the measured pause is shown.
        var report = SavedTake(take: saved, analysis: answer.analysis, stopReason: answer.stopReason, overruns: answer.overruns,
                               tip: scenario.tip(forTurn: index), example: turn.example, file: url, demo: devices.demo)
        try coach(after: &report, plan: coaching)
        emit(.takeSaved(report))
        if let error = answer.deviceError {
            let failure = PracticeFailure.device(error, role: .capture, format: .mono(sampleRate: TakeRecorder.sampleRate), language: settings.language)
            throw PracticeFailure("\(failure.description); take \(takeId) keeps the first \(NumberFormat.seconds(answer.seconds, settings.language))")
        }
        if let closeFailure {
            throw PracticeFailure("finishing '\(closeFailure.subject)' failed: \(closeFailure.message) (\(closeFailure.function)); take \(takeId) may be cut short")
        }
        return TurnResult(stopReason: answer.stopReason, file: url)
    }

    // MARK: Devices

    /// Finds out whether the capture device opens; without one, says so and runs the
    /// demo (`demoIfNoMicrophone`) or ends with one line naming what to do.
    func checkMicrophone() throws {
        guard !devices.demo else { return }
        do throws(AudioError) {
            LiveCaptureProbe.close(try LiveCapture.start(device: devices.capture, sampleRate: TakeRecorder.sampleRate, ringSeconds: 1))
        } catch {
            guard error.function == "snd_pcm_open" else {
                throw PracticeFailure.device(error, role: .capture, format: .mono(sampleRate: TakeRecorder.sampleRate), language: settings.language)
            }
            let line = text("no capture device: '\(devices.capture)' cannot be opened (\(error.message))",
                            "geen opnameapparaat: '\(devices.capture)' gaat niet open (\(error.message))")
            guard settings.demoIfNoMicrophone else {
                throw PracticeFailure(line + text(" — connect a microphone, name one with --capture-device (see `stilte devices`), or run `stilte rehearse --demo`",
                                                  " — sluit een microfoon aan, noem er een met --capture-device (zie `stilte devices`), of start `stilte rehearse --demo`"))
            }
            warn(line + text(". Running the DEMO instead: the example answer in Audio/demo plays the trainee.",
                             ". In plaats daarvan loopt de DEMO: het voorbeeldantwoord in Audio/demo speelt de cursist."))
            try startDemo()
        }
    }

    /// The get-ready moment: measures how loud the room is.
    func getReady() throws {
        emit(.gettingReady)
        do throws(AudioError) {
            emit(.roomMeasured(dBFS: try RoomNoise.measure(device: devices.capture)))
        } catch {
            throw PracticeFailure.device(error, role: .capture, format: .mono(sampleRate: TakeRecorder.sampleRate), language: settings.language)
        }
    }

    /// The language of the demo's example answer: the first scenario's.
    private var demoLanguage = ScenarioLanguage.en

    private func startDemo() throws {
        if demo == nil {
            // A Dutch scenario gets the Dutch answer (scripts/make-prompts makes it), when there is one.
            let translated = library.audioDirectory.appendingPathComponent("demo/answer.\(demoLanguage.rawValue).wav")
            let answer = FileManager.default.fileExists(atPath: translated.path) ? translated
                : library.audioDirectory.appendingPathComponent("demo/answer.wav")
            demo = try DemoMicrophone(answer: answer)
        }
        devices.demo = true
        devices.capture = DemoMicrophone.captureDevice
        devices.paced = interactive
    }

    /// Plays a prompt; in the demo, a machine without playback shows the text only.
    func playPrompt(_ url: URL) throws {
        do throws(AudioError) {
            _ = try AudioPlayer.play(file: url.path, device: devices.playback, stop: interruption)
        } catch {
            if devices.demo, !settings.playbackNamed, error.function == "snd_pcm_open" {
                warn(text("No playback device ('\(devices.playback)': \(error.message)): the client's words are shown, not heard.",
                           "Geen afspeelapparaat ('\(devices.playback)': \(error.message)): je leest wat de klant zegt, je hoort het niet."))
                devices.playback = DemoMicrophone.silentPlayback
                return try playPrompt(url)
            }
            if error.function.hasPrefix("sf_") { throw PracticeFailure.unreadable(error, language: settings.language) }
            throw PracticeFailure.device(error, role: .playback, format: .fileOwn, language: settings.language)
        }
    }

    func replay(_ file: URL) {
        emit(.replaying)
        do throws(AudioError) { _ = try AudioPlayer.play(file: file.path, device: devices.playback, stop: interruption) } catch {
            warn(text("cannot replay: ", "terugluisteren lukt niet: ") + error.description)
        }
    }

    private func session() throws -> Int64 {
        if let sessionId { return sessionId }
        let session = try log.beginSession(trainee: settings.trainee,
                                           devices: "playback=\(devices.playback) capture=\(devices.capture)\(devices.demo ? " demo" : "")",
                                           appVersion: settings.appVersion)
        guard let id = session.id else { throw PracticeFailure("the session log returned a session without id") }
        sessionId = id
        return id
    }

    // MARK: Output

    func emit(_ event: RehearsalEvent) {
        sink.yield(event)
    }

    /// The words in the trainee's language.
    func text(_ en: String, _ nl: String) -> String { Phrase(en: en, nl: nl).text(settings.language) }

    func warn(_ line: String) {
        emit(.notice(line))
    }
}
