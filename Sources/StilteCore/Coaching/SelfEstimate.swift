import Foundation

/// The trainee's guess of their pause, asked before the measured pause is shown.
public enum SelfEstimate {
    /// Seconds typed by the trainee: "4", "3.5", "3,5", "3,5 s"; nil for anything else or
    /// a value outside 0 … 60 s.
    public static func parse(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        if cleaned.hasSuffix("s") { cleaned = String(cleaned.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard let value = Double(cleaned.replacingOccurrences(of: ",", with: ".")), value.isFinite, value >= 0, value <= 60 else {
            return nil
        }
        return value
    }

    /// The mean absolute error, in seconds, of estimate–measured pairs; nil without pairs.
    public static func meanError(_ pairs: [(estimate: Double, measured: Double)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        return pairs.map { abs($0.estimate - $0.measured) }.reduce(0, +) / Double(pairs.count)
    }
}
