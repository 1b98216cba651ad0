/// What the trainee counts in silence to reach the target pause: "21, 22" for 2 s,
/// "21 … 24" for 4 s, at the trainee's own pace.
///
/// The method counts from 21 because "twenty-one" takes about a second to say; a trainee who
/// counts faster or slower has measured their pace with `stilte calibrate`
/// (``secondsPerCount``), and the count is lengthened or shortened to fit the target.
public struct CountPlan: Sendable, Equatable {
    /// The first number of the count.
    public static let first = 21
    /// Seconds one silent count takes when the trainee has not calibrated: the method's assumption.
    public static let uncalibratedSecondsPerCount = 1.0
    /// A count takes at least this long and at most ``slowest`` (seconds): outside, a calibration
    /// measured something else than counting (a cough, a forgotten "now").
    public static let fastest = 0.4
    public static let slowest = 2.0

    /// Seconds one count takes for this trainee.
    public let secondsPerCount: Double
    /// How many numbers to count: the target divided by the pace, at least one.
    public let counts: Int

    /// The count for a pause of `target` seconds at `secondsPerCount` (clamped to ``fastest`` … ``slowest``).
    public init(target: Double, secondsPerCount: Double = CountPlan.uncalibratedSecondsPerCount) {
        let pace = secondsPerCount.isFinite ? min(Self.slowest, max(Self.fastest, secondsPerCount)) : Self.uncalibratedSecondsPerCount
        self.secondsPerCount = pace
        self.counts = max(1, Int((max(0, target) / pace).rounded()))
    }

    /// Every number of the count: [21, 22] for two counts.
    public var numbers: [Int] { Array(Self.first..<(Self.first + counts)) }

    /// The numbers reached after `seconds` of silence: none during the first count, 21 after one
    /// count, and so on; it stops at the last number (the target), it does not run on.
    public func reached(after seconds: Double) -> [Int] {
        let whole = Int((max(0, seconds) / secondsPerCount + 1e-9).rounded(.down))
        return Array(numbers.prefix(max(0, whole)))
    }

    /// The count reached as the live screen shows it: "21 … 22 … 23"; "…" before the first number.
    public func text(after seconds: Double, ellipsis: String = "…") -> String {
        let shown = reached(after: seconds)
        guard !shown.isEmpty else { return ellipsis }
        return shown.map(String.init).joined(separator: " \(ellipsis) ")
    }
}
