import Foundation
import StilteAnalysis

/// The session log: trainees' takes, trainers' reviews and the progress queries.
///
/// Stilte talks to the log only through this protocol, so that a shared
/// (for example PostgreSQL) log for an organisation can be added beside
/// `SQLiteSessionLog` (target StilteStoreSQLite) without touching the commands. Every method is one
/// transaction.
///
/// Recording a take (what `stilte rehearse` does):
///
/// ```swift
/// let log: any SessionLog = try SQLiteStore.open(home: .fromEnvironment())   // import StilteStoreSQLite
/// // On start, finish takes a crashed run left behind (the CLI's LogAccess.openRecovering()
/// // does this with FileAnalysis):
/// _ = try log.recoverInterruptedTakes { take, url in try measure(url, take.target) }
/// let session = try log.beginSession(trainee: "anna", devices: "capture hw:1, playback default",
///                                    appVersion: StilteVersion.current)
/// var take = try log.beginTake(TakeDraft(sessionId: session.id ?? 0, scenarioId: scenario.id,
///                                        turn: 1, sampleRate: 16_000, target: turn.target))
/// let file = log.recordingURL(of: take)   // exists, 0600, flock-ed by this process (RecordingStore)
/// // ... RecordingWriter(path: file.path, sampleRate: 16_000): write, close ...
/// take = try log.finishTake(take.id ?? 0, measurement: TakeMeasurement(
///     duration: seconds, analysis: analysis, reactionTime: reaction, overruns: gaps, unreliable: gaps > 0))
/// // take.pauseDuration, take.verdict: the effective values
/// try log.endSession(session.id ?? 0)
/// ```
///
/// A take is in state `.recording` from ``beginTake(_:)`` to ``finishTake(_:measurement:)``
/// and is not listed, counted or exported until then. Its file is locked (`flock`) by the
/// recording process, so another process's ``recoverInterruptedTakes(measure:)`` leaves it
/// alone; once that process is gone, the next start keeps the take as `.interrupted` and
/// unreliable, or removes it when its file is empty.
public protocol SessionLog: Sendable {
    /// The directory recordings are stored relative to (`Take.recordingPath`).
    var home: StilteHome { get }

    // MARK: Recording

    /// Starts a practice session for `trainee` (created on first use).
    func beginSession(trainee: String, devices: String, appVersion: String) throws -> PracticeSession
    /// Marks a session as ended now.
    func endSession(_ sessionId: Int64) throws
    /// Registers a take before its recording is written: its (empty, 0600) file exists
    /// and is locked by this process, and the row is in state `.recording`, so a crash
    /// leaves a take that ``recoverInterruptedTakes(measure:)`` finds on the next start.
    /// Write the audio to ``recordingURL(of:)``.
    func beginTake(_ draft: TakeDraft) throws -> Take
    /// Stores the measurement of a take begun with ``beginTake(_:)``, marks it complete
    /// and releases its lock.
    func finishTake(_ takeId: Int64, measurement: TakeMeasurement) throws -> Take
    /// Finds takes left in state `.recording` whose recording no process holds any more
    /// (the program died while recording) and finalises them from their files with
    /// `measure`: kept as `.interrupted` and unreliable. A take whose file is missing or
    /// empty is removed (there is nothing to keep). Takes still being recorded are left alone.
    func recoverInterruptedTakes(measure: (Take, URL) throws -> TakeMeasurement) throws -> [RecoveredTake]
    /// Saves a complete take in one go (import); returns it with its id. A take whose
    /// `uuid` is already in the log is not added again: the stored one is returned.
    func saveTake(_ take: NewTake) throws -> (take: Take, added: Bool)
    /// Saves an import in one transaction: every take and review, or none. Takes whose
    /// `uuid` is already in the log are skipped; each review goes to the take with its
    /// `takeUUID` (in the batch or already in the log); reviews already in the log are skipped.
    func saveImport(_ batch: ImportBatch) throws -> ImportBatch.Outcome

    // MARK: Reading

    func take(id: Int64) throws -> Take?
    func take(uuid: UUID) throws -> Take?
    func takes(_ filter: TakeFilter) throws -> [Take]
    func trainee(id: Int64) throws -> Trainee?
    func trainees() throws -> [Trainee]
    /// The reviews of a take, oldest first.
    func reviews(takeId: Int64) throws -> [Review]
    /// How many reviews each reviewed take has (takes without reviews are absent).
    func reviewCounts() throws -> [Int64: Int]
    /// Per trainee × scenario summaries (see ``ProgressReport``).
    func progress(_ filter: TakeFilter) throws -> ProgressReport
    /// The last `lastPerGroup` takes of each trainee × scenario, oldest first (for plots).
    func pauseHistory(_ filter: TakeFilter, lastPerGroup: Int) throws -> [PauseHistory]
    /// How far the detector's boundaries were from trainers' corrections.
    func agreement() throws -> AgreementReport

    // MARK: Reviewing

    /// Adds a review; a review with a corrected pause makes that pause the effective
    /// one for the take (the detected pause is kept). A review whose `uuid` is already
    /// in the log is not added again.
    func addReview(_ review: Review) throws -> (review: Review, added: Bool)

    // MARK: Removing

    /// Deletes a take, its reviews and its recording file together.
    func deleteTake(id: Int64) throws
}

/// What the rehearse command knows when it starts recording a take.
public struct TakeDraft: Sendable {
    public var sessionId: Int64
    public var scenarioId: String
    public var turn: Int
    public var sampleRate: Int
    public var target: PauseTarget
    /// The min-pause the take is measured with (stored with it, see ``Take/minPause``).
    public var minPause: Double
    /// The recording's file extension (`wav`, `flac`).
    public var fileExtension: String

    public init(sessionId: Int64, scenarioId: String, turn: Int = 1, sampleRate: Int, target: PauseTarget = PauseTarget(),
                minPause: Double = AnalysisParameters.defaultMinPause, fileExtension: String = "wav") {
        self.minPause = minPause
        self.sessionId = sessionId
        self.scenarioId = scenarioId
        self.turn = turn
        self.sampleRate = sampleRate
        self.target = target
        self.fileExtension = fileExtension
    }
}

/// The measurement of a recorded take.
public struct TakeMeasurement: Sendable {
    /// Length of the recording, in seconds.
    public var duration: Double
    public var analysis: Analysis?
    public var reactionTime: Double?
    public var overruns: Int
    public var unreliable: Bool
    /// What the take is: practice (`.complete`), a demo, an interrupted or an empty take.
    public var state: Take.State

    public init(duration: Double, analysis: Analysis?, reactionTime: Double? = nil, overruns: Int = 0, unreliable: Bool = false,
                state: Take.State = .complete) {
        self.state = state
        self.duration = duration
        self.analysis = analysis
        self.reactionTime = reactionTime
        self.overruns = overruns
        self.unreliable = unreliable
    }
}

/// A complete take to save in one go (import of a file or a bundle).
public struct NewTake: Sendable {
    public var uuid: UUID
    public var trainee: String
    public var sessionId: Int64?
    public var scenarioId: String
    public var turn: Int
    /// Relative to the home; the file must already be there.
    public var recordingPath: String
    public var sampleRate: Int
    public var target: PauseTarget
    /// The min-pause it was measured with.
    public var minPause: Double
    public var measurement: TakeMeasurement
    public var createdAt: Date

    public init(uuid: UUID = UUID(), trainee: String, sessionId: Int64? = nil, scenarioId: String, turn: Int = 1, recordingPath: String,
                sampleRate: Int, target: PauseTarget = PauseTarget(), minPause: Double = AnalysisParameters.defaultMinPause,
                measurement: TakeMeasurement, createdAt: Date = Date()) {
        self.minPause = minPause
        self.uuid = uuid
        self.trainee = trainee
        self.sessionId = sessionId
        self.scenarioId = scenarioId
        self.turn = turn
        self.recordingPath = recordingPath
        self.sampleRate = sampleRate
        self.target = target
        self.measurement = measurement
        self.createdAt = createdAt
    }
}

/// Takes and reviews that enter the log together or not at all (an import).
public struct ImportBatch: Sendable {
    /// A review of the take whose uuid is `takeUUID` (its `takeId` is filled in on saving).
    public struct TakeReview: Sendable {
        public var takeUUID: UUID
        public var review: Review
        public init(takeUUID: UUID, review: Review) {
            self.takeUUID = takeUUID
            self.review = review
        }
    }

    /// What saving did.
    public struct Outcome: Sendable {
        /// The takes added, with their ids, in batch order.
        public var added: [Take] = []
        /// Takes whose uuid was already in the log.
        public var takesSkipped = 0
        public var reviewsAdded = 0
        public init() {}
    }

    public var takes: [NewTake]
    public var reviews: [TakeReview]

    public init(takes: [NewTake], reviews: [TakeReview] = []) {
        self.takes = takes
        self.reviews = reviews
    }
}

/// What ``SessionLog/recoverInterruptedTakes(measure:)`` did with one interrupted take.
public struct RecoveredTake: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        /// Measured from its file and kept, marked `.interrupted` and unreliable.
        case recovered
        /// Its file was missing or empty; the row was removed.
        case removed
        /// The file could not be measured; kept, marked `.interrupted` without a measurement.
        case unmeasured
    }
    public var takeId: Int64
    public var recordingPath: String
    public var outcome: Outcome

    public init(takeId: Int64, recordingPath: String, outcome: Outcome) {
        self.takeId = takeId
        self.recordingPath = recordingPath
        self.outcome = outcome
    }
}

/// Which takes a query covers. Nil fields do not filter.
public struct TakeFilter: Sendable, Equatable {
    public var trainee: String?
    public var scenarioId: String?
    /// Only takes created at or after this instant.
    public var since: Date?
    /// Only takes without any review.
    public var unreviewedOnly: Bool
    /// Progress: also demo, interrupted and empty takes (by default only practice counts).
    public var includeAll: Bool

    public init(trainee: String? = nil, scenarioId: String? = nil, since: Date? = nil, unreviewedOnly: Bool = false,
                includeAll: Bool = false) {
        self.includeAll = includeAll
        self.trainee = trainee
        self.scenarioId = scenarioId
        self.since = since
        self.unreviewedOnly = unreviewedOnly
    }
}

extension SessionLog {
    /// Where `take`'s recording is (or is to be written); nil for a stored name that is not
    /// ``RecordingStore``'s.
    public func recordingURL(of take: Take) -> URL? {
        recordings.url(of: take.recordingPath)
    }
}
