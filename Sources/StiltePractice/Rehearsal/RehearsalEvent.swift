import Foundation
import StilteAnalysis
import StilteCore

/// What happens in a rehearsal, in order, for a front end to render: a terminal draws the
/// live screen from it, a web socket can send it on. Facts only: the words are the renderer's.
///
/// A take reads: ``prompt(_:turn:)``, ``promptPlayed``, ``listening(_:)``, then while the
/// trainee answers ``engine(_:heard:)`` (speech started, silence started, …), ``counting(_:at:)``
/// and ``frame(_:seconds:)``, then ``answerEnded(_:seconds:)`` and ``takeSaved(_:)``.
public enum RehearsalEvent: Sendable {
    /// A scenario begins: its text, the instruction for its target (in the session's
    /// language), and whether the answer is the demo's.
    case scenario(Scenario, instruction: String, demo: Bool)
    /// The session waits for one of these (``RehearsalControls/choose(_:stop:)``).
    case choosing([RehearsalChoice])
    /// The room is being measured before the first turn.
    case gettingReady
    /// The room's level in dBFS; nil when no audio arrived.
    case roomMeasured(dBFS: Double?)
    /// Turn `turn` (from 0) of `scenario`: the client's prompt plays now.
    case prompt(Scenario, turn: Int)
    /// The prompt has been played; the answer is recorded from now on.
    case promptPlayed
    /// The capture has started: what the live screen needs.
    case listening(Listening)
    /// The pause engine reported `event` after `heard` seconds of audio.
    case engine(LiveEvent, heard: Double)
    /// The silent count reached `number` (21, 22, …) at `at` seconds of audio.
    case counting(Int, at: Double)
    /// The answer after `seconds` of audio (one per block of audio).
    case frame(LiveModel, seconds: Double)
    /// The answer is over: the settled model after `seconds` of audio.
    case answerEnded(LiveModel, seconds: Double)
    /// The take is measured and stored.
    case takeSaved(SavedTake)
    /// The trainee's answer is being played back.
    case replaying
    /// The counter was hidden: the trainee is asked how long the silence was, before the
    /// measured pause is shown (``RehearsalControls/estimate(stop:)`` reads the answer).
    case askingEstimate
    /// Something the trainee should know beside the session (no microphone: the demo runs; a
    /// replay failed), in the session's language.
    case notice(String)
}

/// What the trainee can choose between takes.
public enum RehearsalChoice: Sendable, Equatable, CaseIterable {
    /// Start the scenario.
    case begin
    /// The client goes on with the next turn.
    case goOn
    /// Hear the answer again.
    case replay
    /// Answer the same turn again.
    case again
    /// The next scenario due.
    case next
    /// End the session.
    case quit
}

/// A take being recorded, as ``RehearsalEvent/listening(_:)`` announces it.
public struct Listening: Sendable {
    /// The live screen's top line: scenario, turn, demo.
    public var header: LiveScreen.Header
    /// The target the pause is judged against.
    public var target: PauseTarget
    /// What the trainee counts in silence.
    public var count: CountPlan
    /// When the capture started (wall clock), for measuring how late a screen shows a change.
    public var started: ContinuousClock.Instant
    /// Whether the count, the bar and the pause are shown while answering (``CoachingPlan``):
    /// hidden, the trainee counts alone and is asked for an estimate afterwards.
    public var showCount = true
}

/// A stored take, as ``RehearsalEvent/takeSaved(_:)`` reports it.
public struct SavedTake: Sendable {
    /// The take as the log holds it (effective pause and verdict).
    public var take: Take
    /// The analysis of the answer, the same as the offline analysis of ``file``.
    public var analysis: Analysis
    /// Why the recording stopped.
    public var stopReason: StopReason
    /// Overruns of the capture device during the take.
    public var overruns: Int
    /// The scenario's tip for this turn.
    public var tip: String?
    /// The scenario's example of a good answer to this turn.
    public var example: String?
    /// The recording.
    public var file: URL
    /// The answer was the demo's.
    public var demo: Bool
    /// The trainee's own estimate of the pause, in seconds, when one was asked and given.
    public var estimate: Double? = nil
    /// The graduated target stepped up after this take: from the level, to the next.
    public var targetStep: (from: Double, to: Double)? = nil
}
