/// Decides when the live screen is redrawn: only when something visible changed,
/// and never more often than `maxPerSecond`.
public struct RedrawThrottle: Sendable {
    /// Seconds that must pass between two draws.
    public let minInterval: Double
    private var lastDraw: Double?
    private var lastLines: [String] = []

    public init(maxPerSecond: Double = 15) {
        self.minInterval = 1 / max(1, maxPerSecond)
    }

    /// Whether `lines` should be drawn at wall-clock time `now` (seconds);
    /// when it says yes it records them as drawn.
    public mutating func shouldDraw(_ lines: [String], at now: Double) -> Bool {
        guard lines != lastLines else { return false }
        if let last = lastDraw, now - last < minInterval { return false }
        lastDraw = now
        lastLines = lines
        return true
    }
}
