/// How far the pause detector's boundaries were from trainers' corrections.
public struct AgreementReport: Codable, Sendable, Equatable {
    /// Takes with a trainer's correction.
    public var corrections: Int
    /// Corrected takes where the detector had found no pause at all.
    public var missedByDetector: Int
    /// |detected − corrected| for the pause start, the end, and both pooled, in seconds.
    public var start: BoundaryStats
    public var end: BoundaryStats
    public var both: BoundaryStats

    public init(corrections: Int, missedByDetector: Int, start: BoundaryStats, end: BoundaryStats, both: BoundaryStats) {
        self.corrections = corrections
        self.missedByDetector = missedByDetector
        self.start = start
        self.end = end
        self.both = both
    }
}

/// Count, median and 90th percentile of absolute boundary differences, in seconds.
public struct BoundaryStats: Codable, Sendable, Equatable {
    public var count: Int
    public var median: Double?
    public var p90: Double?

    public init(_ differences: [Double]) {
        let sorted = differences.sorted()
        count = sorted.count
        median = Percentile.of(sorted: sorted, 0.5)
        p90 = Percentile.of(sorted: sorted, 0.9)
    }
}
