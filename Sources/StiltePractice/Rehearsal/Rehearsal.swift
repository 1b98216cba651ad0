import Foundation
import StilteAnalysis
import StilteAudio
import StilteCore

/// A rehearsal session: scenarios, each client turn played, answered, measured,
/// saved and reported; on a terminal the trainee then replays, tries again,
/// moves on or quits with single keys.
public final class Rehearsal {
    /// What the front end asked for.
    public struct Settings {
        public var trainee: String
        /// Replaces every turn's target pause, in seconds.
        public var target: Double?
        /// Longest answer in seconds.
        public var maxSeconds: Double
        /// Results are printed as JSON at the end: no narrative, no live screen.
        public var json: Bool
        /// When the capture device cannot be opened, say so and use the demo answer.
        public var demoIfNoMicrophone: Bool
        /// The playback device was named by the user (the demo then does not replace it).
        public var playbackNamed: Bool
        /// Where to write live-screen measurements (`bench/`), if anywhere.
        public var liveTrace: String?
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
                    playbackNamed: Bool, liveTrace: String?, language: Language,
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
    let terminal: any RehearsalConsole
    /// Raised (by Ctrl-C or the front end) to end the take and the session.
    public let interruption: StopFlag
    private var demo: DemoMicrophone?
    private let trace: LiveTrace?
    private var sessionId: Int64?
    /// The takes recorded so far, as `--json` prints them.
    public private(set) var results: [RehearsalJSON] = []

    public init(library: ScenarioLibrary, log: any SessionLog, settings: Settings, devices: RehearsalDevices,
                terminal: any RehearsalConsole, interruption: StopFlag) throws {
        self.interruption = interruption
        self.library = library
        self.log = log
        self.settings = settings
        self.devices = devices
        self.terminal = terminal
        trace = try settings.liveTrace.map(LiveTrace.init(path:))
    }

    /// Whether the trainee answers at a terminal (live screen, single keys).
    var interactive: Bool { terminal.interactive && !settings.json }

    /// Runs `first` and, on a terminal, whatever the trainee chooses after it.
    public func run(first: Scenario) throws {
        defer { terminal.restore(); if let sessionId { try? log.endSession(sessionId) } }
        demoLanguage = first.language
        if devices.demo { try startDemo() }
        try checkMicrophone()
        if interactive { terminal.enterKeyMode() }
        var scenario = first
        while try rehearse(scenario) == .next, interactive, !interruption.isRaised,
              let next = try pickNext(after: scenario.id) {
            scenario = next
        }
    }

    /// What the trainee chose after a scenario.
    enum Choice { case next, quit }

    /// All turns of one scenario; returns what the trainee chose at the end.
    func rehearse(_ scenario: Scenario) throws -> Choice {
        say(contextLines(scenario))
        if interactive {
            say([terminal.style.paint(text("Enter: begin   q: quit", "Enter: beginnen   q: stoppen"), .dim)])
            guard terminal.waitForKey(["\n", "q"], stop: { interruption.isRaised }) == "\n" else { return .quit }
        }
        try getReady()
        var index = 0
        while index < scenario.turns.count {
            let answer = try takeTurn(scenario, index)
            if answer.stopReason == .interrupted || interruption.isRaised { return .quit }
            guard interactive else { index += 1; continue }
            let last = index == scenario.turns.count - 1
            let menu = last ? text("r: replay   a: again   n: next scenario   q: quit",
                                   "r: terugluisteren   a: nog eens   n: volgend scenario   q: stoppen")
                            : text("Enter: the client goes on   r: replay   a: again   q: quit",
                                   "Enter: de klant gaat verder   r: terugluisteren   a: nog eens   q: stoppen")
            choosing: while true {
                say(["", terminal.style.paint(menu, .bold)])
                let keys: Set<Character> = last ? ["r", "a", "n", "q"] : ["\n", "r", "a", "q"]
                switch terminal.waitForKey(keys, stop: { interruption.isRaised }) {
                case "r": replay(answer.file)
                case "a": break choosing
                case "\n": index += 1; break choosing
                case "n": return .next
                default: return .quit
                }
            }
        }
        return .quit
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
        let turnLabel = scenario.turns.count > 1
            ? text(" (turn \(index + 1) of \(scenario.turns.count))", " (beurt \(index + 1) van \(scenario.turns.count))") : ""
        say(["", terminal.style.paint("\(scenario.client.name)\(turnLabel):", .bold)]
            + Wrap.lines("“\(turn.prompt)”", columns: min(terminal.columns, 80) - 2).map { "  " + $0 })
        try playPrompt(turn.audioURL)
        let promptEnded = ContinuousClock.now
        if interruption.isRaised {
            try? writer.close()
            try? log.deleteTake(id: takeId)
            return TurnResult(stopReason: .interrupted, file: url)
        }
        if !interactive && !settings.json { say([text("Recording your answer…", "Je antwoord wordt opgenomen…")]) }
        let screen = interactive ? LiveScreen(header: .init(title: scenario.title, turn: index + 1, turns: scenario.turns.count,
                                                             demo: devices.demo),
                                              target: parameters.target, columns: min(terminal.columns, 80), language: settings.language,
                                              count: CountPlan(target: parameters.target.seconds, secondsPerCount: settings.secondsPerCount),
                                              showCount: coaching.showLive) : nil
        if interactive { say([""]) }
        var stopRule = turn.stopRule(maxSeconds: settings.maxSeconds)
        stopRule.target = parameters.target
        let recorder = TakeRecorder(devices: devices, parameters: parameters,
                                    stopRule: stopRule, screen: screen,
                                    terminal: terminal, interruption: interruption,
                                    trace: trace, language: settings.language)
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
        // The trainee's own estimate comes before the measured pause is shown.
        let coachingLines = try coach(after: saved, plan: coaching)
        if !settings.json {
            let report = TakeReport(analysis: answer.analysis, overruns: answer.overruns, tip: scenario.tip(forTurn: index),
                                    columns: min(terminal.columns, 80), language: settings.language)
            // The estimate against the measurement right under the measured pause and its verdict.
            let result = report.render(style: terminal.style)
            var lines = [""] + result.prefix(2) + coachingLines + result.dropFirst(2)
            if let example = turn.example { lines += [""] + Wrap.lines(text("A good answer: ", "Een goed antwoord: ") + example, columns: min(terminal.columns, 80)) }
            let saved = devices.demo ? text("DEMO take \(takeId) saved", "DEMO-opname \(takeId) bewaard")
                                     : text("Take \(takeId) saved", "Opname \(takeId) bewaard")
            lines += ["", terminal.style.paint("\(saved) (\(stopText(answer.stopReason))).", .dim),
                      terminal.style.paint(text("Recording: ", "Opname: ") + url.path, .dim)]
            say(lines)
        }
        if let error = answer.deviceError {
            let failure = PracticeFailure.device(error, role: .capture, format: .mono(sampleRate: TakeRecorder.sampleRate), language: settings.language)
            throw PracticeFailure("\(failure.description); take \(takeId) keeps the first \(NumberFormat.seconds(answer.seconds, settings.language))")
        }
        if let closeFailure {
            throw PracticeFailure("finishing '\(closeFailure.subject)' failed: \(closeFailure.message) (\(closeFailure.function)); take \(takeId) may be cut short")
        }
        return TurnResult(stopReason: answer.stopReason, file: url)
    }

    func stopText(_ reason: StopReason) -> String {
        switch reason {
        case .finished: text("stopped after your solution", "gestopt na je oplossing")
        case .maxDuration: text("stopped at \(Int(settings.maxSeconds)) s", "gestopt na \(Int(settings.maxSeconds)) s")
        case .enter: text("stopped with Enter", "gestopt met Enter")
        case .interrupted: text("stopped with Ctrl-C", "gestopt met Ctrl-C")
        case .inputEnded: text("the input ended", "de invoer hield op")
        }
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
        if !settings.json { say(["", text("Get ready… (listening to the room)", "Maak je klaar… (Stilte luistert naar de ruimte)")]) }
        do throws(AudioError) {
            let level = try RoomNoise.measure(device: devices.capture)
            if !settings.json { say([RoomNoise.describe(level, settings.language)]) }
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
        say([text("Replaying your answer… (Ctrl-C stops)", "Je antwoord wordt afgespeeld… (Ctrl-C stopt)")])
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

    func contextLines(_ scenario: Scenario) -> [String] {
        let columns = min(terminal.columns, 80)
        var lines = ["", terminal.style.paint(scenario.title, .bold) + (devices.demo ? "  " + terminal.style.paint(" DEMO ", .inverse) : "")]
        lines += Wrap.lines(scenario.context, columns: columns)
        let own = settings.target ?? scenario.turns.first?.target.seconds ?? PauseTarget().seconds
        let target = (try? coachingPlan(scenarioTarget: own).target) ?? own
        let count = CountPlan(target: target, secondsPerCount: settings.secondsPerCount)
        lines += Wrap.lines(RehearsalText.instruction(target: target, plan: count, settings.language), columns: columns)
            .map { terminal.style.paint($0, .dim) }
        return lines
    }

    /// Narrative for the trainee: stdout, except with --json (stderr is left quiet then).
    func say(_ lines: [String]) {
        guard !settings.json else { return }
        terminal.print(lines)
    }

    /// The words in the trainee's language.
    func text(_ en: String, _ nl: String) -> String { Phrase(en: en, nl: nl).text(settings.language) }

    func warn(_ line: String) {
        FileHandle.standardError.write(Data(("stilte: " + line + "\n").utf8))
    }
}
