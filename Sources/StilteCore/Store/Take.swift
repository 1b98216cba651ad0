import Foundation
import StilteAnalysis

/// One recorded answer to one scenario turn, with its measurement and the
/// effective pause (the trainer's correction when there is one, else the detector's).
public struct Take: Codable, Sendable, Equatable {
    /// Where a take is in its life.
    public enum State: String, Codable, Sendable {
        /// The recording file is being written; a take left in this state was interrupted.
        case recording
        /// Recorded and measured.
        case complete
        /// Recovered after an interruption, or stopped with Ctrl-C; the recording may be cut short.
        case interrupted
        /// Played by the bundled demo answer, not a trainee: never practice.
        case demo
        /// Nothing was recorded (the process ended during the client's prompt).
        case empty

        /// Whether a take in this state counts as practice in progress summaries.
        public var isPractice: Bool { self == .complete }
    }

    public var id: Int64?
    /// Stable across machines, so importing a bundle twice adds nothing.
    public var uuid: UUID
    public var traineeId: Int64
    public var sessionId: Int64?
    public var scenarioId: String
    /// Which client turn of the scenario this answers (1-based).
    public var turn: Int
    public var state: State
    /// The recording, relative to the Stilte home (`recordings/...`).
    public var recordingPath: String
    public var sampleRate: Int
    /// Length of the recording, in seconds.
    public var duration: Double?
    /// The detector's full result (segments, refusal, pause events).
    public var analysis: Analysis?
    /// The pause as detected; kept when a trainer corrects it.
    public var detectedPauseStart: Double?
    public var detectedPauseEnd: Double?
    public var detectedPauseDuration: Double?
    public var detectedVerdict: Verdict?
    /// The latest trainer correction, nil when none.
    public var correctedPauseStart: Double?
    public var correctedPauseEnd: Double?
    /// The effective pause duration: the correction when present, else the detected one.
    public var pauseDuration: Double?
    /// The effective verdict, judged on `pauseDuration`.
    public var verdict: Verdict?
    public var targetSeconds: Double
    public var targetTolerance: Double
    /// The shortest silence, in seconds, that ended the refusal when this take was measured;
    /// recovery and re-analysis measure with it again.
    public var minPause: Double
    /// Seconds from the end of the client's prompt to the trainee's first speech.
    public var reactionTime: Double?
    /// Capture overruns (lost audio) while recording.
    public var overruns: Int
    /// True when the measurement should not be trusted (overruns, clipping, interruption).
    public var unreliable: Bool
    public var createdAt: Date

    public init(id: Int64? = nil, uuid: UUID = UUID(), traineeId: Int64, sessionId: Int64? = nil, scenarioId: String, turn: Int = 1,
                state: State = .complete, recordingPath: String, sampleRate: Int, duration: Double? = nil,
                analysis: Analysis? = nil, target: PauseTarget = PauseTarget(), reactionTime: Double? = nil,
                overruns: Int = 0, unreliable: Bool = false, createdAt: Date = Date(),
                minPause: Double = AnalysisParameters.defaultMinPause) {
        self.minPause = minPause
        self.id = id
        self.uuid = uuid
        self.traineeId = traineeId
        self.sessionId = sessionId
        self.scenarioId = scenarioId
        self.turn = turn
        self.state = state
        self.recordingPath = recordingPath
        self.sampleRate = sampleRate
        self.targetSeconds = target.seconds
        self.targetTolerance = target.tolerance
        self.reactionTime = reactionTime
        self.overruns = overruns
        self.unreliable = unreliable
        self.createdAt = createdAt
        self.setMeasurement(duration: duration, analysis: analysis)
    }

    /// The pause target this take was judged against.
    public var target: PauseTarget { PauseTarget(seconds: targetSeconds, tolerance: targetTolerance) }

    /// The parameters this take was measured with (target and min-pause).
    public var parameters: AnalysisParameters { AnalysisParameters(target: target, minPause: minPause) }

    /// The pause as detected, nil when none was found.
    public var detectedPause: TimeSpan? {
        guard let start = detectedPauseStart, let end = detectedPauseEnd else { return nil }
        return TimeSpan(start: start, end: end)
    }

    /// The trainer's corrected pause, nil when not corrected.
    public var correctedPause: TimeSpan? {
        guard let start = correctedPauseStart, let end = correctedPauseEnd else { return nil }
        return TimeSpan(start: start, end: end)
    }

    /// The pause that counts everywhere: the trainer's correction wins over the detector.
    public var pause: TimeSpan? { correctedPause ?? detectedPause }

    /// Stores a measurement (detected values) and recomputes the effective ones.
    public mutating func setMeasurement(duration: Double?, analysis: Analysis?) {
        self.duration = duration ?? analysis?.duration
        self.analysis = analysis
        detectedPauseStart = analysis?.pause?.start
        detectedPauseEnd = analysis?.pause?.end
        detectedPauseDuration = analysis?.pause?.duration
        detectedVerdict = analysis?.verdict
        updateEffectivePause()
    }

    /// Applies a trainer's correction (nil removes it) and recomputes the effective pause.
    public mutating func setCorrection(_ span: TimeSpan?) {
        correctedPauseStart = span?.start
        correctedPauseEnd = span?.end
        updateEffectivePause()
    }

    private mutating func updateEffectivePause() {
        if let corrected = correctedPause {
            pauseDuration = corrected.duration
            verdict = target.verdict(for: corrected.duration)
        } else {
            pauseDuration = detectedPauseDuration
            verdict = detectedVerdict
        }
    }
}

extension Take {
    /// The stored analysis with the effective pause and verdict: a trainer's
    /// correction replaces the detected pause (for TextGrids and labels).
    public var effectiveAnalysis: Analysis? {
        guard var analysis else { return nil }
        if let corrected = correctedPause {
            let events = (analysis.pause?.events ?? []).filter { $0.start >= corrected.start && $0.end <= corrected.end }
            analysis.pause = Pause(start: corrected.start, end: corrected.end, events: events)
            if let refusal = analysis.refusal {
                analysis.refusal = TimeSpan(start: min(refusal.start, corrected.start), end: corrected.start)
            }
        }
        if let verdict { analysis.verdict = verdict }
        return analysis
    }
}

extension Take {
    /// Stores a measurement's values on the take (what every store does when a take is finished).
    public mutating func apply(_ measurement: TakeMeasurement) {
        setMeasurement(duration: measurement.duration, analysis: measurement.analysis)
        reactionTime = measurement.reactionTime
        overruns = measurement.overruns
        unreliable = measurement.unreliable
    }
}
