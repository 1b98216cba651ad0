import StilteAnalysis

/// `stilte calibrate`: how long one silent count takes this trainee.
///
/// Silent: recording starts on the cue; the trainee counts 21 … 24 in silence and then says
/// "nu" / "now"; the onset of that word is four counts. Aloud: the trainee counts 21 … 24 aloud
/// once; first onset to last offset is four counts (the last number's length stands in for the
/// gap before the next one, which a silent count would also take).
public enum Calibration {
    /// The numbers counted: 21, 22, 23, 24.
    public static let counts = 4

    public enum Mode: String, Sendable, CaseIterable {
        case silent
        case aloud
    }

    /// Seconds per count measured in `analysis`; nil when no speech was found or the pace lies
    /// outside ``CountPlan/fastest`` … ``CountPlan/slowest`` (something else was measured).
    public static func secondsPerCount(_ analysis: Analysis, mode: Mode) -> Double? {
        guard let first = analysis.segments.first else { return nil }
        let span: Double = switch mode {
        case .silent: first.start
        case .aloud: (analysis.segments.last?.end ?? first.end) - first.start
        }
        let pace = span / Double(counts)
        return pace >= CountPlan.fastest && pace <= CountPlan.slowest ? pace : nil
    }
}
