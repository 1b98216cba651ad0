import Foundation

/// Audacity label tracks (File > Import > Labels): one `start<TAB>end<TAB>label` line per label.
public enum AudacityLabels {
    /// Labels for the speech segments, the refusal, the pause (with its length), the
    /// solution and the sounds inside the pause.
    public static func render(_ analysis: Analysis) -> String {
        var lines: [(Double, Double, String)] = analysis.segments.map { ($0.start, $0.end, "speech") }
        for part in AnswerParts.of(analysis) {
            let label = part.label == "pause" ? String(format: "pause %.2f s", part.span.duration) : part.label
            lines.append((part.span.start, part.span.end, label))
        }
        for event in analysis.pause?.events ?? [] { lines.append((event.start, event.end, event.kind.rawValue)) }
        return lines.sorted { $0.0 < $1.0 }
            .map { String(format: "%.6f\t%.6f\t%@", $0.0, $0.1, $0.2) }
            .joined(separator: "\n") + "\n"
    }
}
