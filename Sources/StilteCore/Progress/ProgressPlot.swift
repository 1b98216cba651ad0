import Foundation

/// An SVG of pause over time with the target band, one colour per trainee × scenario.
public enum ProgressPlot {
    /// A series of (time, pause) points.
    public struct Series: Sendable {
        public var label: String
        public var points: [(date: Date, pause: Double)]
        public init(label: String, points: [(date: Date, pause: Double)]) {
            self.label = label
            self.points = points
        }
    }

    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"]

    public static func svg(_ series: [Series], targetSeconds: Double, tolerance: Double) -> String {
        let width = 900.0, height = 420.0, left = 60.0, right = 200.0, top = 20.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        let all = series.flatMap(\.points)
        let start = all.map(\.date).min() ?? Date()
        let end = max(all.map(\.date).max() ?? start, start.addingTimeInterval(1))
        let yMax = max(2 * targetSeconds, (all.map(\.pause).max() ?? 0) * 1.1, 1)
        func x(_ d: Date) -> Double { left + d.timeIntervalSince(start) / end.timeIntervalSince(start) * plotW }
        func y(_ s: Double) -> Double { top + (1 - s / yMax) * plotH }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
        <title>Pause after the refusal over time</title>
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="white"/>
        <rect x="\(f(left))" y="\(f(y(targetSeconds + tolerance)))" width="\(f(plotW))" height="\(f(y(targetSeconds - tolerance) - y(targetSeconds + tolerance)))" fill="#2ca02c" fill-opacity="0.15"/>
        <line x1="\(f(left))" x2="\(f(left + plotW))" y1="\(f(y(targetSeconds)))" y2="\(f(y(targetSeconds)))" stroke="#2ca02c" stroke-dasharray="4 3"/>
        <line x1="\(f(left))" x2="\(f(left))" y1="\(f(top))" y2="\(f(top + plotH))" stroke="black"/>
        <line x1="\(f(left))" x2="\(f(left + plotW))" y1="\(f(top + plotH))" y2="\(f(top + plotH))" stroke="black"/>

        """
        var tick = 0.0
        while tick <= yMax {
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(Int(tick)) s</text>\n"
            tick += yMax > 12 ? 2 : 1
        }
        let day = DateFormatter()
        day.dateFormat = "yyyy-MM-dd"
        day.timeZone = TimeZone(identifier: "UTC")
        svg += "<text x=\"\(f(left))\" y=\"\(f(height - 12))\">\(day.string(from: start))</text>\n"
        svg += "<text x=\"\(f(left + plotW))\" y=\"\(f(height - 12))\" text-anchor=\"end\">\(day.string(from: end))</text>\n"
        svg += "<text x=\"\(f(left + plotW + 10))\" y=\"\(f(y(targetSeconds) + 4))\" fill=\"#2ca02c\">target \(String(format: "%.1f ± %.1f", targetSeconds, tolerance)) s</text>\n"
        for (index, s) in series.enumerated() {
            let colour = colours[index % colours.count]
            let points = s.points.sorted { $0.date < $1.date }.map { "\(f(x($0.date))),\(f(y($0.pause)))" }
            if points.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"/>\n"
            }
            for point in points {
                let xy = point.split(separator: ",")
                svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2.5\" fill=\"\(colour)\"/>\n"
            }
            svg += "<text x=\"\(f(left + plotW + 10))\" y=\"\(f(top + 16 + Double(index) * 16))\" fill=\"\(colour)\">\(escape(s.label))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
