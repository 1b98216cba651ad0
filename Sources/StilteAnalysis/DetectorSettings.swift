/// The fixed design constants of the detector. Every level is relative (to the
/// tracked noise floor or to the utterance's own level); none is an absolute dB value.
///
/// Each constant says its unit and its reason, and where it was tuned, on which set:
/// - `tuning`: `scripts/make-evalset --set tuning` (espeak-ng voices, 144 files, every condition);
/// - `tuning3`: `scripts/make-evalset --set tuning3` (148 files weighted to noise, babble, reverb);
/// - `voices-tune`: `scripts/make-voiceset --set voices-tune` (recorded voices, see bench/voice-sets.md);
/// - `tuning sets`: all of these (and `tuning2`, an earlier espeak-ng set), a value from the
///   plateau where they all score the same.
/// "Design" marks a value set by the signal's or the voice's physics, not by a score. No value
/// was tuned on the held-out eval set (Tests/Fixtures/evalset) or a check set.
enum DetectorSettings {
    // MARK: Signal path (design)

    /// Internal analysis rate, Hz: the speech band up to 4 kHz. Where the input rate is higher,
    /// the band the resampler removes (from 4 kHz: sibilants) is kept beside it as energy only,
    /// a third band judged against its own background.
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
    /// Split between the low band (voicing) and the high band (fricatives, breath), Hz: the
    /// low band is the pitch signal (4th-order low-pass at `pitchLowPassHz`), the high band a
    /// 4th-order high-pass of the speech band here.
    static let bandSplitHz = 1000.0
    /// Low-pass of the periodicity signal, Hz (4th order): keeps the strong low harmonics.
    static let pitchLowPassHz = 1000.0
    /// The periodicity signal runs at rate / 2 (4 kHz).
    static let pitchDecimation = 2
    /// Periodicity window, 4 kHz samples (30 ms: two periods of the lowest voice).
    static let pitchWindow = 120
    /// Lag range, 4 kHz samples: 10 ... 75, that is 400 Hz down to 53 Hz (low voices and
    /// creaky fillers; mains hum repeats only every 20 ms, 80 samples, out of range).
    static let minLag = 10
    static let maxLag = 75
    /// Frames are decided this many frames late, so the periodicity window of a frame (centred
    /// on it, `Periodicity.samplesRead` long) is complete: 3 frames (30 ms) is the least that
    /// holds it (the window reaches 139 samples at 4 kHz past the frame's centre, 3 frames
    /// after it end 140 past it).
    static let lookaheadFrames = 3

    // MARK: The room

    /// Minimum statistics: sub-windows of 30 frames (0.3 s), 10 of them (3 s). Design: longer
    /// than a word, short enough to follow a room that changes.
    static let floorSubwindow = 30
    static let floorSubwindows = 10
    /// Numerical guard only (about -100 dBFS per sample), for digital silence.
    static let floorGuard: Float = 1e-10 * Float(frameSize)

    /// Background tracking: a 1 s average (per 10 ms frame) of frame energy in dB outside
    /// speech, each step limited to this many dB above the current background. Tuned on `tuning`
    /// (babble conditions: the background sits at the murmur's typical level).
    static let backgroundRate: Float = 0.01
    static let backgroundStepDb: Float = 6

    /// A speech burst whose last this many frames (400 ms) are unvoiced and steady, their
    /// level within `steadyRangeDb` of each other, is the room, and the background is
    /// re-measured there at once (the background is frozen during speech, and a fan that
    /// started or noise that faded in after a quieter start otherwise keeps the burst open to
    /// the end of the file). Tuned on `voices-tune` made noisy: pink noise at 10 dB SNR fading
    /// in over 6 s (pauses found: 300 ms 56 %, 400 ms 81 %, 500 ms 75 %, 700 ms 81 %), or
    /// switched on 0.6 s into the file (50 % for all); range at 500 ms: 4 dB 69 %, 6-9 dB 75 %.
    static let longUnvoicedFrames = 40
    static let steadyRangeDb: Float = 6

    // MARK: Frame decision (levels relative to the background)

    /// A burst opens when a frame is this far above the background, dB. Tuned on `tuning`.
    static let onsetDb: Float = 7
    /// A frame keeps a burst alive when this far above the background, dB. Tuned on `tuning`.
    static let activeDb: Float = 3
    /// A burst closes after this many frames below `activeDb` (40 ms). Tuned on `tuning`.
    static let hangoverFrames = 4

    /// A frame is voiced with a normalised autocorrelation peak at least this ... (tuned on `tuning`)
    static let voicedCorrelation: Float = 0.6
    /// ... and at least this far above the background, dB (tuned on `tuning`) ...
    static let voicedDb: Float = 6
    /// ... and a period within this log ratio (about 12 %) of the previous frame's (design: a
    /// voice glides by a few % per 10 ms) ...
    static let maxPeriodJump: Float = 0.12
    /// ... or a whole number of octaves off it, fewer than this (a period-doubling pick of the
    /// same voice: one octave; design) ...
    static let maxPeriodOctaves: Float = 1.5
    /// ... and a low-band level within this of the previous frame's, dB (tuned on `tuning`:
    /// rattles and creaks jump, a voice does not).
    static let maxVoicedJumpDb: Float = 6
    /// A burst is speech once it has this many voiced frames in a row (30 ms). Tuned on `tuning`.
    static let minVoicedFrames = 3
    /// ... while at least this share of its active frames so far are voiced, or with a run of
    /// `sureVoicedFrames` (50 ms) whatever came before: a chair's creak or a room's echo of
    /// one rings periodic now and then, a voice keeps it up. Tuned on the tuning sets (share
    /// 0.25-0.3 scores the same).
    static let minVoicedShare: Float = 0.25
    static let sureVoicedFrames = 5
    /// ... and only where the level over the last five frames swings by at most this beyond its
    /// net change, dB per frame (a creak's pulses make a periodic-looking sound jump 10-20 dB).
    /// Tuned on the tuning sets (1.5-3 dB scores the same).
    static let maxLevelSwingDb: Float = 3

    /// A burst never found voiced is speech all the same when it lasts this many active frames
    /// (100 ms) and comes within this of the speech's peak so far, dB: a low, rough "uh" whose
    /// periodicity the noise hides. A breath, a click or a creak stays further below the voice.
    /// Tuned on the tuning sets (6-10 dB scores the same).
    static let minUnvoicedSpeechFrames = 10
    static let maxUnvoicedSpeechBelowPeakDb: Float = 8

    // MARK: Boundaries on the 2 ms grid

    /// Refinement: a boundary is where the 6 ms smoothed block energy (three 2 ms blocks) of
    /// either band falls to the background plus this, dB ... (tuned on `tuning`)
    static let refineFloorDb: Float = 1
    /// ... or to the burst's peak in that band minus this, dB, whichever is higher. Tuned on
    /// the tuning sets (voices-tune's median error preferred 40 dB, but at 35-40 dB a quiet
    /// breath right after a word joins the word).
    static let refinePeakDb: Float = 30
    /// ... but never higher than the background plus this, dB: an end is decided against the
    /// room, not only against the word's peak. Where the room is quiet, the fading end of
    /// continuous speech (a final consonant, a held nasal, the last syllable dying away) lies
    /// 30-45 dB under the peak yet far above the room, and the peak rule alone cut it 150-330 ms
    /// early. Tuned on `voices-tune` (15-25 dB find the same pauses; 20 dB the smallest median
    /// error, 8 ms).
    static let edgeOverBackgroundDb: Float = 20
    /// Weak edges: a boundary moves on while the next 20 ms (10 blocks) average above the
    /// threshold, by at most 100 ms (50 blocks). Tuned on `tuning`.
    static let longWindowBlocks = 10
    static let extendBlocks = 50
    /// How far the onset refinement may walk back from the detecting frame, blocks (60 ms:
    /// the hangover and look-ahead span, design).
    static let refineBackBlocks = 30

    /// Unvoiced sound allowed before the first voiced frame of a word ("s", "f", "t"), blocks
    /// (200 ms). Tuned on `tuning`.
    static let maxLeadBlocks = 100
    /// Unvoiced sound allowed after the last voiced frame ("s", "ts", "st"), blocks (300 ms).
    /// Tuned on `tuning`.
    static let maxTrailBlocks = 150
    /// Longer unvoiced sound is cut off the voice where it falls this far below the first
    /// (last) voiced frame, dB: the edge of the voice itself. Tuned on `tuning`.
    static let breathCutBelowVoiceDb: Float = 20
    /// Unvoiced sound beyond those lengths is a breath only when it stays this far below the
    /// burst's peak, dB; louder, it is a long consonant (Dutch "ch", "g", "sch"). Tuned on the
    /// tuning sets.
    static let maxBreathBelowPeakDb: Float = 15
    /// ... and, in a loud room, not this far over the background, dB. Tuned on the tuning sets.
    static let minConsonantDb: Float = 10
    /// Unvoiced sound with a sibilant in it is not a breath: a final or initial "s" or "z" may
    /// lie 30-40 dB under the vowel, as quiet as a breath, but its spectrum rises above 4 kHz
    /// while a breath's turbulence is strongest below. A sibilant: `minSibilantFrames` (30 ms,
    /// the shortest "s") in a row whose energy at 4-8 kHz is at least their energy at 1-4 kHz
    /// plus `sibilantTiltDb` (design: a rising spectrum) and `minConsonantDb` over that band's
    /// room. Only where the input has 4-8 kHz (input rates above 8 kHz). On `voices-tune` tilts of -6 to
    /// 6 dB and 2-5 frames score the same.
    static let sibilantTiltDb: Float = 0
    static let minSibilantFrames = 3
    /// A tail that falls like a room's decay is the voice after all when a sibilant rises in it
    /// this far over the 4-8 kHz level of the last strong frame, dB: a room's tail only decays,
    /// a word's final "s" after its vowel rises there. Tuned on `voices-tune` (0-10 dB score
    /// the same; without the rise, the room's own ring of a final "s" (a reverb file) held the
    /// end 400 ms late).
    static let sibilantRiseDb: Float = 6

    // MARK: Reverberant tails

    /// Frames within this of the peak are strong, dB; a tail after the last strong frame
    /// falling at least `minDecayDbPerFrame` (30 dB/s, a reverberation time under 2 s) from
    /// each third to the next by median level, judged over `minDecayFrames ... maxDecayFrames`,
    /// is the room (periodic or not: a room rings on at the voice's pitch), and the end is
    /// refined from the last strong frame at the peak minus `decayCutDb`. Tuned on `tuning`
    /// and `tuning3` (reverb conditions).
    static let strongDb: Float = 20
    /// (200 ms: a weak final syllable fades faster than that; a room rings longer.)
    static let minDecayFrames = 20
    static let maxDecayFrames = 60
    static let minDecayDbPerFrame: Float = 0.3
    static let decayCutDb: Float = 25

    // MARK: Live ending (the live screen only; the offline result never depends on these)

    /// A speech burst is provisionally over when this many of the newest frames, look-ahead
    /// included, are quiet (40 ms: the hangover, judged 30 ms sooner). Design.
    static let quietFrames = 4
    /// A falling tail counts as a room's decay once this many frames after the last strong
    /// frame (120 ms) have fallen ... (tuned on `tuning`, reverb)
    static let minLiveDecayFrames = 12
    /// ... never rising more than this from one frame to the next, dB (a room's tail jitters
    /// by a few dB; a new syllable rises more). Tuned on `tuning`, reverb.
    static let maxDecayRiseDb: Float = 3

    // MARK: Joining bursts into segments

    /// An unvoiced burst this close after the speech itself belongs to it (a "t" released
    /// after its closure), seconds ...
    static let trailAttachGap = 0.15
    /// ... or this close before speech (an "s" before a closure), seconds ...
    static let leadAttachGap = 0.12
    /// ... when not longer than this, seconds. (Tuned on `tuning`.)
    static let maxAttachDuration = 0.3
    /// Speech bursts closer than this form one segment, seconds. Tuned on `tuning`.
    static let mergeGap = 0.15
    /// The joining gaps above stay below this share of min-pause (a gap of min-pause ends the
    /// refusal, so joining must never bridge one). Design.
    static let maxJoinShareOfMinPause = 0.9
    /// The shortest non-speech event reported, blocks (4 ms): shorter ones are refinement
    /// slivers, not sounds. Design.
    static let minEventBlocks = 2

    /// Hidden edges: a word's edges fade to about this far below its peak, dB (the quiet end
    /// of a vowel, a final "s"); ...
    static let edgeRangeDb: Float = 40
    /// ... each dB of that range under the background may hide this much of an edge (a
    /// fading edge falls 150-300 dB/s), seconds ...
    static let hiddenSecondsPerDb = 0.004
    /// ... up to this much, seconds. (Tuned on the tuning sets: 35-45 dB at 2-5 ms/dB score
    /// the same.)
    static let maxHiddenEdge = 0.15

    // MARK: Kinds of sound

    /// Non-speech bursts up to this long are clicks, seconds ...
    static let maxClick = 0.08
    /// ... and so are bursts up to `maxPeakyClick` seconds whose peak frame stands this far
    /// over their mean, dB (a knock rings on briefly). Tuned on `tuning`.
    static let clickCrestDb: Float = 8
    static let maxPeakyClick = 0.25
    /// Unvoiced bursts at least this long with a smooth envelope are breaths, seconds.
    static let minBreath = 0.15

    /// A filler: a short, voiced, spectrally steady burst standing alone, seconds.
    /// Tuned on `tuning` (its fillers).
    static let maxFiller = 0.8
    static let minFillerVoicedFraction: Float = 0.25
    /// Mean change of the spectral shape between voiced frames, dB per frame.
    static let maxFillerShapeChange: Float = 2.5
}
