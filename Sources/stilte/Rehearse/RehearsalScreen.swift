import Dispatch
import Foundation
import StilteAnalysis
import StilteCore
import StiltePractice

/// `stilte rehearse` on a terminal: renders a rehearsal's events as they arrive, the narrative
/// on standard output, the live screen redrawn in place, notes on standard error. With `--json`
/// only the notes are shown (the takes are printed as JSON at the end).
///
/// Used by one task at a time (``start(_:)``), hence `@unchecked Sendable`.
final class RehearsalScreen: @unchecked Sendable {
    private let terminal: Terminal
    private let words: RehearsalWords
    private let json: Bool
    private let trace: LiveTrace?
    /// Columns of the text: the terminal's, at most 80.
    private let columns: Int
    /// The live screen of the take being recorded, on a terminal.
    private var live: (screen: LiveScreen, started: ContinuousClock.Instant)?
    private var canvas = LiveCanvas()
    private var throttle = RedrawThrottle(maxPerSecond: 25)
    private var shownPhase: LiveModel.Phase?
    private var shownPause: TimeSpan?

    init(terminal: Terminal, language: Language, json: Bool, maxSeconds: Double, trace: LiveTrace?) {
        self.terminal = terminal
        self.words = RehearsalWords(language: language, maxSeconds: maxSeconds)
        self.json = json
        self.trace = trace
        columns = min(terminal.columns, 80)
    }

    /// Whether the live screen and single keys are used.
    var interactive: Bool { terminal.interactive && !json }

    /// Renders `events` on a task of its own; the semaphore is signalled once they have ended
    /// (the session is over) and all is drawn.
    func start(_ events: AsyncStream<RehearsalEvent>) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            for await event in events { self.render(event) }
            done.signal()
        }
        return done
    }

    func render(_ event: RehearsalEvent) {
        let style = terminal.style
        switch event {
        case let .scenario(scenario, instruction, demo):
            say(["", style.paint(scenario.title, .bold) + (demo ? "  " + style.paint(" DEMO ", .inverse) : "")]
                + Wrap.lines(scenario.context, columns: columns)
                + Wrap.lines(instruction, columns: columns).map { style.paint($0, .dim) })
        case .choosing(let choices):
            say(choices.contains(.begin) ? [style.paint(words.menu(choices), .dim)] : ["", style.paint(words.menu(choices), .bold)])
        case .gettingReady:
            say(["", words.gettingReady])
        case .roomMeasured(let level):
            say([words.room(level)])
        case let .prompt(scenario, turn):
            say(["", style.paint(words.client(scenario, turn: turn), .bold)]
                + Wrap.lines("“\(scenario.turns[turn].prompt)”", columns: columns - 2).map { "  " + $0 })
        case .promptPlayed:
            if interactive { say([""]) } else { say([words.recording]) }
        case .listening(let listening):
            guard interactive else { return }
            live = (LiveScreen(header: listening.header, target: listening.target, columns: columns,
                               language: words.language, count: listening.count, showCount: listening.showCount), listening.started)
            canvas = LiveCanvas()
            throttle = RedrawThrottle(maxPerSecond: 25)
            terminal.hideCursor()
        case let .frame(model, seconds):
            guard let live else { return }
            let lines = live.screen.render(model, now: seconds, style: style)
            let wall = live.started.secondsSince
            if throttle.shouldDraw(lines, at: wall) {
                canvas.draw(lines, on: terminal)
                traceChanges(model, wall: wall)
            }
        case let .answerEnded(model, seconds):
            guard let live else { return }
            canvas.draw(live.screen.render(model, now: seconds, style: style), on: terminal)
            terminal.showCursor()
            self.live = nil
        case .takeSaved(let saved):
            say(report(saved))
        case .replaying:
            say([words.replaying])
        case .askingEstimate:
            if !json { terminal.write("\n" + words.estimateQuestion) }
        case .notice(let line):
            FileHandle.standardError.write(Data(("stilte: " + line + "\n").utf8))
        case .engine, .counting:
            break
        }
    }

    /// The result of a take: the report, the example answer, where it is kept.
    private func report(_ saved: SavedTake) -> [String] {
        let style = terminal.style
        let report = TakeReport(analysis: saved.analysis, overruns: saved.overruns, tip: saved.tip,
                                columns: columns, language: words.language)
        let result = report.render(style: style)
        // The trainee's estimate right under the measured pause and its verdict; a new target after them.
        var lines = [""] + result.prefix(2)
        if let estimate = saved.estimate, let measured = saved.take.pauseDuration { lines.append(words.estimate(estimate, measured: measured)) }
        if let step = saved.targetStep { lines.append(style.paint(words.targetStep(from: step.from, to: step.to), .bold)) }
        lines += result.dropFirst(2)
        if let example = saved.example { lines += [""] + Wrap.lines(words.goodAnswer + example, columns: columns) }
        return lines + ["", style.paint(words.saved(saved), .dim), style.paint(words.recordingPath(saved.file), .dim)]
    }

    /// The narrative, unless the output is JSON.
    private func say(_ lines: [String]) {
        guard !json else { return }
        terminal.write(lines.map { $0 + "\n" }.joined())
    }

    /// Notes in the live trace what the frame just drawn shows for the first time.
    private func traceChanges(_ model: LiveModel, wall: Double) {
        guard let trace else { return }
        if model.phase != shownPhase {
            shownPhase = model.phase
            switch model.phase {
            case .speaking(let since): trace.drawn("speaking", audio: since, wall: wall)
            case .silence(let since): trace.drawn("silence", audio: since, wall: wall)
            case .waiting: break
            }
        }
        if let pause = model.pause, pause != shownPause {
            shownPause = pause
            trace.drawn("pause-frozen", audio: pause.end, wall: wall)
        }
    }
}
