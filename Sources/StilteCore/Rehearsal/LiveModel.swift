import StilteAnalysis

/// The state of one answer as the live screen shows it, built from `LiveCue`s.
///
/// Times are audio time: seconds from the start of the recording.
public struct LiveModel: Sendable, Equatable {
    /// What the trainee is doing right now.
    public enum Phase: Sendable, Equatable {
        /// Nothing said yet since the prompt ended.
        case waiting
        /// Speaking since the given time.
        case speaking(since: Double)
        /// Silent since the given time (the real end of the last word).
        case silence(since: Double)
    }

    public private(set) var phase: Phase = .waiting
    /// When the trainee first spoke: the reaction time after the prompt.
    public private(set) var firstSpeech: Double?
    /// Set once the refusal is over: the start of the pause after the "no".
    public private(set) var pauseStart: Double?
    /// The measured pause, once speech has resumed after it (frozen from then on).
    public private(set) var pause: TimeSpan?

    public init() {}

    /// Takes one cue into account.
    public mutating func apply(_ cue: LiveCue) {
        switch cue {
        case .speechStarted(let t):
            if firstSpeech == nil { firstSpeech = t }
            phase = .speaking(since: t)
            if let start = pauseStart, pause == nil { pause = TimeSpan(start: start, end: t) }
        case .silenceStarted(let t):
            phase = .silence(since: t)
        case .refusalEnded(let t):
            if pauseStart == nil { pauseStart = t }
            if case .speaking = phase {} else { phase = .silence(since: t) }
        case .pauseEnded(let span):
            pauseStart = span.start
            pause = span
            if case .silence = phase { phase = .speaking(since: span.end) }
        }
    }

    /// Whether the solution (speech after the pause) has begun.
    public var solutionStarted: Bool { pause != nil }

    /// The silence being counted at `now`: from the real end of the last word,
    /// as long as the pause after the "no" has not been measured yet.
    public func countedSilence(at now: Double) -> Double? {
        guard pause == nil, case .silence(let since) = phase else { return nil }
        return max(0, now - since)
    }
}
