/// A stretch of a recording, in seconds from its start.
public struct TimeSpan: Codable, Sendable, Equatable, Hashable {
    public var start: Double
    public var end: Double

    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    /// `end - start`, in seconds.
    public var duration: Double { end - start }
}

/// The target the pause is judged against.
public struct PauseTarget: Codable, Sendable, Equatable {
    /// The pause the coaching method asks for, in seconds (``AnalysisParameters/defaultTarget``).
    public var seconds: Double
    /// How far from `seconds` still counts as on target, in seconds.
    public var tolerance: Double

    public init(seconds: Double = AnalysisParameters.defaultTarget, tolerance: Double = AnalysisParameters.defaultTolerance) {
        self.seconds = seconds
        self.tolerance = tolerance
    }

    /// The shortest pause on target.
    public var lowerBound: Double { seconds - tolerance }
    /// The longest pause on target.
    public var upperBound: Double { seconds + tolerance }

    /// Short, on target or long, for a pause of `seconds` that ended in speech
    /// (both bounds count as on target).
    public func verdict(for seconds: Double) -> Verdict {
        if seconds < lowerBound { return .short }
        return seconds <= upperBound ? .onTarget : .long
    }
}

/// What the measurement is configured with.
public struct AnalysisParameters: Sendable, Equatable {
    /// The pause is judged against this.
    public var target: PauseTarget
    /// The shortest silence, in seconds, that ends the refusal (``defaultMinPause``).
    public var minPause: Double
    /// Speech that runs on longer than this, seconds, without a silence of `minPause` and is
    /// then followed by silence only is a whole answer given without a pause (`noPause`), not
    /// a refusal the trainee never went on from (`noContinuation`).
    public var longestRefusal: Double

    /// 4.75 s. Measured on the answer sets' truth (evaluation set, tuning, tuning3): of 331
    /// refusals followed by a pause the longest lasts 4.01 s (95 % under 3.65 s); of 26 answers
    /// without a pause the shortest runs 5.53 s. Halfway, rounded to a quarter second.
    public static let defaultLongestRefusal = 4.75

    public init(target: PauseTarget = PauseTarget(), minPause: Double = defaultMinPause, longestRefusal: Double = defaultLongestRefusal) {
        self.target = target
        self.minPause = minPause
        self.longestRefusal = longestRefusal
    }
}

/// A sound inside the pause that is not speech and so does not end it, or the
/// voiced filler that does end it.
public struct PauseEvent: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// An audible breath: broadband, unvoiced, a few hundred milliseconds.
        case breath
        /// A click, tap or knock: a short transient.
        case click
        /// Another non-speech sound (a chair creak, a rustle).
        case noise
        /// A voiced hesitation ("eh", "uhm"); it ends the pause.
        case filler
    }

    public var start: Double
    public var end: Double
    public var kind: Kind

    public init(start: Double, end: Double, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// The silence after the refusal.
public struct Pause: Codable, Sendable, Equatable {
    public var start: Double
    public var end: Double
    /// `end - start`, in seconds.
    public var duration: Double
    /// Non-speech sounds inside the pause, and a filler that ended it.
    public var events: [PauseEvent]

    public init(start: Double, end: Double, events: [PauseEvent] = []) {
        self.start = start
        self.end = end
        self.duration = end - start
        self.events = events
    }
}

/// How the pause compares with the target.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    /// Shorter than the target window.
    case short
    /// Inside the target window.
    case onTarget = "on-target"
    /// Longer than the target window.
    case long
    /// Speech never stopped for `minPause` before the end.
    case noPause = "no-pause"
    /// The trainee never spoke again; the pause runs to the end of the recording.
    case noContinuation = "no-continuation"
    /// Nothing was said.
    case noSpeech = "no-speech"
}

extension Analysis {
    /// The silence from the end of the last word to the end of the recording, seconds; nil
    /// when nothing was said. Reported on its own when no pause was found.
    public var silenceAfterLastWord: Double? { segments.last.map { max(0, duration - $0.end) } }
}

/// The measurement of one answer.
public struct Analysis: Codable, Sendable, Equatable {
    /// Length of the analysed audio, in seconds.
    public var duration: Double
    public var target: PauseTarget
    /// Speech, with boundaries where the voice really starts and stops.
    public var segments: [TimeSpan]
    /// The first utterance: first speech onset to the first silence of at least `minPause`.
    public var refusal: TimeSpan?
    /// The silence after the refusal; nil when there is none.
    public var pause: Pause?
    public var verdict: Verdict

    public init(duration: Double, target: PauseTarget, segments: [TimeSpan], refusal: TimeSpan?, pause: Pause?, verdict: Verdict) {
        self.duration = duration
        self.target = target
        self.segments = segments
        self.refusal = refusal
        self.pause = pause
        self.verdict = verdict
    }
}
