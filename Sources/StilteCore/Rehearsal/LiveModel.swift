import StilteAnalysis

/// The state of one answer as the live screen and the stop rule see it, built by applying
/// the pause engine's `LiveEvent`s in order.
///
/// Times are audio time: seconds from the start of the recording. After the events of
/// `PauseAnalyzer.finish(into:)`, `segments`, `refusal` and `pause` are those of the final
/// `Analysis` of the same audio.
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
    /// The speech segments so far (the last one may still grow).
    public private(set) var segments: [TimeSpan] = []
    /// For each segment: whether it is a filler standing alone.
    public private(set) var fillers: [Bool] = []

    public init() {}

    /// Takes one event into account.
    public mutating func apply(_ event: LiveEvent) {
        switch event {
        case .speechStarted(let t):
            if firstSpeech == nil { firstSpeech = t }
            phase = .speaking(since: t)
            // The engine sends `pauseEnded` first; speech after a reported refusal end ends the pause all the same.
            if let start = pauseStart, pause == nil { pause = TimeSpan(start: start, end: t) }
        case .silenceStarted(let t):
            phase = .silence(since: t)
        case .refusalEnded(let t):
            if pauseStart == nil { pauseStart = t }
            if case .speaking = phase {} else { phase = .silence(since: t) }
        case .pauseEnded(let t):
            guard pause == nil else { return }
            pause = TimeSpan(start: pauseStart ?? t, end: t)
            if case .silence = phase { phase = .speaking(since: t) }
        case let .segment(index, span, filler):
            guard index <= segments.count else { return }
            if index == segments.count {
                segments.append(span)
                fillers.append(filler)
            } else {
                segments[index] = span
                fillers[index] = filler
            }
        }
    }

    /// Whether speech has resumed after the pause (a filler counts: it ends the pause).
    public var solutionStarted: Bool { pause != nil }

    /// The refusal: from the first speech to the pause, or, before any pause, to the last word so far.
    public var refusal: TimeSpan? {
        guard let first = segments.first, let last = segments.last else { return nil }
        return TimeSpan(start: first.start, end: pauseStart ?? last.end)
    }

    /// Seconds of speech after the pause that is not a filler standing alone: how clearly
    /// the solution has begun.
    public var solutionSpeech: Double {
        guard let pause else { return 0 }
        return zip(segments, fillers).reduce(0) { sum, item in
            item.0.start >= pause.end && !item.1 ? sum + item.0.duration : sum
        }
    }

    /// The silence being counted at `now`: from the real end of the last word,
    /// as long as the pause after the "no" has not been measured yet.
    public func countedSilence(at now: Double) -> Double? {
        guard pause == nil, case .silence(let since) = phase else { return nil }
        return max(0, now - since)
    }
}
