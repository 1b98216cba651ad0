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
    /// Split between the low band (voicing) and the high band (fricatives, breath), Hz.
    static let bandSplitHz = 1000.0
    /// Low-pass of the periodicity signal, Hz (4th order): keeps the strong low harmonics.
    static let pitchLowPassHz = 1000.0
    /// The periodicity signal runs at rate / 2 (4 kHz).
    static let pitchDecimation = 2
    /// Periodicity window, 4 kHz samples (30 ms), and lag range (400 Hz down to 53 Hz:
    /// low voices and creaky fillers; mains hum repeats only every 20 ms).
    static let pitchWindow = 120
    static let minLag = 10
    static let maxLag = 75
    /// Frames are decided this many frames late, so the periodicity window can look ahead.
    static let lookaheadFrames = 3

    /// Minimum statistics: sub-windows of 30 frames (0.3 s), 10 of them (3 s).
    static let floorSubwindow = 30
    static let floorSubwindows = 10
    /// Numerical guard only (about -100 dBFS per sample), for digital silence.
    static let floorGuard: Float = 1e-10 * Float(frameSize)

    /// Background tracking: a 1 s average (per 10 ms frame) of frame energy in dB outside
    /// speech, each step limited to this many dB above the current background.
    static let backgroundRate: Float = 0.01
    static let backgroundStepDb: Float = 6

    /// Levels below are relative to the background level.
    /// A burst opens when a frame is this far above the floor, dB.
    static let onsetDb: Float = 7
    /// A frame keeps a burst alive when this far above the floor, dB.
    static let activeDb: Float = 3
    /// A burst closes after this many frames below `activeDb` (40 ms).
    static let hangoverFrames = 4
    /// Live only: a speech burst is provisionally over when this many of the newest frames,
    /// look-ahead included, are quiet (40 ms: the hangover, judged 30 ms sooner).
    static let quietFrames = 4
    /// Live only: a falling tail counts as a room's decay once this many frames after the
    /// last strong frame (120 ms) have fallen.
    static let minLiveDecayFrames = 12
    /// Refinement: a boundary is where the 8 ms energy falls to the floor plus this, dB ...
    static let refineFloorDb: Float = 1
    /// ... or to the utterance's peak minus this, dB, whichever is higher.
    static let refinePeakDb: Float = 30
    /// Reverberation: frames within this of the peak are strong, dB; a tail after the last
    /// strong frame falling at least `minDecayDbPerFrame` (30 dB/s, a reverberation time under
    /// 2 s) from each third to the next by median level, judged over `minDecayFrames ...
    /// maxDecayFrames`, is the room (periodic or not: a room rings on at the voice's pitch),
    /// and the end is refined from the last strong frame at the peak minus `decayCutDb`.
    static let strongDb: Float = 20
    /// (200 ms: a weak final syllable fades faster than that; a room rings longer.)
    static let minDecayFrames = 20
    static let maxDecayFrames = 60
    static let minDecayDbPerFrame: Float = 0.3
    static let decayCutDb: Float = 25
    /// Weak edges: a boundary moves on while the next 20 ms (10 blocks) average above the
    /// threshold, by at most 100 ms (50 blocks).
    static let longWindowBlocks = 10
    static let extendBlocks = 50
    /// How far the onset refinement may walk back from the detecting frame, blocks (60 ms).
    static let refineBackBlocks = 30

    /// A frame is voiced with a normalised autocorrelation peak at least this ...
    static let voicedCorrelation: Float = 0.6
    /// ... and at least this far above the floor, dB.
    static let voicedDb: Float = 6
    /// ... and a period within this log ratio (about 12 %) of the previous frame's.
    static let maxPeriodJump: Float = 0.12
    /// ... and a low-band level within this of the previous frame's, dB.
    static let maxVoicedJumpDb: Float = 6
    /// A burst is speech once it has this many voiced frames in a row (30 ms).
    static let minVoicedFrames = 3
    /// ... while at least this share of its active frames so far are voiced, or with a run of
    /// `sureVoicedFrames` (50 ms) whatever came before: a chair's creak or a room's echo of
    /// one rings periodic now and then, a voice keeps it up.
    static let minVoicedShare: Float = 0.25
    static let sureVoicedFrames = 5
    /// ... and only where the level over the last five frames swings by at most this beyond its
    /// net change, dB per frame (a creak's pulses make a periodic-looking sound jump 10-20 dB).
    static let maxLevelSwingDb: Float = 3

    /// Unvoiced sound allowed before the first voiced frame of a word ("s", "f", "t"), blocks (200 ms).
    static let maxLeadBlocks = 100
    /// Unvoiced sound allowed after the last voiced frame ("s", "ts", "st"), blocks (300 ms).
    static let maxTrailBlocks = 150
    /// Unvoiced sound beyond those lengths is a breath only when it stays this far below the
    /// burst's peak, dB; louder, it is a long consonant (Dutch "ch", "g", "sch").
    static let maxBreathBelowPeakDb: Float = 15
    /// ... and, in a loud room, not this far over the background, dB.
    static let minConsonantDb: Float = 10
    /// An unvoiced burst this close after the speech itself belongs to it (a "t" released
    /// after its closure), seconds ...
    static let trailAttachGap = 0.15
    /// ... or this close before speech (an "s" before a closure), seconds ...
    static let leadAttachGap = 0.12
    /// ... when not longer than this, seconds.
    static let maxAttachDuration = 0.3
    /// Speech bursts closer than this form one segment, seconds.
    static let mergeGap = 0.15

    /// Hidden edges: a word's edges fade to about this far below its peak, dB (the quiet end
    /// of a vowel, a final "s"); ...
    static let edgeRangeDb: Float = 40
    /// ... each dB of that range under the background may hide this much of an edge (a
    /// fading edge falls 150-300 dB/s), seconds ...
    static let hiddenSecondsPerDb = 0.004
    /// ... up to this much, seconds.
    static let maxHiddenEdge = 0.15

    /// A burst never found voiced is speech all the same when it lasts this many active frames
    /// (100 ms) and comes within this of the speech's peak so far, dB: a low, rough "uh" whose
    /// periodicity the noise hides. A breath, a click or a creak stays further below the voice.
    static let minUnvoicedSpeechFrames = 10
    static let maxUnvoicedSpeechBelowPeakDb: Float = 8

    /// Non-speech bursts up to this long are clicks, seconds.
    static let maxClick = 0.08
    /// Unvoiced bursts at least this long with a smooth envelope are breaths, seconds.
    static let minBreath = 0.15

    /// A filler: a short, voiced, spectrally steady burst standing alone, seconds.
    static let maxFiller = 0.8
    static let minFillerVoicedFraction: Float = 0.25
    /// Mean change of the spectral shape between voiced frames, dB per frame.
    static let maxFillerShapeChange: Float = 2.5
}
