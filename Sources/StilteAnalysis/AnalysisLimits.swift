/// What is wrong with a set of ``AnalysisParameters``: the value and the bound it broke, as
/// facts (the words are the presentation layer's, `ParameterText` in StilteCore).
public enum ParameterProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pause target is not above 0 and at most ``AnalysisParameters/longestTarget`` seconds.
    case target(Double)
    /// The tolerance is negative or not smaller than the target.
    case tolerance(Double, target: Double)
    /// The minimum pause is not above 0 and below the shortest pause on target.
    case minPause(Double, shortestOnTarget: Double)
    /// The longest refusal is not a positive number of seconds.
    case longestRefusal(Double)

    /// A developer's one line (front ends show `ParameterText`'s instead).
    public var description: String {
        switch self {
        case .target(let value): "pause target \(value) s is not above 0 and at most \(AnalysisParameters.longestTarget) s"
        case .tolerance(let value, let target): "tolerance \(value) s is not at least 0 and below the target \(target) s"
        case .minPause(let value, let shortest): "min-pause \(value) s is not above 0 and below the shortest pause on target \(shortest) s"
        case .longestRefusal(let value): "longest refusal \(value) s is not a positive number of seconds"
        }
    }
}

extension AnalysisParameters {
    /// The pause the coaching method asks for, in seconds: "21, 22, 23, 24".
    public static let defaultTarget = 4.0
    /// How far from the target still counts as on target, in seconds.
    public static let defaultTolerance = 0.5
    /// The shortest silence, in seconds, that ends the refusal: 0.6 s, the rule of issue 3 —
    /// longer than a breath between words, far below the 3.5 s shortest pause on target. The
    /// evaluation set is built around it (its clips' inner silences stay under 0.45 s,
    /// Tests/Fixtures/evalset/README.md).
    public static let defaultMinPause = 0.6
    /// Longest pause target, in seconds: 30, far above the method's 4 s; a silence of half a
    /// minute is no pause in a conversation any more. Every entry has this one limit: command
    /// options, scenario files, stored and imported takes.
    public static let longestTarget = 30.0

    /// These parameters when every value is usable, else the first problem: a target above 0
    /// and at most ``longestTarget`` s, a tolerance from 0 up to (not including) the target, a
    /// min-pause above 0 and below the shortest pause on target, a positive longest refusal.
    /// The one check every entry calls (rehearse, analyze, the scenario parser, the analyser).
    public func validated() throws(ParameterProblem) -> AnalysisParameters {
        _ = try target.validated()
        guard minPause > 0, minPause < target.lowerBound else {
            throw .minPause(minPause, shortestOnTarget: target.lowerBound)
        }
        guard longestRefusal > 0, longestRefusal.isFinite else { throw .longestRefusal(longestRefusal) }
        return self
    }
}

extension PauseTarget {
    /// This target when usable, else its problem: seconds above 0 and at most
    /// ``AnalysisParameters/longestTarget``, a tolerance from 0 up to (not including) the seconds.
    /// Part of ``AnalysisParameters/validated()``; stores check stored targets with it.
    public func validated() throws(ParameterProblem) -> PauseTarget {
        guard seconds > 0, seconds <= AnalysisParameters.longestTarget else { throw .target(seconds) }
        guard tolerance >= 0, tolerance < seconds else { throw .tolerance(tolerance, target: seconds) }
        return self
    }
}
