import StilteAnalysis

/// What the live analysis reports while the trainee answers, in seconds from
/// the start of the answer's recording (which is the end of the client's prompt).
///
/// The rehearsal screen is driven by these alone; an adapter turns the pause
/// engine's own live events into cues.
public enum LiveCue: Sendable, Equatable {
    /// The voice started at `at`.
    case speechStarted(at: Double)
    /// The voice stopped at `at` (the refined end of speech, not the detector's hangover).
    case silenceStarted(at: Double)
    /// The silence that began at `at` has lasted long enough to end the refusal:
    /// the pause after the "no" runs from `at`.
    case refusalEnded(at: Double)
    /// The pause after the refusal ended when speech resumed.
    case pauseEnded(TimeSpan)
}
