/// The answer's three parts as labelled spans, for the exports and the timeline.
public enum AnswerParts {
    /// `refusal`, `pause` and `solution` spans in time order (as far as they exist).
    public static func of(_ analysis: Analysis) -> [(label: String, span: TimeSpan)] {
        var parts: [(String, TimeSpan)] = []
        if let refusal = analysis.refusal { parts.append(("refusal", refusal)) }
        if let pause = analysis.pause {
            parts.append(("pause", TimeSpan(start: pause.start, end: pause.end)))
            if analysis.verdict != .noContinuation, let last = analysis.segments.last, last.end > pause.end {
                parts.append(("solution", TimeSpan(start: pause.end, end: last.end)))
            }
        }
        return parts
    }
}
