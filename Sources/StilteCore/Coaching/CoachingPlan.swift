import Foundation
import StilteAnalysis

/// The coaching decisions for a trainee's next take, from their takes and coaching events alone:
/// whether the live counter shows (``FadingFeedback``), whether to ask for a self-estimate, and
/// the target of a graduated trainee (``GraduatedTarget``).
public struct CoachingPlan: Sendable, Equatable {
    /// The live counter (the count and the bar) is shown during the take.
    public var showLive: Bool
    /// Where the fade stands, and the accuracy it was decided on.
    public var fade: FadingFeedback.Decision
    /// Ask "how long was your silence?" before showing the pause: whenever the counter was hidden
    /// (with the counter on screen the trainee has already seen the length).
    public var askEstimate: Bool { !showLive }
    /// The target of the take in seconds: the graduated level, or the scenario's target.
    public var target: Double
    /// The graduated level the take is at; nil when the target is not graduated.
    public var level: Double?

    /// The plan for the next take under `mode`. `takes` are the trainee's (any order; only
    /// practice counts), `events` their coaching events (oldest first). With `graduated`, the
    /// target is the level reached, never above `scenarioTarget`.
    public init(mode: LiveMode, graduated: Bool, scenarioTarget: Double, takes: [Take], events: [CoachingEvent]) {
        let verdicts = Self.practice(takes).compactMap(\.verdict)
        let shownLast = events.last { $0.kind == .liveShown }.map { $0.value >= 0.5 }
        fade = FadingFeedback.decide(mode, recent: verdicts, shownLast: shownLast)
        showLive = fade.showLive
        if graduated {
            let reached = GraduatedTarget.current(lastStep: Self.lastStep(events)?.value, scenarioTarget: scenarioTarget)
            target = reached
            level = reached
        } else {
            target = scenarioTarget
            level = nil
        }
    }

    /// The next level once the take just saved (in `takes`) makes ``GraduatedTarget/hitsToStepUp``
    /// on target in a row at ``level`` since the last step; nil to stay (or when not graduated).
    public func stepUp(takes: [Take], events: [CoachingEvent]) -> Double? {
        guard let level else { return nil }
        let since = Self.lastStep(events)?.createdAt ?? .distantPast
        let atLevel = Self.practice(takes).filter { $0.createdAt >= since && abs($0.targetSeconds - level) < 0.001 }
        return GraduatedTarget.stepUp(from: level, verdictsAtLevel: atLevel.compactMap(\.verdict))
    }

    static func practice(_ takes: [Take]) -> [Take] {
        takes.filter { $0.state.isPractice }.sorted { ($0.createdAt, $0.id ?? 0) < ($1.createdAt, $1.id ?? 0) }
    }

    static func lastStep(_ events: [CoachingEvent]) -> CoachingEvent? {
        events.last { $0.kind == .targetStep }
    }
}
