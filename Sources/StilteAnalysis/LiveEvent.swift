/// What the analyzer tells a live screen while audio streams in. Times are seconds
/// from the start of the audio, at the refined boundaries (not when the event fires).
public enum LiveEvent: Sendable, Equatable {
    /// Speech (or a voiced filler) began at this time.
    case speechStarted(at: Double)
    /// Speech stopped at this time. A later `silenceStarted` moves the time (a trailing
    /// consonant turned up); a `speechStarted` ends the silence.
    case silenceStarted(at: Double)
    /// The silence that began at this time has lasted `minPause`: the refusal is over
    /// and the pause runs from here. Fired once.
    case refusalEnded(at: Double)
    /// Speech resumed at this time, ending the pause. Fired once, after `refusalEnded`.
    case pauseEnded(at: Double)
}
