import Foundation

/// What a trainee chose and what Stilte measured about them, kept between runs.
public struct TraineePreferences: Sendable, Equatable {
    /// The interface language they asked for (`--lang` stores it); nil: follow the locale.
    public var language: Language?
    /// Their silent counting pace from `stilte calibrate`, in seconds per number; nil: not calibrated.
    public var secondsPerCount: Double?
    /// How the live counter is shown; nil: ``LiveMode/fade``.
    public var liveMode: LiveMode?
    /// Whether the target steps up 2 → 3 → 4 s (``GraduatedTarget``).
    public var graduatedTarget: Bool

    public init(language: Language? = nil, secondsPerCount: Double? = nil, liveMode: LiveMode? = nil, graduatedTarget: Bool = false) {
        self.language = language
        self.secondsPerCount = secondsPerCount
        self.liveMode = liveMode
        self.graduatedTarget = graduatedTarget
    }
}

/// One logged coaching step: a calibration, a self-estimate, whether the live counter was shown,
/// a target step.
public struct CoachingEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// `value`: seconds per count measured.
        case calibration
        /// `value`: the trainee's estimate of the pause; `measured`: the pause measured. For `takeId`.
        case selfEstimate = "self-estimate"
        /// `value`: 1 when the live counter was shown for `takeId`, 0 when it was hidden.
        case liveShown = "live-shown"
        /// `value`: the new target in seconds; `measured`: the one before.
        case targetStep = "target-step"
    }

    public var kind: Kind
    public var takeId: Int64?
    public var value: Double
    public var measured: Double?
    public var createdAt: Date

    public init(kind: Kind, takeId: Int64? = nil, value: Double, measured: Double? = nil, createdAt: Date = Date()) {
        self.kind = kind
        self.takeId = takeId
        self.value = value
        self.measured = measured
        self.createdAt = createdAt
    }
}

/// Where preferences and coaching events are kept (the SQLite log implements it).
public protocol CoachingLog: Sendable {
    /// The trainee's preferences; defaults for a trainee without any (or not in the log).
    func preferences(trainee: String) throws -> TraineePreferences
    /// Stores the trainee's preferences (the trainee is created when new).
    func savePreferences(_ preferences: TraineePreferences, trainee: String) throws
    /// Appends a coaching event for the trainee.
    func record(_ event: CoachingEvent, trainee: String) throws
    /// The trainee's coaching events, oldest first.
    func coachingEvents(trainee: String) throws -> [CoachingEvent]
}
