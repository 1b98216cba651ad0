import Foundation

/// Frame decisions: energy above the tracked floor with hysteresis opens and closes
/// bursts; periodicity tells voiced speech from breaths, clicks and noise; boundaries
/// are then refined on the 2 ms grid, so no hangover lag reaches the result.
///
/// This file holds the frame decision and the burst's states. The other jobs have their
/// own files: whether a frame is voiced (`VoicingTracker`), what an open burst has
/// gathered (`OpenBurst`), how a closed burst ends (`BurstEnding.swift`), boundaries on
/// the 2 ms grid (`BoundaryRefinement.swift`), a room's reverberant tail
/// (`ReverberantTail.swift`) and the live screen's provisional ending (`LiveEnding.swift`).
struct BurstDetector {
    typealias S = DetectorSettings

    /// Where the detector stands between two decided frames.
    enum State {
        /// No burst open: a frame `onsetDb` over the background opens one.
        case quiet
        /// An open burst not (yet) proved to be speech: a consonant before the voice, a
        /// breath, a click, noise.
        case sound(OpenBurst)
        /// An open burst proved to be speech from block `start` on.
        case speech(OpenBurst, start: Int)
    }

    private(set) var features = FeatureExtractor()
    private var lowFloor = NoiseFloor()
    private var highFloor = NoiseFloor()
    /// The room above the analysis band (4-8 kHz), where the input has it.
    private var topFloor = NoiseFloor()
    private var voicing = VoicingTracker()
    private(set) var state = State.quiet
    /// The loudest frame of the speech so far (0 before any).
    private var speechPeak: Float = 0

    /// Pushes 8 kHz samples (and the 4-8 kHz band at the same instants) until a frame
    /// completes; returns how many were used.
    mutating func push(_ samples: UnsafeBufferPointer<Float>, top: UnsafeBufferPointer<Float>) -> Int {
        features.push(samples, top: top)
    }
    /// The frame the last `push` completed, if any.
    var completedFrame: Int? { features.completedFrame }
    /// 8 kHz samples pushed so far.
    var sampleCount: Int { features.sampleCount }

    /// Start block of a burst that has not (yet) proved to be speech, if one is open.
    var unconfirmedBurstStart: Int? {
        guard case let .sound(burst) = state else { return nil }
        return burst.start
    }

    /// The tracked background of each band, as energy per frame.
    var background: Bands { Bands(low: lowFloor.level, high: highFloor.level, top: topFloor.level) }

    /// Voiced frames in a row up to the last decided one.
    var voicedRun: Int { voicing.voicedRun }

    /// Decides frame `i` (its features, with look-ahead, must be available).
    mutating func decide(frame i: Int, into reports: inout [BurstReport]) {
        let (energy, high, low) = features.frameEnergies(i)
        let bands = Bands(low: low, high: high, top: features.frameUpper(i).top)
        var inSpeech = false
        if case let .speech(open, _) = state {
            inSpeech = true
            if let room = steadyRoom(after: open, frame: i) {
                lowFloor.raise(toDb: room.low)
                highFloor.raise(toDb: room.high)
                topFloor.raise(toDb: room.top)
                inSpeech = false
            }
        }
        lowFloor.update(bands.low, inSpeech: inSpeech)
        highFloor.update(bands.high, inSpeech: inSpeech)
        topFloor.update(bands.top, inSpeech: inSpeech)
        let background = self.background
        let lowDb = 10 * log10(max(bands.low, .leastNormalMagnitude) / background.low)
        let highDb = 10 * log10(max(bands.high, .leastNormalMagnitude) / background.high)
        let aboveDb = max(lowDb, highDb)
        let active = aboveDb >= S.activeDb
        // (The autocorrelation is the costliest feature: only measured where it can count.)
        let (correlation, lag) = active && lowDb >= S.voicedDb ? features.periodicity(frame: i) : (0, 0)
        let lowLevel = 10 * log10(max(features.frameEnergies(i - 1).low + low + features.frameEnergies(i + 1).low,
                                      .leastNormalMagnitude))
        let voiced = voicing.update(correlation: correlation, lag: lag, lowDb: lowDb, lowLevel: lowLevel, energy: energy)
        let floorThreshold = background * (decibels(S.refineFloorDb) / Float(S.frameBlocks))

        var burst: OpenBurst
        var speechStart: Int?
        switch state {
        case .quiet:
            guard aboveDb >= S.onsetDb else { return }
            let limit = max(0, i * S.frameBlocks - S.refineBackBlocks)
            let start = features.extendOnset(features.refineOnset(from: i * S.frameBlocks, threshold: floorThreshold, limit: limit),
                                             threshold: floorThreshold, limit: limit)
            burst = OpenBurst(start: start, lastActive: i)
        case let .sound(open):
            burst = open
        case let .speech(open, start):
            burst = open
            speechStart = start
        }
        burst.add(frame: i, energy: energy, bands: bands, active: active, voiced: voiced, voicedRun: voicing.voicedRun)
        if speechStart == nil && burst.provesSpeech(voicing) {
            let (start, leading) = voiceStart(of: burst, floorThreshold: floorThreshold)
            speechStart = start
            burst.pausedAt = nil
            reports.append(.speechStarted(start: start, leading: leading))
        }
        if burst.inactiveRun >= S.hangoverFrames {
            state = .quiet
            close(burst, speechStart: speechStart, floorThreshold: floorThreshold, into: &reports)
            return
        }
        if speechStart != nil || burst.pausedAt != nil || burst.inactiveRun > 0 {
            provisionalEnding(&burst, speechStart: speechStart, frame: i, background: background,
                              floorThreshold: floorThreshold, into: &reports)
        }
        state = speechStart.map { .speech(burst, start: $0) } ?? .sound(burst)
    }

    /// Where the speech of a burst that just proved voiced starts, and the breath before it:
    /// the burst's start, unless more than `maxLeadBlocks` of unvoiced sound lead into the
    /// first voiced frame and none of it reaches a consonant's level; then the voice starts
    /// where the sound rises to `breathCutBelowVoiceDb` under that frame, and what comes
    /// before is a breath.
    private func voiceStart(of burst: OpenBurst, floorThreshold: Bands) -> (start: Int, leading: BlockSpan?) {
        let voicedBlock = burst.firstVoiced * S.frameBlocks
        guard voicedBlock - burst.start > S.maxLeadBlocks else { return (burst.start, nil) }
        let level = features.frameBands(burst.firstVoiced) * (decibels(-S.breathCutBelowVoiceDb) / Float(S.frameBlocks))
        let cut = features.refineOnset(from: voicedBlock, threshold: Bands.max(floorThreshold, level),
                                       limit: voicedBlock - S.maxLeadBlocks)
        guard !hasConsonantLevel(burst, blocks: burst.start..<cut),
              !hasSibilant(blocks: burst.start..<cut) else { return (burst.start, nil) }
        return (cut, BlockSpan(start: burst.start, end: cut))
    }

    /// The room's level in each band, dB, when the `longUnvoicedFrames` up to frame `i` of a
    /// speech burst are unvoiced and steady (their level within `steadyRangeDb`): sound that
    /// holds on, level and without a voice, long after the voice stopped is the room (a fan
    /// that started, noise that faded in while the background was frozen for the speech).
    private func steadyRoom(after burst: OpenBurst, frame i: Int) -> (low: Float, high: Float, top: Float)? {
        let n = S.longUnvoicedFrames
        guard burst.lastVoiced >= 0, i - burst.lastVoiced >= n, voicing.voicedRun == 0 else { return nil }
        var lowest = Float.infinity, highest = -Float.infinity, low: Float = 0, high: Float = 0, top: Float = 0
        for k in (i - n + 1)...i {
            let level = features.frameLevel(k)
            lowest = min(lowest, level)
            highest = max(highest, level)
            if highest - lowest > S.steadyRangeDb { return nil }
            let b = features.frameBands(k)
            low += 10 * log10(max(b.low, .leastNormalMagnitude))
            high += 10 * log10(max(b.high, .leastNormalMagnitude))
            top += 10 * log10(max(b.top, S.floorGuard))
        }
        return (low / Float(n), high / Float(n), top / Float(n))
    }

    /// Closes a burst still open at the end of the audio.
    mutating func finish(into reports: inout [BurstReport]) {
        let floorThreshold = background * (decibels(S.refineFloorDb) / Float(S.frameBlocks))
        switch state {
        case .quiet: return
        case let .sound(burst): close(burst, speechStart: nil, floorThreshold: floorThreshold, into: &reports)
        case let .speech(burst, start): close(burst, speechStart: start, floorThreshold: floorThreshold, into: &reports)
        }
        state = .quiet
    }

    /// Reports how a burst that went quiet (or ran to the end of the audio) ends.
    private mutating func close(_ closing: OpenBurst, speechStart: Int?, floorThreshold: Bands,
                                into reports: inout [BurstReport]) {
        var burst = closing
        var start = speechStart
        if start == nil && hasVoiceLevel(burst) {
            // Speech whose periodicity the noise hid (a low, rough "uh"): its active frames
            // stand for the voice.
            start = burst.start
            burst.firstVoiced = burst.start / S.frameBlocks
            burst.lastVoiced = burst.lastActive
            reports.append(.speechStarted(start: burst.start, leading: nil))
        } else if start != nil {
            speechPeak = max(speechPeak, burst.peak)
        }
        reports.append(ending(of: burst, speechStart: start, floorThreshold: floorThreshold))
    }

    /// Whether a burst that never became voiced is as loud and long as the speech so far:
    /// within `maxUnvoicedSpeechBelowPeakDb` of its peak for at least `minUnvoicedSpeechFrames`.
    /// Breaths, clicks and creaks stay well below the voice.
    private func hasVoiceLevel(_ burst: OpenBurst) -> Bool {
        speechPeak > 0 && burst.activeFrames >= S.minUnvoicedSpeechFrames
            && burst.peak >= speechPeak * decibels(-S.maxUnvoicedSpeechBelowPeakDb)
    }

    /// Whether the unvoiced sound in `blocks`, cut off the voice as a breath by length alone,
    /// reaches a consonant's level in some frame: within `maxBreathBelowPeakDb` of the burst's
    /// peak and `minConsonantDb` over the background (a long "ch" or "sch"). A breath stays below.
    func hasConsonantLevel(_ burst: OpenBurst, blocks: Range<Int>) -> Bool {
        let level = burst.peak * decibels(-S.maxBreathBelowPeakDb)
        let clear = background * decibels(S.minConsonantDb)
        let frames = (blocks.lowerBound / S.frameBlocks)..<((blocks.upperBound + S.frameBlocks - 1) / S.frameBlocks)
        return frames.contains { features.frameEnergies($0).band >= level && features.frameBands($0).reaches(clear) }
    }

    /// Whether the unvoiced sound in `blocks` has a sibilant in it (a final or initial "s",
    /// "z"): `minSibilantFrames` frames in a row whose energy above 4 kHz exceeds their
    /// energy from 1 to 4 kHz by `sibilantTiltDb` and stands `minConsonantDb` over that band's
    /// room. A breath's turbulence is strongest below 4 kHz. (Only where the input has 4-8 kHz.)
    func hasSibilant(blocks: Range<Int>, over level: Float = 0) -> Bool {
        let clear = max(topFloor.level * decibels(S.minConsonantDb), level), tilt = decibels(S.sibilantTiltDb)
        var run = 0
        for i in (blocks.lowerBound / S.frameBlocks)..<((blocks.upperBound + S.frameBlocks - 1) / S.frameBlocks) {
            let e = features.frameUpper(i)
            run = e.top >= clear && e.top >= e.middle * tilt ? run + 1 : 0
            if run >= S.minSibilantFrames { return true }
        }
        return false
    }

    /// The energy ratio of `db` decibels.
    @inline(__always)
    func decibels(_ db: Float) -> Float { pow(10, db / 10) }
}
