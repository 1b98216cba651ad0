/// A terminal sparkline of pauses (▁▂▃▄▅▆▇█) on a fixed scale: 0 s to twice the
/// target, so the target sits in the middle and lines of different trainees compare.
public enum Sparkline {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Shown for a take without a pause.
    public static let missing: Character = "·"

    public static func render(_ pauses: [Double?], targetSeconds: Double) -> String {
        let top = max(2 * targetSeconds, 0.001)
        return String(pauses.map { pause -> Character in
            guard let pause else { return missing }
            let level = Int((min(max(pause, 0), top) / top * Double(bars.count - 1)).rounded())
            return bars[level]
        })
    }
}
