import StilteAnalysis

/// The result of one take as the trainee reads it after answering.
public struct TakeReport: Sendable {
    public var analysis: Analysis
    /// Dropped-audio incidents during the capture; any makes the take unreliable.
    public var overruns: Int
    /// The scenario's coaching tip.
    public var tip: String?
    public var columns: Int

    public init(analysis: Analysis, overruns: Int = 0, tip: String? = nil, columns: Int = 80) {
        self.analysis = analysis
        self.overruns = overruns
        self.tip = tip
        self.columns = max(40, min(columns, 200))
    }

    /// Prompt end → first speech, in seconds; nil when nothing was said.
    public var reactionTime: Double? { analysis.segments.first?.start }

    /// A take with dropped audio cannot be trusted to the hundredth.
    public var unreliable: Bool { overruns > 0 }

    /// The result screen.
    public func render(style: TerminalStyle) -> [String] {
        let verdict = analysis.verdict
        let paint: TerminalStyle.Paint = verdict == .onTarget ? .green : (verdict == .short || verdict == .long ? .yellow : .red)
        var lines: [String] = []
        if let pause = analysis.pause {
            let pauseText = "Pause after your no: " + LiveScreen.seconds(pause.duration) + " — " + verdict.label
            lines.append(style.paint(pauseText, paint) + style.paint("  (target \(LiveScreen.seconds(analysis.target.seconds)) ± \(LiveScreen.seconds(analysis.target.tolerance)))", .dim))
        } else {
            lines.append(style.paint("No pause measured — " + verdict.label, paint))
        }
        lines.append(VisibleText.fit(verdict.explanation, columns))
        if let reaction = reactionTime {
            lines.append("Reaction time: \(LiveScreen.seconds(reaction)) from the end of the client's question")
        }
        lines.append(contentsOf: Timeline(analysis: analysis, cells: min(60, columns - 12)).render(style: style))
        if let events = analysis.pause?.events, !events.isEmpty {
            let names = events.map { "\($0.kind.rawValue) at \(LiveScreen.seconds($0.start))" }.joined(separator: ", ")
            lines.append(VisibleText.fit("In the pause: " + names, columns))
        }
        if unreliable {
            lines.append(style.paint("Unreliable: \(overruns) overrun\(overruns == 1 ? "" : "s") — audio was dropped while recording.", .red))
        }
        if let tip, !tip.isEmpty {
            lines.append("")
            lines.append(contentsOf: Wrap.lines("Tip: " + tip, columns: columns))
        }
        return lines
    }
}

/// The recording on one line: speech `█`, silence `·`, the pause after the "no" `─`.
public struct Timeline: Sendable {
    public var analysis: Analysis
    public var cells: Int

    public init(analysis: Analysis, cells: Int = 60) {
        self.analysis = analysis
        self.cells = max(10, cells)
    }

    /// Two lines: the timeline and its scale.
    public func render(style: TerminalStyle) -> [String] {
        let duration = max(analysis.duration, 0.001)
        let step = duration / Double(cells)
        var line = ""
        for i in 0..<cells {
            let middle = (Double(i) + 0.5) * step
            if analysis.segments.contains(where: { $0.start <= middle && middle < $0.end }) {
                line += style.paint("█", .green)
            } else if let pause = analysis.pause, pause.start <= middle, middle < pause.end {
                line += style.paint("─", .yellow)
            } else {
                line += "·"
            }
        }
        let end = LiveScreen.seconds(analysis.duration)
        let scale = "0 s" + String(repeating: " ", count: max(1, cells - 3 - end.count)) + end
        return ["Timeline    " + line, "            " + style.paint(scale, .dim)]
    }
}

/// Word wrapping for plain text.
public enum Wrap {
    /// `text` broken into lines of at most `columns`, at spaces where possible.
    public static func lines(_ text: String, columns: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count <= columns {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = VisibleText.fit(String(word), columns)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
