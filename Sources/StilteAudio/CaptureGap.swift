/// A place in a captured stream where audio is missing. A take with gaps has
/// a shorter timeline than the wall clock, so a pause measured across a gap is
/// unreliable.
public struct CaptureGap: Sendable, Equatable {
    /// Why audio is missing.
    public enum Kind: String, Sendable {
        /// The device's buffer overflowed (`-EPIPE`): Stilte read too late.
        case overrun
        /// The device was suspended (`-ESTRPIPE`), for example by power management.
        case suspend
        /// The consumer did not keep up; the capture thread dropped a block.
        case consumerTooSlow = "consumer too slow"
    }

    /// Why audio is missing.
    public var kind: Kind
    /// The stream frame (mono sample index) just before which audio is missing:
    /// the count of frames delivered before the gap.
    public var frame: Int
    /// The stream's frames per second.
    public var sampleRate: Int
    /// Seconds since the capture started, by the monotonic clock, when the gap was
    /// detected; `wallClockSeconds - seconds` bounds how much was lost so far.
    public var wallClockSeconds: Double
    /// Frames known to be lost (`consumerTooSlow`; consecutive drops add up in one
    /// gap, so a copy taken early may show fewer); nil when ALSA does not say.
    public var droppedFrames: Int?

    public init(kind: Kind, frame: Int, sampleRate: Int, wallClockSeconds: Double, droppedFrames: Int? = nil) {
        self.kind = kind
        self.frame = frame
        self.sampleRate = sampleRate
        self.wallClockSeconds = wallClockSeconds
        self.droppedFrames = droppedFrames
    }

    /// The gap's position in the stream, in seconds of captured audio.
    public var seconds: Double { sampleRate > 0 ? Double(frame) / Double(sampleRate) : 0 }
}

/// What `LiveCapture.next(into:timeout:)` hands the consumer, in stream order.
public enum CaptureEvent: Sendable, Equatable {
    /// `count` mono samples (Float, -1..<1) were written to the start of the
    /// buffer; the first of them is stream frame `frame`.
    case samples(count: Int, frame: Int)
    /// Audio is missing just before the next samples.
    case gap(CaptureGap)
    /// Capture is over and every sample captured was delivered: `nil` after
    /// `stop()`, else the error that ended it (`isDisconnect` for `-ENODEV`).
    /// Returned again on every later call.
    case ended(AudioError?)
}
