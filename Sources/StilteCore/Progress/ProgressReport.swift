import Foundation
import StilteAnalysis

/// Progress per trainee × scenario, computed by the log's queries.
public struct ProgressReport: Codable, Sendable, Equatable {
    public var groups: [ProgressGroup]
    /// Takes left out because they are not practice (demo, interrupted, empty); 0 with `--all`.
    public var leftOut: Int

    public init(groups: [ProgressGroup], leftOut: Int = 0) {
        self.groups = groups
        self.leftOut = leftOut
    }
}

/// One trainee's progress on one scenario. Pauses are the effective ones (a
/// trainer's correction wins).
public struct ProgressGroup: Codable, Sendable, Equatable {
    public var trainee: String
    public var scenarioId: String
    /// All takes (recorded, not still recording).
    public var takes: Int
    /// Takes with a pause measured (the rest had no pause or no speech).
    public var measured: Int
    /// Takes whose verdict is on target.
    public var onTarget: Int
    /// The target of the latest take.
    public var target: PauseTarget
    public var medianPause: Double?
    /// 10th and 90th percentile of the pause: the spread.
    public var p10Pause: Double?
    public var p90Pause: Double?
    public var first: ProgressPoint?
    public var latest: ProgressPoint?
    /// The last takes, oldest first (for the sparkline).
    public var recent: [ProgressPoint]
    /// Per calendar week (Monday, UTC), oldest first.
    public var weeks: [WeekBucket]

    public init(trainee: String, scenarioId: String, takes: Int, measured: Int, onTarget: Int, target: PauseTarget,
                medianPause: Double?, p10Pause: Double?, p90Pause: Double?, first: ProgressPoint?, latest: ProgressPoint?,
                recent: [ProgressPoint], weeks: [WeekBucket]) {
        self.trainee = trainee
        self.scenarioId = scenarioId
        self.takes = takes
        self.measured = measured
        self.onTarget = onTarget
        self.target = target
        self.medianPause = medianPause
        self.p10Pause = p10Pause
        self.p90Pause = p90Pause
        self.first = first
        self.latest = latest
        self.recent = recent
        self.weeks = weeks
    }

    /// "3 of 5" below ``ProgressGroup/percentThreshold`` takes, "62 % of 40" from there on
    /// (nl "3 van 5", "62 % van 40"): no percentages pretending precision on a handful of takes.
    public func onTargetText(_ language: Language) -> String {
        if takes < Self.percentThreshold { return Phrase(en: "\(onTarget) of \(takes)", nl: "\(onTarget) van \(takes)").text(language) }
        let percent = Int((Double(onTarget) / Double(takes) * 100).rounded())
        return Phrase(en: "\(percent) % of \(takes)", nl: "\(percent) % van \(takes)").text(language)
    }

    /// Below this many takes the share on target is given as a count.
    public static let percentThreshold = 10
}

/// One take on the progress timeline.
public struct ProgressPoint: Codable, Sendable, Equatable {
    public var takeId: Int64
    public var createdAt: Date
    public var pauseDuration: Double?
    public var verdict: Verdict?

    public init(takeId: Int64, createdAt: Date, pauseDuration: Double?, verdict: Verdict?) {
        self.takeId = takeId
        self.createdAt = createdAt
        self.pauseDuration = pauseDuration
        self.verdict = verdict
    }
}

/// The takes of one week.
public struct WeekBucket: Codable, Sendable, Equatable {
    /// The Monday starting the week, `YYYY-MM-DD` (UTC).
    public var week: String
    public var takes: Int
    public var onTarget: Int
    /// The mean (not median: it comes straight from an index-order aggregate) pause of the week's measured takes.
    public var meanPause: Double?

    public init(week: String, takes: Int, onTarget: Int, meanPause: Double?) {
        self.week = week
        self.takes = takes
        self.onTarget = onTarget
        self.meanPause = meanPause
    }
}

/// One trainee × scenario's takes over time.
public struct PauseHistory: Codable, Sendable, Equatable {
    public var trainee: String
    public var scenarioId: String
    public var target: PauseTarget
    /// Oldest first.
    public var points: [ProgressPoint]

    public init(trainee: String, scenarioId: String, target: PauseTarget, points: [ProgressPoint]) {
        self.trainee = trainee
        self.scenarioId = scenarioId
        self.target = target
        self.points = points
    }
}
