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

    /// Silences shorter than this, in seconds of audio, are gaps between words: the screen keeps
    /// saying "Speaking" instead of flickering through a sentence. Once shown, the count still
    /// runs from the real end of the last word.
    public static let settle = 0.25

    public init(header: Header, target: PauseTarget, columns: Int = 80) {
        self.header = header
        self.target = target
        self.columns = max(40, min(columns, 200))
    }

    /// The screen after `now` seconds of the answer.
    public func render(_ model: LiveModel, now: Double, style: TerminalStyle) -> [String] {
        let bar = PauseBar(target: target, cells: min(48, columns - 22))
        var lines = [headerLine(style), ""]
        let phase = settledPhase(model, now: now)
        lines.append(VisibleText.spread("  " + stateText(phase, solutionStarted: model.solutionStarted, style), clock(now), columns))
        lines.append("")
        if let pause = model.pause {
            let verdict = target.verdict(for: pause.duration)
            let paint: TerminalStyle.Paint = verdict == .onTarget ? .green : (verdict == .short ? .yellow : .red)
            lines.append("    " + style.paint("Pause \(Self.seconds(pause.duration)) — \(verdict.label)", paint))
            lines.append("    " + bar.render(pause.duration, style: style) + " " + Self.seconds(pause.duration))
        } else if case .silence = phase, let silence = model.countedSilence(at: now) {
            lines.append("    " + style.paint(SilenceCount.text(after: silence), .bold))
            lines.append("    " + bar.render(silence, style: style) + " " + Self.seconds(silence))
        } else {
            lines.append("    " + style.paint(model.firstSpeech == nil ? "Say your no, then count 21 … 24 in silence." : "…", .dim))
            lines.append("    " + bar.render(0, style: style))
        }
        lines.append("    " + style.paint("target \(Self.seconds(target.seconds)) ± \(Self.seconds(target.tolerance))", .dim))
        lines.append("")
        lines.append("  " + style.paint("Enter: stop   Ctrl-C: stop (the take is kept)", .dim))
        return lines
    }

    func headerLine(_ style: TerminalStyle) -> String {
        let turn = header.turns > 1 ? " · turn \(header.turn)/\(header.turns)" : ""
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
        case .waiting: return style.paint("○ Listening — waiting for your answer", .cyan)
        case .speaking: return style.paint(solutionStarted ? "● Speaking — your solution" : "● Speaking", .green)
        case .silence: return style.paint(solutionStarted ? "◌ Silence after the solution" : "◌ Silence", .yellow)
        }
    }

    func clock(_ now: Double) -> String {
        let tenths = Int((max(0, now) * 10).rounded(.down))
        let minutes = tenths / 600
        let rest = tenths % 600
        let secs = rest / 10
        return "\(minutes):\(secs < 10 ? "0" : "")\(secs).\(rest % 10)"
    }

    /// `seconds` to 0.01 s with its unit: "3.92 s".
    public static func seconds(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        let frac = abs(hundredths) % 100
        return "\(hundredths < 0 ? "-" : "")\(abs(hundredths) / 100).\(frac < 10 ? "0" : "")\(frac) s"
    }
}
