/// The fixed design constants of the detector. Every level is relative (to the
/// tracked noise floor or to the utterance's own level); none is an absolute dB value.
enum DetectorSettings {
    /// Internal analysis rate, Hz: the speech band up to 4 kHz.
    static let rate = 8000
    /// Fine grid step: 16 samples = 2 ms. Boundaries are refined on this grid.
    static let blockSize = 16
    /// Seconds per fine block.
    static let blockSeconds = Double(blockSize) / Double(rate)
    /// Decision frame: 5 blocks = 10 ms.
    static let frameBlocks = 5
    static let frameSize = blockSize * frameBlocks

    /// Speech band high-pass, Hz (4th order): removes DC, 50/60 Hz hum and its first harmonics.
    static let highPassHz = 200.0
    /// Low-pass of the periodicity signal, Hz: keeps the strong low harmonics.
    static let pitchLowPassHz = 1800.0
    /// Periodicity window, samples (30 ms), and lag range (400 Hz down to 70 Hz).
    static let pitchWindow = 240
    static let minLag = 20
    static let maxLag = 114
    /// Frames are decided this many frames late, so the periodicity window can look ahead.
    static let lookaheadFrames = 3

    /// Minimum statistics: sub-windows of 30 frames (0.3 s), 10 of them (3 s).
    static let floorSubwindow = 30
    static let floorSubwindows = 10
    /// Numerical guard only (about -100 dBFS per sample), for digital silence.
    static let floorGuard: Float = 1e-10 * Float(frameSize)

    /// A burst opens when a frame is this far above the floor, dB.
    static let onsetDb: Float = 9
    /// A frame keeps a burst alive when this far above the floor, dB.
    static let activeDb: Float = 4
    /// A burst closes after this many frames below `activeDb` (40 ms).
    static let hangoverFrames = 4
    /// Refinement: a boundary is where the 8 ms energy falls to the floor plus this, dB ...
    static let refineFloorDb: Float = 3
    /// ... or to the utterance's peak minus this, dB, whichever is higher.
    static let refinePeakDb: Float = 30
    /// How far the onset refinement may walk back from the detecting frame, blocks (60 ms).
    static let refineBackBlocks = 30

    /// A frame is voiced with a normalised autocorrelation peak at least this ...
    static let voicedCorrelation: Float = 0.6
    /// ... and at least this far above the floor, dB.
    static let voicedDb: Float = 6
    /// A burst is speech once it has this many voiced frames (30 ms).
    static let minVoicedFrames = 3

    /// Unvoiced sound allowed before the first voiced frame of a word ("s", "f", "t"), blocks (200 ms).
    static let maxLeadBlocks = 100
    /// Unvoiced sound allowed after the last voiced frame ("s", "ts", "st"), blocks (300 ms).
    static let maxTrailBlocks = 150
    /// An unvoiced burst this close after speech belongs to it (a released "t"), seconds ...
    static let trailAttachGap = 0.25
    /// ... or this close before speech (an "s" before a closure), seconds ...
    static let leadAttachGap = 0.12
    /// ... when not longer than this, seconds.
    static let maxAttachDuration = 0.3
    /// Speech bursts closer than this form one segment, seconds.
    static let mergeGap = 0.15

    /// Non-speech bursts up to this long are clicks, seconds.
    static let maxClick = 0.08
    /// Unvoiced bursts at least this long with a smooth envelope are breaths, seconds.
    static let minBreath = 0.15

    /// A filler: a short, mostly voiced, spectrally steady burst.
    static let maxFiller = 1.2
    static let minFillerVoicedFraction: Float = 0.7
}
