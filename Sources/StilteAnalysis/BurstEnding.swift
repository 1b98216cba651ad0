import Foundation

/// How a burst ends: its end refined on the 2 ms grid, a too-long unvoiced trail cut off as
/// a breath, and what kind of sound it was.
extension BurstDetector {
    /// How `burst` ends, judged on the audio so far: `speechEnded` when it is speech (from
    /// `speechStart`), else `nonSpeech`. `assumingDecayFrom` takes the tail after that frame
    /// for a room's decay without the evidence `reverberantDecayStart` waits for.
    func ending(of burst: OpenBurst, speechStart: Int?, floorThreshold: Bands,
                assumingDecayFrom assumed: Int? = nil) -> BurstReport {
        // Below the peak by `refinePeakDb`, but no higher than `edgeOverBackgroundDb` over the
        // room: in a quiet room a fading end is still far above the background.
        let peakRelative = burst.peakBands * (decibels(-S.refinePeakDb) / Float(S.frameBlocks))
        let overBackground = background * (decibels(S.edgeOverBackgroundDb) / Float(S.frameBlocks))
        var threshold = Bands.max(floorThreshold, Bands.min(peakRelative, overBackground))
        // Speech does not end before its last voiced frame does, unless what follows the
        // last strong frame is the steady free decay of a reverberant room. (The search
        // starts in the middle block of the frame it starts from.)
        let middle = S.frameBlocks / 2
        var lowest = speechStart == nil ? burst.start + 1 : (burst.lastVoiced + 1) * S.frameBlocks - 1
        var from = max(burst.lastActive * S.frameBlocks + middle, lowest)
        var reverberant = false
        if speechStart != nil, let strong = assumed ?? reverberantDecayStart(burst),
           !hasSibilant(blocks: (strong * S.frameBlocks)..<((burst.lastActive + 1) * S.frameBlocks),
                        over: features.frameUpper(strong).top * decibels(S.sibilantRiseDb)) {
            reverberant = true
            lowest = strong * S.frameBlocks + middle
            from = lowest
            threshold = Bands.max(threshold, burst.peakBands * (decibels(-S.decayCutDb) / Float(S.frameBlocks)))
        }
        var end = features.extendOffset(features.refineOffset(from: from, threshold: threshold, floor: lowest),
                                        threshold: threshold)
        if speechStart != nil && !reverberant {
            // Weak sound after the last voiced frame (a stop's release after its closure, a
            // final fricative, in noise) counts by its accumulated evidence, not only by
            // single frames or 20 ms stretches above the threshold, which dip in noise.
            end = max(end, features.changePointOffset(from: lowest, threshold: threshold))
        }
        guard let speechStart else {
            let span = BlockSpan(start: burst.start, end: max(end, burst.start + 1))
            let meanEnergy = burst.activeEnergy / Float(max(burst.activeFrames, 1))
            return .nonSpeech(span, Self.kind(of: span, crestDb: 10 * log10(burst.peak / max(meanEnergy, .leastNormalMagnitude))))
        }
        let (speechEnd, trailing) = voiceEnd(of: burst, end: end, threshold: threshold)
        let seconds = Double(speechEnd - speechStart) * S.blockSeconds
        let voicedFraction = Float(burst.voicedFrames) / Float(max(burst.activeFrames, 1))
        let change = burst.shapeChange / Float(max(burst.shapeSteps, 1))
        let fillerLike = seconds <= S.maxFiller && voicedFraction >= S.minFillerVoicedFraction
            && change <= S.maxFillerShapeChange
        return .speechEnded(end: max(speechEnd, speechStart + 1), fillerLike: fillerLike, trailing: trailing,
                            hidden: hiddenEdge(burst))
    }

    /// Where the speech of a burst whose sound ends at `end` ends, and the breath after it:
    /// `end`, unless more than `maxTrailBlocks` of unvoiced sound follow the last voiced
    /// frame and none of it reaches a consonant's level; then the voice ends where the sound
    /// falls to `breathCutBelowVoiceDb` under that frame (at most `maxTrailBlocks` after it),
    /// and the rest is a breath.
    private func voiceEnd(of burst: OpenBurst, end: Int, threshold: Bands) -> (end: Int, trailing: BlockSpan?) {
        let voicedEnd = (burst.lastVoiced + 1) * S.frameBlocks
        guard end - voicedEnd > S.maxTrailBlocks else { return (end, nil) }
        let level = features.frameBands(burst.lastVoiced) * (decibels(-S.breathCutBelowVoiceDb) / Float(S.frameBlocks))
        // From the last block but two of the voiced frame, back at most one frame.
        let cut = min(features.refineOffset(from: voicedEnd - 3, threshold: Bands.max(threshold, level),
                                            floor: voicedEnd - S.frameBlocks), voicedEnd + S.maxTrailBlocks)
        guard !hasConsonantLevel(burst, blocks: cut..<end),
              !hasSibilant(blocks: cut..<end) else { return (end, nil) }
        return (cut, BlockSpan(start: cut, end: end))
    }

    /// How much of a speech burst's edges the background may hide, seconds: a word's edges
    /// fade to `edgeRangeDb` below its peak, and what lies under the background plus
    /// `activeDb` is not seen; each hidden dB counts `hiddenSecondsPerDb`.
    func hiddenEdge(_ burst: OpenBurst) -> Double {
        let visible = 10 * log10(max(burst.peak, .leastNormalMagnitude) / (background.low + background.high)) - S.activeDb
        return min(Double(max(0, S.edgeRangeDb - visible)) * S.hiddenSecondsPerDb, S.maxHiddenEdge)
    }

    /// Non-speech by duration and shape: a short burst (`maxClick`) or a peaky one (crest at
    /// least `clickCrestDb`, up to `maxPeakyClick`) is a click, a long one a breath.
    static func kind(of span: BlockSpan, crestDb: Float) -> PauseEvent.Kind {
        let seconds = Double(span.end - span.start) * S.blockSeconds
        if seconds <= S.maxClick || (crestDb >= S.clickCrestDb && seconds <= S.maxPeakyClick) { return .click }
        return seconds >= S.minBreath ? .breath : .noise
    }
}
