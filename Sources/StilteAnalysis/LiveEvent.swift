/// What the analyzer tells a live screen while audio streams in. Times are seconds
/// from the start of the audio, at the refined boundaries (not when the event fires).
///
/// The contract for a screen that shows "speaking" / "silent since t":
/// - The latest `speechStarted` or `silenceStarted` is the current state; apply them in order.
/// - `silenceStarted` comes early: once the newest 40 ms of audio (look-ahead included) are
///   quiet, typically 40–60 ms of audio after the sound stopped, before the offline decision
///   has all its evidence. If that decision then finds the speech went on (a weak ending, a
///   released consonant, a room's echo) a correction follows: a `silenceStarted` at the moved
///   time, or a `speechStarted` when clear sound came back inside the same word.
/// - `refusalEnded(at:)` is the offline refusal end exactly and `pauseEnded(at:)` the offline
///   pause end: each is fired only once no later audio can change it. Usually `refusalEnded`
///   comes during the silence (after `minPause` plus the room's hidden edges); for a pause
///   barely longer than `minPause` it comes with `pauseEnded`, once the next word's onset is
///   known. A screen that freezes the pause from these two shows the pause of the final `Analysis`.
/// - `segment` reports each speech segment of the final `Analysis` as it grows; applied in
///   order (with the events of `PauseAnalyzer.finish(into:)`), they give its segments exactly.
public enum LiveEvent: Sendable, Equatable {
    /// Speech (or a voiced filler) began, or went on after an early `silenceStarted`, at this time.
    case speechStarted(at: Double)
    /// Speech stopped at this time. A later `silenceStarted` moves the time (a trailing
    /// consonant turned up); a `speechStarted` ends the silence.
    case silenceStarted(at: Double)
    /// The silence that began at this time has lasted `minPause`: the refusal is over
    /// and the pause runs from here. Fired once.
    case refusalEnded(at: Double)
    /// Speech resumed at this time, ending the pause. Fired once, after `refusalEnded`.
    case pauseEnded(at: Double)
    /// Speech segment number `index` (from 0) is new or now spans `span`; `filler` when it is a
    /// filler standing alone ("uhm" with silence after it), which ends a pause but is no solution.
    case segment(index: Int, span: TimeSpan, filler: Bool)
}
