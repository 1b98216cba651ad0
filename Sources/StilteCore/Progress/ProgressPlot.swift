import Foundation
import StilteAnalysis

/// An SVG of the pause take after take: one panel per trainee × scenario, each with its own
/// target band, points coloured by verdict and the rolling median of the last
/// ``rollingWindow`` takes; "no takes yet" where there is nothing to draw.
public enum ProgressPlot {
    /// One trainee × scenario.
    public struct Panel: Sendable {
        public var label: String
        public var target: PauseTarget
        /// Oldest first; takes without a measured pause are left out of the drawing.
        public var points: [ProgressPoint]

        public init(label: String, target: PauseTarget, points: [ProgressPoint]) {
            self.label = label
            self.target = target
            self.points = points
        }
    }

    /// The rolling median runs over this many takes (the take and the ones before it).
    public static let rollingWindow = 5

    /// A point's colour: green on target, amber too short, red too long or without a pause.
    public static func colour(_ verdict: Verdict?) -> String {
        switch verdict {
        case .onTarget?: "#2ca02c"
        case .short?: "#e69f00"
        default: "#d62728"
        }
    }

    static let width = 900.0, panelHeight = 230.0, left = 70.0, right = 30.0, legendHeight = 40.0

    /// The whole chart, every word in `language`.
    public static func svg(_ panels: [Panel], language: Language) -> String {
        let height = legendHeight + Double(max(1, panels.count)) * panelHeight
        let title = Phrase(en: "Pause after the refusal, take by take", nl: "Pauze na de weigering, opname na opname").text(language)
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
        <title>\(escape(title))</title>
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="white"/>

        """
        svg += legend(language)
        if panels.isEmpty {
            let none = Phrase(en: "No takes yet.", nl: "Nog geen opnamen.").text(language)
            svg += "<text class=\"empty\" x=\"\(f(width / 2))\" y=\"\(f(legendHeight + panelHeight / 2))\" text-anchor=\"middle\">\(escape(none))</text>\n"
        }
        for (index, panel) in panels.enumerated() {
            svg += self.panel(panel, top: legendHeight + Double(index) * panelHeight, language: language)
        }
        return svg + "</svg>\n"
    }

    /// The verdict colours and the median line, explained above the panels.
    static func legend(_ language: Language) -> String {
        var out = ""
        var x = left
        for verdict in [Verdict.onTarget, .short, .long] {
            out += "<rect x=\"\(f(x))\" y=\"14\" width=\"10\" height=\"10\" fill=\"\(colour(verdict))\"/>"
            out += "<text x=\"\(f(x + 14))\" y=\"23\">\(escape(verdict.name(language)))</text>\n"
            x += 110
        }
        let median = Phrase(en: "median of the last \(rollingWindow)", nl: "mediaan van de laatste \(rollingWindow)").text(language)
        out += "<line x1=\"\(f(x))\" x2=\"\(f(x + 20))\" y1=\"19\" y2=\"19\" stroke=\"#333\" stroke-width=\"2\"/>"
        out += "<text x=\"\(f(x + 26))\" y=\"23\">\(escape(median))</text>\n"
        return out
    }

    static func panel(_ panel: Panel, top: Double, language: Language) -> String {
        let plotTop = top + 24, plotH = panelHeight - 24 - 46, plotW = width - left - right
        let measured = panel.points.filter { $0.pauseDuration != nil }
        let pauses = measured.compactMap(\.pauseDuration)
        let target = panel.target
        let yMax = max(2 * target.seconds, target.upperBound * 1.2, (pauses.max() ?? 0) * 1.1, 1)
        let count = max(1, measured.count)
        func x(_ index: Int) -> Double { left + (count == 1 ? plotW / 2 : Double(index) / Double(count - 1) * plotW) }
        func y(_ seconds: Double) -> Double { plotTop + (1 - seconds / yMax) * plotH }

        let band = Phrase(en: "target \(NumberFormat.target(target, language))", nl: "doel \(NumberFormat.target(target, language))").text(language)
        var out = "<g class=\"panel\" data-label=\"\(escape(panel.label))\">\n"
        out += "<text x=\"\(f(left))\" y=\"\(f(top + 16))\" font-weight=\"bold\">\(escape(panel.label))</text>"
        out += "<text x=\"\(f(width - right))\" y=\"\(f(top + 16))\" text-anchor=\"end\" fill=\"#2ca02c\">\(escape(band))</text>\n"
        out += "<rect class=\"band\" data-low=\"\(target.lowerBound)\" data-high=\"\(target.upperBound)\" x=\"\(f(left))\" "
            + "y=\"\(f(y(target.upperBound)))\" width=\"\(f(plotW))\" height=\"\(f(y(target.lowerBound) - y(target.upperBound)))\" "
            + "fill=\"#2ca02c\" fill-opacity=\"0.15\"/>\n"
        out += "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(plotTop))\" y2=\"\(f(plotTop + plotH))\" stroke=\"black\"/>"
        out += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(plotTop + plotH))\" y2=\"\(f(plotTop + plotH))\" stroke=\"black\"/>\n"
        let step = yMax > 12 ? 2.0 : 1.0
        var tick = 0.0
        while tick <= yMax {
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(Int(tick))</text>"
            tick += step
        }
        let yTitle = Phrase(en: "pause (s)", nl: "pauze (s)").text(language)
        let xTitle = Phrase(en: "take", nl: "opname").text(language)
        out += "\n<text x=\"16\" y=\"\(f(plotTop + plotH / 2))\" transform=\"rotate(-90 16 \(f(plotTop + plotH / 2)))\" text-anchor=\"middle\">\(escape(yTitle))</text>"
        out += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(plotTop + plotH + 36))\" text-anchor=\"middle\">\(escape(xTitle))</text>\n"
        guard !measured.isEmpty else {
            let none = Phrase(en: "no takes yet", nl: "nog geen opnamen").text(language)
            out += "<text class=\"empty\" x=\"\(f(left + plotW / 2))\" y=\"\(f(plotTop + plotH / 2))\" text-anchor=\"middle\" fill=\"#666\">\(escape(none))</text>\n"
            return out + "</g>\n"
        }
        out += "<text x=\"\(f(x(0)))\" y=\"\(f(plotTop + plotH + 16))\" text-anchor=\"middle\">1</text>"
        if measured.count > 1 {
            out += "<text x=\"\(f(x(measured.count - 1)))\" y=\"\(f(plotTop + plotH + 16))\" text-anchor=\"middle\">\(measured.count)</text>"
        }
        out += "\n"
        let medians = rollingMedian(pauses)
        let line = medians.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
        out += "<polyline class=\"median\" fill=\"none\" stroke=\"#333\" stroke-width=\"2\" points=\"\(line)\"/>\n"
        for (index, point) in measured.enumerated() {
            guard let pause = point.pauseDuration else { continue }
            out += "<circle class=\"take\" data-verdict=\"\(point.verdict?.rawValue ?? "none")\" cx=\"\(f(x(index)))\" cy=\"\(f(y(pause)))\" r=\"3\" fill=\"\(colour(point.verdict))\"/>\n"
        }
        return out + "</g>\n"
    }

    /// For each value, the median of it and up to ``rollingWindow`` − 1 values before it.
    public static func rollingMedian(_ values: [Double]) -> [Double] {
        values.indices.map { index in
            let window = values[max(0, index - rollingWindow + 1)...index].sorted()
            return Percentile.of(sorted: window, 0.5) ?? values[index]
        }
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
