/// The trainee's silent count: "21 … 22 … 23 … 24", one number per second of silence.
public enum SilenceCount {
    /// The first number of the count.
    public static let first = 21

    /// The numbers reached after `seconds` of silence: none during the first
    /// second, 21 after one second, 22 after two, and so on.
    public static func numbers(after seconds: Double) -> [Int] {
        let whole = Int(max(0, seconds).rounded(.down))
        guard whole >= 1 else { return [] }
        return Array(first..<(first + whole))
    }

    /// The count as the screen shows it, at most `maxNumbers` numbers (older ones
    /// elided): "21 … 22 … 23".
    public static func text(after seconds: Double, maxNumbers: Int = 8) -> String {
        let all = numbers(after: seconds)
        guard !all.isEmpty else { return "…" }
        let shown = all.suffix(maxNumbers).map(String.init)
        return (all.count > maxNumbers ? "… " : "") + shown.joined(separator: " … ")
    }
}
