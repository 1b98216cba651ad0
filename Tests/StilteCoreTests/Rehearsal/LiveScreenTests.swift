import Testing
import StilteAnalysis
@testable import StilteCore

@Suite struct LiveScreenTests {
    let screen = LiveScreen(header: .init(title: "A client asks for you personally, and insists that only you will do", turn: 1, turns: 2, demo: true),
                            target: PauseTarget(seconds: 4, tolerance: 0.5), language: .en)
    let color = TerminalStyle(ansi: true, colors: true)

    func model(silenceSince: Double) -> LiveModel {
        var model = LiveModel()
        model.apply(.speechStarted(at: 0.4))
        model.apply(.silenceStarted(at: silenceSince))
        model.apply(.refusalEnded(at: silenceSince))
        return model
    }

    @Test func showsTheCountInTheTraineesRhythm() {
        let text = screen.render(model(silenceSince: 2), now: 4.1, style: .plain).joined(separator: "\n")
        #expect(text.contains("21 … 22"))
        #expect(!text.contains("23"))
        #expect(text.contains("◌ Silence"))
        #expect(text.contains("2.10 s"))
        #expect(text.contains("DEMO"))
    }

    @Test func aGapBetweenWordsDoesNotFlickerToSilence() {
        var m = LiveModel()
        m.apply(.speechStarted(at: 0.4))
        m.apply(.silenceStarted(at: 1.0))
        let gap = screen.render(m, now: 1.0 + LiveScreen.settle - 0.05, style: .plain).joined(separator: "\n")
        #expect(gap.contains("● Speaking") && !gap.contains("◌ Silence"))
        let settled = screen.render(m, now: 1.0 + LiveScreen.settle + 0.05, style: .plain).joined(separator: "\n")
        #expect(settled.contains("◌ Silence"))
        #expect(settled.contains(NumberFormat.seconds(LiveScreen.settle + 0.05, .en)), "counted from the real end of the word")
    }

    @Test func freezesWithTheMeasuredPause() {
        var m = model(silenceSince: 2)
        m.apply(.speechStarted(at: 5.92))
        let early = screen.render(m, now: 6.0, style: .plain)
        let late = screen.render(m, now: 9.0, style: .plain)
        #expect(early.joined().contains("Pause 3.92 s — on target"))
        #expect(early[4...] == late[4...], "the pause lines do not move any more")
    }

    @Test func everyLineFitsEightyColumnsInEveryState() {
        var m = LiveModel()
        var states = [screen.render(m, now: 0.2, style: color)]
        m.apply(.speechStarted(at: 0.3)); states.append(screen.render(m, now: 1, style: color))
        m.apply(.silenceStarted(at: 2)); m.apply(.refusalEnded(at: 2))
        states.append(screen.render(m, now: 30, style: color))
        m.apply(.speechStarted(at: 40)); states.append(screen.render(m, now: 599, style: color))
        for lines in states {
            for line in lines { #expect(VisibleText.width(line) <= 80, "\(VisibleText.strip(line))") }
        }
    }

    @Test func theBarTurnsGreenInsideTheWindowOnly() {
        let bar = PauseBar(target: PauseTarget(seconds: 4, tolerance: 0.5))
        #expect(bar.render(3.0, style: color).contains("\u{1B}[33m"))
        #expect(bar.render(4.0, style: color).contains("\u{1B}[32m"))
        #expect(bar.render(5.0, style: color).contains("\u{1B}[31m"))
        let plain = bar.render(2.0, style: .plain)
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.filter { $0 == "█" }.count == 16, "2 s of a 6 s bar of 48 cells")
        #expect(plain.contains("▒"), "the target window is marked")
    }

    @Test func colourAndCursorFollowTheTerminal() {
        #expect(TerminalStyle.detect(isTTY: false, environment: ["TERM": "xterm"]) == .plain)
        #expect(TerminalStyle.detect(isTTY: true, environment: ["TERM": "dumb"]) == .plain)
        #expect(TerminalStyle.detect(isTTY: true, environment: ["TERM": "xterm"]) == TerminalStyle(ansi: true, colors: true))
        let noColor = TerminalStyle.detect(isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": "1"])
        #expect(noColor.ansi && !noColor.colors)
        #expect(TerminalStyle.detect(isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": ""]).colors)
        #expect(!screen.render(model(silenceSince: 1), now: 4, style: noColor).joined().contains("\u{1B}"))
    }

    @Test func redrawsOnlyOnChangeAndAtMostFifteenTimesASecond() {
        var throttle = RedrawThrottle(maxPerSecond: 15)
        let draws = [(["a"], 0.0), (["a"], 1.0), (["b"], 1.01), (["c"], 1.05), (["c"], 1.01 + 1.0 / 15 + 0.001)]
            .map { throttle.shouldDraw($0.0, at: $0.1) }
        // Drawn; nothing changed; changed; too soon; due.
        #expect(draws == [true, false, true, false, true])
    }

    @Test func resultShowsPauseVerdictReactionTimelineAndTip() {
        let analysis = Analysis(duration: 10, target: PauseTarget(),
                                segments: [TimeSpan(start: 0.84, end: 2.37), TimeSpan(start: 6.29, end: 8.1)],
                                refusal: TimeSpan(start: 0.84, end: 2.37),
                                pause: Pause(start: 2.37, end: 6.29, events: [PauseEvent(start: 3.1, end: 3.25, kind: .breath)]),
                                verdict: .onTarget)
        let lines = TakeReport(analysis: analysis, overruns: 1, tip: "Name the colleague you trust.", language: .en).render(style: .plain)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Pause after your no: 3.92 s — on target"))
        #expect(text.contains("Reaction time: 0.84 s"))
        #expect(text.contains("breath at 3.10 s"))
        #expect(text.contains("Unreliable: 1 overrun"))
        #expect(text.contains("Tip: Name the colleague you trust."))
        let timeline = lines.first { $0.hasPrefix("Timeline") }
        #expect(timeline?.contains("█") == true && timeline?.contains("─") == true)
        for line in lines { #expect(VisibleText.width(line) <= 80) }
    }
}
