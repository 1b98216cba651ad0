import Foundation
import StilteAnalysis

/// The lean queries a trainer's overview pages need over a large log: one row per
/// trainee, one line per take, the neighbouring unreviewed takes. Rows only, no full
/// analyses, so a log of 100 000 takes lists in milliseconds (bench/serve).
public protocol ReviewBrowsing: Sendable {
    /// Every trainee with at least one take, by name.
    func traineeOverviews() throws -> [TraineeOverview]
    /// One page of a trainee's takes, newest first, and how many match in all.
    func takeSummaries(_ query: TakeListQuery) throws -> (total: Int, takes: [TakeSummary])
    /// The trainee's unreviewed takes just before and just after `take` in time order.
    func unreviewedNeighbours(of take: Take) throws -> UnreviewedNeighbours
}

/// One trainee at a glance. Pauses are the effective ones (a correction wins).
public struct TraineeOverview: Codable, Sendable, Equatable {
    public var traineeId: Int64
    public var name: String
    public var takes: Int
    /// Takes with a pause measured.
    public var measured: Int
    public var onTarget: Int
    /// Takes nobody has reviewed yet.
    public var unreviewed: Int
    public var medianPause: Double?
    public var lastPractice: Date?
    /// The pauses of the last ``TraineeOverview/recentCount`` takes, oldest first (nil: no pause).
    public var recentPauses: [Double?]
    /// The target of the latest take (the sparkline's scale).
    public var target: PauseTarget

    /// How many recent takes the trend shows.
    public static let recentCount = 20

    public init(traineeId: Int64, name: String, takes: Int, measured: Int, onTarget: Int, unreviewed: Int,
                medianPause: Double?, lastPractice: Date?, recentPauses: [Double?], target: PauseTarget) {
        self.traineeId = traineeId
        self.name = name
        self.takes = takes
        self.measured = measured
        self.onTarget = onTarget
        self.unreviewed = unreviewed
        self.medianPause = medianPause
        self.lastPractice = lastPractice
        self.recentPauses = recentPauses
        self.target = target
    }

    /// The share of takes on target, 0…1; nil without takes.
    public var onTargetShare: Double? { takes > 0 ? Double(onTarget) / Double(takes) : nil }
}

/// Which of a trainee's takes to list. Nil fields do not filter.
public struct TakeListQuery: Sendable, Equatable {
    public var traineeId: Int64
    public var scenarioId: String?
    public var verdict: Verdict?
    /// True: only reviewed takes; false: only unreviewed ones.
    public var reviewed: Bool?
    public var offset: Int
    public var limit: Int

    public init(traineeId: Int64, scenarioId: String? = nil, verdict: Verdict? = nil, reviewed: Bool? = nil,
                offset: Int = 0, limit: Int = 100) {
        self.traineeId = traineeId
        self.scenarioId = scenarioId
        self.verdict = verdict
        self.reviewed = reviewed
        self.offset = max(0, offset)
        self.limit = max(1, limit)
    }
}

/// One take as a list shows it.
public struct TakeSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var scenarioId: String
    public var turn: Int
    public var createdAt: Date
    public var state: Take.State
    public var pauseDuration: Double?
    public var verdict: Verdict?
    /// True when a trainer's correction is the effective pause.
    public var corrected: Bool
    public var reviews: Int
    public var unreliable: Bool

    public init(id: Int64, scenarioId: String, turn: Int, createdAt: Date, state: Take.State, pauseDuration: Double?,
                verdict: Verdict?, corrected: Bool, reviews: Int, unreliable: Bool) {
        self.id = id
        self.scenarioId = scenarioId
        self.turn = turn
        self.createdAt = createdAt
        self.state = state
        self.pauseDuration = pauseDuration
        self.verdict = verdict
        self.corrected = corrected
        self.reviews = reviews
        self.unreliable = unreliable
    }
}

/// The take ids of the previous and next unreviewed take of the same trainee.
public struct UnreviewedNeighbours: Codable, Sendable, Equatable {
    public var previous: Int64?
    public var next: Int64?

    public init(previous: Int64?, next: Int64?) {
        self.previous = previous
        self.next = next
    }
}
