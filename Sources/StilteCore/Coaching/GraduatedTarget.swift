import StilteAnalysis

/// A target that steps up 2 → 3 → 4 s: a four-second silence runs against every conversational
/// habit (turn gaps are about 0.2 s), so a trainee who switches this on first learns to hold two.
public enum GraduatedTarget {
    /// The steps, in seconds.
    public static let levels = [2.0, 3.0, 4.0]
    /// Takes in a row on target at a level that move the trainee to the next.
    public static let hitsToStepUp = 3

    /// The target for the next take: the level reached (from the last logged step, else the first),
    /// never above the scenario's own target.
    public static func current(lastStep: Double?, scenarioTarget: Double) -> Double {
        min(scenarioTarget, lastStep ?? levels[0])
    }

    /// The next level when the last ``hitsToStepUp`` takes at `level` were all on target; nil to stay.
    public static func stepUp(from level: Double, verdictsAtLevel: [Verdict]) -> Double? {
        let last = verdictsAtLevel.suffix(hitsToStepUp)
        guard last.count == hitsToStepUp, last.allSatisfy({ $0 == .onTarget }) else { return nil }
        return levels.first { $0 > level }
    }
}
