import Foundation

/// A one-screen picture of an answer for a terminal (at most `width` columns), with its key
/// (`legend`, in the reader's language) below:
///
///     █ speech   ░ the pause   · other silence   ^ breath/click/noise in the pause
public enum TimelineText {
    public static func render(_ analysis: Analysis, width: Int = 78, legend: String) -> String {
        let columns = max(20, width - 2)
        let duration = max(analysis.duration, 0.001)
        let step = duration / Double(columns)
        var bar = [Character](repeating: "·", count: columns)
        func mark(_ span: TimeSpan, _ c: Character) {
            let a = max(0, min(columns - 1, Int(span.start / step)))
            let b = max(a, min(columns - 1, Int((span.end / step).rounded(.up)) - 1))
            for i in a...b { bar[i] = c }
        }
        if let pause = analysis.pause {
            mark(TimeSpan(start: pause.start, end: pause.end), "░")
            for event in pause.events where event.kind != .filler { mark(TimeSpan(start: event.start, end: event.end), "^") }
        }
        for segment in analysis.segments { mark(segment, "█") }
        var lines = ["|" + String(bar) + "|"]
        // Axis: 0 at the left, the duration at the right, the pause bounds under their columns.
        var axis = [Character](repeating: " ", count: columns + 2)
        func put(_ text: String, at column: Int) {
            let chars = Array(text)
            let start = max(0, min(axis.count - chars.count, column))
            for (i, c) in chars.enumerated() { axis[start + i] = c }
        }
        put("0", at: 0)
        let end = String(format: "%.1f s", analysis.duration)
        put(end, at: axis.count - end.count)
        if let pause = analysis.pause {
            let startLabel = String(format: "%.2f", pause.start)
            let startColumn = min(axis.count - end.count - startLabel.count - 1, Int(pause.start / step) + 1)
            put(startLabel, at: startColumn)
            let endLabel = String(format: "%.2f", pause.end)
            let endColumn = Int(pause.end / step) + 1 - endLabel.count / 2
            // Only where it clears the start label and the duration.
            if endColumn > startColumn + startLabel.count, endColumn + endLabel.count < axis.count - end.count {
                put(endLabel, at: endColumn)
            }
        }
        lines.append(String(axis))
        lines.append(legend)
        return lines.joined(separator: "\n")
    }
}
