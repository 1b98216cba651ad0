/// Percentiles by linear interpolation between closest ranks (the definition of
/// numpy's default and of StilteStoreSQLite's `ProgressQuery` SQL, so both agree).
public enum Percentile {
    /// The `q` quantile (0…1) of `sorted` values (ascending); nil when empty.
    public static func of(sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position)
        let upper = min(lower + 1, sorted.count - 1)
        return interpolate(lower: sorted[lower], upper: sorted[upper], fraction: position - Double(lower))
    }

    /// `lower + fraction × (upper − lower)`.
    public static func interpolate(lower: Double, upper: Double?, fraction: Double) -> Double {
        guard let upper else { return lower }
        return lower + fraction * (upper - lower)
    }
}
