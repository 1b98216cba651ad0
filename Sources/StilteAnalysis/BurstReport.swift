/// What the burst detector reports, in fine blocks (2 ms) from the start.
enum BurstReport {
    /// A burst has proved to be speech (it became voiced); speech starts at `start`.
    /// `leading` is unvoiced sound before it that is too long to be a consonant (a breath).
    case speechStarted(start: Int, leading: BlockSpan?)
    /// The speech burst ended at `end`; `trailing` is unvoiced sound after it that is too
    /// long to be a consonant.
    /// `hidden` is how much of each edge the room's noise may hide, seconds.
    case speechEnded(end: Int, fillerLike: Bool, trailing: BlockSpan?, hidden: Double)
    /// A burst that never became voiced: a breath, click or noise.
    case nonSpeech(BlockSpan, PauseEvent.Kind)
    /// Provisional, for the live screen only: the open speech burst has been quiet for
    /// `quietFrames` frames of the newest audio, and would end at `end` if it were closed
    /// now. The burst stays open; its `speechEnded` follows (with the same or a moved end),
    /// or `speechResumed` first.
    case speechPaused(end: Int)
    /// Provisional, for the live screen only: the same for a burst not (yet) speech, which
    /// would be `nonSpeech(span)` if closed now (a consonant that may join the speech).
    case soundPaused(BlockSpan)
    /// Provisional, for the live screen only: clear sound came back at `at` after a
    /// `speechPaused`, inside the same burst.
    case speechResumed(at: Int)
}

/// A span of fine blocks, `end` exclusive.
struct BlockSpan: Equatable {
    var start: Int
    var end: Int
}
