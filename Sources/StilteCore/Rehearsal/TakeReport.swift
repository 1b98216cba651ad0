import StilteAnalysis

/// The result of one take as the trainee reads it after answering.
public struct TakeReport: Sendable {
    public var analysis: Analysis
    /// Dropped-audio incidents during the capture; any makes the take unreliable.
    public var overruns: Int
    /// The scenario's coaching tip.
    public var tip: String?
    public var columns: Int
    /// The language every word of the report is in.
    public var language: Language

    public init(analysis: Analysis, overruns: Int = 0, tip: String? = nil, columns: Int = 80, language: Language) {
        self.analysis = analysis
        self.overruns = overruns
        self.tip = tip
        self.columns = max(40, min(columns, 200))
        self.language = language
    }

    /// Prompt end → first speech, in seconds; nil when nothing was said.
    public var reactionTime: Double? { analysis.segments.first?.start }

    /// A take with dropped audio cannot be trusted to the hundredth.
    public var unreliable: Bool { overruns > 0 }

    /// The result screen.
    public func render(style: TerminalStyle) -> [String] {
        let verdict = analysis.verdict
        let name = verdict.name(language)
        var lines: [String] = []
        if let pause = analysis.pause {
            let seconds = seconds(pause.duration)
            let pauseText = Phrase(en: "Pause after your no: \(seconds) — \(name)", nl: "Pauze na je nee: \(seconds) — \(name)")
            let window = NumberFormat.target(analysis.target, language)
            let targetText = Phrase(en: "  (target \(window))", nl: "  (doel \(window))")
            lines.append(style.paint(pauseText.text(language), verdict.paint) + style.paint(targetText.text(language), .dim))
        } else {
            lines.append(style.paint(Phrase(en: "No pause measured — \(name)", nl: "Geen pauze gemeten — \(name)").text(language), verdict.paint))
        }
        lines.append(VisibleText.fit(verdict.explanation(language), columns))
        if verdict == .noPause, let after = analysis.silenceAfterLastWord {
            // Measured, not judged: the silence may follow a whole answer or a refusal only.
            let seconds = seconds(after)
            lines.append(Phrase(en: "Silence after your last word: \(seconds).", nl: "Stilte na je laatste woord: \(seconds).").text(language))
        }
        if let reaction = reactionTime {
            let seconds = seconds(reaction)
            lines.append(Phrase(en: "Reaction time: \(seconds) from the end of the client's question",
                                nl: "Reactietijd: \(seconds) na het einde van de vraag van de klant").text(language))
        }
        lines.append(contentsOf: Timeline(analysis: analysis, cells: min(60, columns - 12), language: language).render(style: style))
        if let events = analysis.pause?.events, !events.isEmpty {
            let names = events.map { Phrase(en: "\(eventName($0.kind, .en)) at ", nl: "\(eventName($0.kind, .nl)) op ").text(language) + seconds($0.start) }
            let heading = Phrase(en: "In the pause: ", nl: "In de pauze: ").text(language)
            lines.append(VisibleText.fit(heading + names.joined(separator: ", "), columns))
        }
        if unreliable {
            let count = Phrase.count(overruns, en: ("overrun", "overruns"), nl: ("onderbreking", "onderbrekingen"))
            let text = Phrase(en: "Unreliable: \(count.en) — audio was dropped while recording.",
                              nl: "Onbetrouwbaar: \(count.nl) — er viel geluid weg tijdens de opname.")
            lines.append(style.paint(text.text(language), .red))
        }
        if let tip, !tip.isEmpty {
            lines.append("")
            lines.append(contentsOf: Wrap.lines(Phrase(en: "Tip: ", nl: "Tip: ").text(language) + tip, columns: columns))
        }
        return lines
    }

    func seconds(_ value: Double) -> String { NumberFormat.seconds(value, language) }

    /// The name of a sound heard inside the pause.
    func eventName(_ kind: PauseEvent.Kind, _ language: Language) -> String {
        let phrase: Phrase = switch kind {
        case .breath: Phrase(en: "breath", nl: "ademhaling")
        case .click: Phrase(en: "click", nl: "klik")
        case .noise: Phrase(en: "noise", nl: "geluid")
        case .filler: Phrase(en: "filler", nl: "stopwoord")
        }
        return phrase.text(language)
    }
}

/// The recording on one line: speech `█`, silence `·`, the pause after the "no" `─`.
public struct Timeline: Sendable {
    public var analysis: Analysis
    public var cells: Int
    public var language: Language

    public init(analysis: Analysis, cells: Int = 60, language: Language) {
        self.analysis = analysis
        self.cells = max(10, cells)
        self.language = language
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
        let end = NumberFormat.seconds(analysis.duration, language)
        let scale = "0 s" + String(repeating: " ", count: max(1, cells - 3 - end.count)) + end
        let label = Phrase(en: "Timeline", nl: "Tijdlijn").text(language)
        let indent = String(repeating: " ", count: 12)
        return [label + String(repeating: " ", count: max(1, 12 - label.count)) + line, indent + style.paint(scale, .dim)]
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
