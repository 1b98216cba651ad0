/// Why a take's recording stopped.
public enum StopReason: String, Sendable, Codable {
    /// The solution was followed by enough silence.
    case finished
    /// `--max-seconds` was reached.
    case maxDuration = "max-duration"
    /// The trainee pressed Enter.
    case enter
    /// Ctrl-C or a termination signal.
    case interrupted
    /// The capture ended by itself (end of input, device gone).
    case inputEnded = "input-ended"
}

/// When a take stops by itself: a moment after the solution, or at the maximum length.
public struct StopRule: Sendable, Equatable {
    /// Silence after the solution that ends the take (default 2 s).
    public var silenceAfterSolution: Double
    /// The longest take, in seconds (default 45).
    public var maxSeconds: Double

    public init(silenceAfterSolution: Double = 2, maxSeconds: Double = 45) {
        self.silenceAfterSolution = silenceAfterSolution
        self.maxSeconds = maxSeconds
    }

    /// Whether to stop at audio time `now`, and why.
    public func reason(_ model: LiveModel, now: Double) -> StopReason? {
        if now >= maxSeconds { return .maxDuration }
        if model.solutionStarted, case .silence(let since) = model.phase, now - since >= silenceAfterSolution {
            return .finished
        }
        return nil
    }
}
