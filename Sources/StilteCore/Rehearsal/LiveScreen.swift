import StilteAnalysis

/// The live rehearsal screen as a pure function: the state of the answer in,
/// lines of text out, each at most `columns` wide.
public struct LiveScreen: Sendable {
    /// What the top line says.
    public struct Header: Sendable, Equatable {
        public var title: String
        public var turn: Int
        public var turns: Int
        /// Labels the screen DEMO: the answer is the bundled example, not the microphone.
        public var demo: Bool

        public init(title: String, turn: Int = 1, turns: Int = 1, demo: Bool = false) {
            self.title = title
            self.turn = turn
            self.turns = turns
            self.demo = demo
        }
    }

    public var header: Header
    public var target: PauseTarget
    public var columns: Int
    /// The language every word on the screen is in.
    public var language: Language
    /// What the trainee counts; the live count follows it and stops at its last number.
    public var count: CountPlan
    /// Whether the count, the bar, the clock and the pause are shown while answering. Hidden
    /// (``FadingFeedback``), the screen only says whether it hears speech or silence.
    public var showCount: Bool

    /// Silences shorter than this, in seconds of audio, are gaps between words: the screen keeps
    /// saying "Speaking" instead of flickering through a sentence. Once shown, the count still
    /// runs from the real end of the last word.
    public static let settle = 0.25

    /// `count` defaults to one number a second up to the target (an uncalibrated trainee).
    public init(header: Header, target: PauseTarget, columns: Int = 80, language: Language, count: CountPlan? = nil,
                showCount: Bool = true) {
        self.header = header
        self.target = target
        self.columns = max(40, min(columns, 200))
        self.language = language
        self.count = count ?? CountPlan(target: target.seconds)
        self.showCount = showCount
    }

    /// The screen after `now` seconds of the answer.
    public func render(_ model: LiveModel, now: Double, style: TerminalStyle) -> [String] {
        let bar = PauseBar(target: target, cells: min(48, columns - 22))
        var lines = [headerLine(style), ""]
        let phase = settledPhase(model, now: now)
        lines.append(VisibleText.spread("  " + stateText(phase, solutionStarted: model.solutionStarted, style),
                                        showCount ? NumberFormat.clock(now, language) : "", columns))
        lines.append("")
        if !showCount {
            lines += hiddenCount(model, style)
        } else if let pause = model.pause {
            let verdict = target.verdict(for: pause.duration)
            let seconds = seconds(pause.duration)
            let line = Phrase(en: "Pause \(seconds) — ", nl: "Pauze \(seconds) — ").text(language) + verdict.name(language)
            lines.append("    " + style.paint(line, verdict.paint))
            lines.append("    " + bar.render(pause.duration, style: style) + " " + seconds)
        } else if case .silence = phase, let silence = model.countedSilence(at: now) {
            lines.append("    " + style.paint(count.text(after: silence), .bold))
            lines.append("    " + bar.render(silence, style: style) + " " + seconds(silence))
        } else {
            let hint = model.firstSpeech == nil ? RehearsalText.liveHint(count, language) : "…"
            lines.append("    " + style.paint(hint, .dim))
            lines.append("    " + bar.render(0, style: style))
        }
        let window = NumberFormat.target(target, language)
        lines.append("    " + style.paint(Phrase(en: "target \(window)", nl: "doel \(window)").text(language), .dim))
        lines.append("")
        let keys = Phrase(en: "Enter: stop   Ctrl-C: stop (the take is kept)",
                          nl: "Enter: stoppen   Ctrl-C: stoppen (de opname blijft bewaard)")
        lines.append("  " + style.paint(keys.text(language), .dim))
        // Every line fits the width: a wrapped line would push the frame down at each redraw.
        return lines.map { VisibleText.fitStyled(style.shown($0), columns, ellipsis: style.ellipsis) }
    }

    func seconds(_ value: Double) -> String { NumberFormat.seconds(value, language) }

    /// The two lines under the state when the counter is hidden: what to do, then whether the
    /// pause has been measured (its length comes after the trainee's own estimate).
    func hiddenCount(_ model: LiveModel, _ style: TerminalStyle) -> [String] {
        let first = model.firstSpeech == nil
            ? RehearsalText.liveHint(count, language)
            : Phrase(en: "No counter this time: count for yourself.", nl: "Deze keer geen teller: tel zelf.").text(language)
        let second = model.pause == nil ? ""
            : Phrase(en: "Pause measured: you will see it after your own estimate.",
                     nl: "Pauze gemeten: je ziet hem na je eigen schatting.").text(language)
        return ["    " + style.paint(VisibleText.fit(first, columns - 4), .dim), "    " + style.paint(VisibleText.fit(second, columns - 4), .dim)]
    }

    func headerLine(_ style: TerminalStyle) -> String {
        let turn = header.turns > 1
            ? Phrase(en: " · turn \(header.turn)/\(header.turns)", nl: " · beurt \(header.turn)/\(header.turns)").text(language)
            : ""
        let right = header.demo ? style.paint(" DEMO ", .inverse) : ""
        return VisibleText.spread(style.paint("Stilte", .bold) + " · " + header.title + turn, right, columns)
    }

    /// The model's phase, except that a silence younger than ``settle`` still counts as speaking.
    func settledPhase(_ model: LiveModel, now: Double) -> LiveModel.Phase {
        if case .silence(let since) = model.phase, now - since < Self.settle { return .speaking(since: since) }
        return model.phase
    }

    func stateText(_ phase: LiveModel.Phase, solutionStarted: Bool, _ style: TerminalStyle) -> String {
        switch phase {
        case .waiting:
            return style.paint(Phrase(en: "○ Listening — waiting for your answer", nl: "○ Luisteren — wacht op je antwoord").text(language), .cyan)
        case .speaking:
            let text = solutionStarted ? Phrase(en: "● Speaking — your solution", nl: "● Je spreekt — je oplossing")
                                       : Phrase(en: "● Speaking", nl: "● Je spreekt")
            return style.paint(text.text(language), .green)
        case .silence:
            let text = solutionStarted ? Phrase(en: "◌ Silence after the solution", nl: "◌ Stilte na de oplossing")
                                       : Phrase(en: "◌ Silence", nl: "◌ Stilte")
            return style.paint(text.text(language), .yellow)
        }
    }
}
