import Foundation

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

/// Frame decisions: energy above the tracked floor with hysteresis opens and closes
/// bursts; periodicity tells voiced speech from breaths, clicks and noise; boundaries
/// are then refined on the 2 ms grid, so no hangover lag reaches the result.
struct BurstDetector {
    typealias S = DetectorSettings

    private var features = FeatureExtractor()
    private var lowFloor = NoiseFloor()
    private var highFloor = NoiseFloor()

    /// Pushes 8 kHz samples until a frame completes; returns how many were used.
    mutating func push(_ samples: UnsafeBufferPointer<Float>) -> Int { features.push(samples) }
    /// The frame the last `push` completed, if any.
    var completedFrame: Int? { features.completedFrame }
    /// 8 kHz samples pushed so far.
    var sampleCount: Int { features.sampleCount }

    private struct OpenBurst {
        var start: Int
        var lastActive: Int
        var inactiveRun = 0
        var activeFrames = 0
        var activeEnergy: Float = 0
        var peak: Float = 0
        var peakBands = Bands(low: 0, high: 0)
        var voicedFrames = 0
        var firstVoiced = -1
        var lastVoiced = -1
        var speechStart: Int?
        /// Spectral shape of the previous voiced frame, and the summed change between voiced frames.
        var shape: (Float, Float)?
        var shapeChange: Float = 0
        var shapeSteps = 0
        /// The end reported by `speechPaused`, until sound resumes.
        var pausedAt: Int?
        /// The level at which sound resumes after `speechPaused`.
        var resumeLevel = Bands(low: 0, high: 0)
    }
    private var open: OpenBurst?
    /// Period of the previous frame when it was periodic, else 0.
    private var previousLag = 0
    /// Low-band level around the previous frame (30 ms), dB.
    private var previousLowLevel: Float = 0
    /// The loudest frame of the speech so far (0 before any).
    private var speechPeak: Float = 0
    /// Consecutive voiced frames up to the current one.
    private var voicedRun = 0
    /// Energies of the last five frames, oldest first (in dB only where `levelSwing` is asked).
    private var recentEnergies: (Float, Float, Float, Float, Float) = (1, 1, 1, 1, 1)
    /// How much the level swung up and down over the last five frames beyond its net change,
    /// dB per frame: a voice glides (a rise at its onset is no swing), a creak's pulses jump.
    private var levelSwing: Float {
        func db(_ e: Float) -> Float { 10 * log10(max(e, .leastNormalMagnitude)) }
        let e = recentEnergies
        let l = (db(e.0), db(e.1), db(e.2), db(e.3), db(e.4))
        let steps = abs(l.1 - l.0) + abs(l.2 - l.1) + abs(l.3 - l.2) + abs(l.4 - l.3)
        return (steps - abs(l.4 - l.0)) / 4
    }

    /// Whether a period continues the previous one: within `maxPeriodJump`, or an octave off
    /// (a period-doubling pick of the same voice).
    static func continues(_ lag: Int, _ previous: Int) -> Bool {
        let octaves = log2(Float(lag) / Float(previous))
        return abs(octaves - octaves.rounded()) <= S.maxPeriodJump / log(2) && abs(octaves) < 1.5
    }

    /// Start block of a burst that has not (yet) proved to be speech, if one is open.
    var unconfirmedBurstStart: Int? {
        guard let open, open.speechStart == nil else { return nil }
        return open.start
    }

    /// Decides frame `i` (its features, with look-ahead, must be available).
    mutating func decide(frame i: Int, into reports: inout [BurstReport]) {
        let (energy, high, low) = features.frameEnergies(i)
        let bands = Bands(low: low, high: high)
        let inSpeech = open?.speechStart != nil
        lowFloor.update(bands.low, inSpeech: inSpeech)
        highFloor.update(bands.high, inSpeech: inSpeech)
        let background = Bands(low: lowFloor.level, high: highFloor.level)
        let lowDb = 10 * log10(max(bands.low, .leastNormalMagnitude) / background.low)
        let highDb = 10 * log10(max(bands.high, .leastNormalMagnitude) / background.high)
        let aboveDb = max(lowDb, highDb)
        let active = aboveDb >= S.activeDb
        // Voiced: periodic, loud enough, and the period continues from the previous frame
        // (a voice glides; the pulses of a creak or a rattle come at random intervals).
        // (The autocorrelation is the costliest feature: only measured where it can count.)
        let (correlation, lag) = active && lowDb >= S.voicedDb ? features.periodicity(frame: i) : (0, 0)
        let periodic = correlation >= S.voicedCorrelation && lowDb >= S.voicedDb
        // ... and the level, over 30 ms (two periods of the lowest voice), glides too: a
        // rattle's pulses make it jump.
        let lowLevel = 10 * log10(max(features.frameEnergies(i - 1).low + low + features.frameEnergies(i + 1).low,
                                      .leastNormalMagnitude))
        let voiced = periodic && previousLag > 0 && Self.continues(lag, previousLag)
            && abs(lowLevel - previousLowLevel) <= S.maxVoicedJumpDb
        previousLag = periodic ? lag : 0
        previousLowLevel = lowLevel
        voicedRun = voiced ? voicedRun + 1 : 0
        recentEnergies = (recentEnergies.1, recentEnergies.2, recentEnergies.3, recentEnergies.4, energy)
        let floorThreshold = background * (decibels(S.refineFloorDb) / Float(S.frameBlocks))

        if open == nil {
            guard aboveDb >= S.onsetDb else { return }
            let limit = max(0, i * S.frameBlocks - S.refineBackBlocks)
            let start = extendOnset(refineOnset(from: i * S.frameBlocks, threshold: floorThreshold, limit: limit),
                                    threshold: floorThreshold, limit: limit)
            open = OpenBurst(start: start, lastActive: i)
        }
        guard var burst = open else { return }
        if active {
            burst.lastActive = i
            burst.inactiveRun = 0
            burst.activeFrames += 1
            burst.activeEnergy += energy
            burst.peak = max(burst.peak, energy)
            burst.peakBands = Bands.max(burst.peakBands, bands)
        } else {
            burst.inactiveRun += 1
        }
        if voiced {
            burst.voicedFrames += 1
            // Only sustained voicing marks where the voice is; a stray periodic frame in
            // a reverberant tail or a rattle does not.
            if voicedRun >= S.minVoicedFrames {
                if burst.firstVoiced < 0 { burst.firstVoiced = i - S.minVoicedFrames }
                burst.lastVoiced = i
            }
            let e = max(energy, .leastNormalMagnitude)
            let shape = (10 * log10(max(high, .leastNormalMagnitude) / e), 10 * log10(max(low, .leastNormalMagnitude) / e))
            if let previous = burst.shape {
                burst.shapeChange += abs(shape.0 - previous.0) + abs(shape.1 - previous.1)
                burst.shapeSteps += 1
            }
            burst.shape = shape
        }
        if burst.speechStart == nil && voicedRun >= S.minVoicedFrames
            && (Float(burst.voicedFrames) >= S.minVoicedShare * Float(burst.activeFrames) || voicedRun >= S.sureVoicedFrames)
            && levelSwing <= S.maxLevelSwingDb {
            let voicedBlock = burst.firstVoiced * S.frameBlocks
            var start = burst.start
            var leading: BlockSpan?
            if voicedBlock - burst.start > S.maxLeadBlocks {
                let level = frameBands(burst.firstVoiced) * (decibels(-20) / Float(S.frameBlocks))
                let cut = refineOnset(from: voicedBlock, threshold: Bands.max(floorThreshold, level),
                                      limit: voicedBlock - S.maxLeadBlocks)
                if !hasConsonantLevel(burst, blocks: burst.start..<cut) {
                    start = cut
                    leading = BlockSpan(start: burst.start, end: start)
                }
            }
            burst.speechStart = start
            burst.pausedAt = nil
            reports.append(.speechStarted(start: start, leading: leading))
        }
        if burst.inactiveRun >= S.hangoverFrames {
            close(burst, floorThreshold: floorThreshold, into: &reports)
            return
        }
        if burst.speechStart != nil || burst.pausedAt != nil || burst.inactiveRun > 0 {
            provisionalEnding(&burst, frame: i, background: background, floorThreshold: floorThreshold, into: &reports)
        }
        open = burst
    }

    /// The live screen's early word on a speech burst (the offline result never depends on
    /// it): the hangover and the periodicity look-ahead make `close` wait about 70 ms after
    /// the sound stops, so the newest `quietFrames` frames, look-ahead included, are judged
    /// here by level alone. When all are quiet (below the activity level and below the
    /// burst's peak minus `refinePeakDb`), the end `close` would report now is reported as
    /// `speechPaused` (`soundPaused` for a burst not yet speech), and again whenever that end
    /// moves (a released stop, a weak consonant); when a voiced decided frame after the
    /// pause rises `onsetDb` over the background and to the peak minus `decayCutDb`
    /// (`strongDb` after a decay), `speechResumed`. A tail still above the quiet level but
    /// falling steadily like a room's decay counts as quiet, its end refined as `close`
    /// refines a reverberant one.
    private func provisionalEnding(_ burst: inout OpenBurst, frame i: Int, background: Bands, floorThreshold: Bands,
                                   into reports: inout [BurstReport]) {
        let newest = i + S.lookaheadFrames
        if let paused = burst.pausedAt {
            // Judged on the decided frame, not the look-ahead: sound the hangover does not
            // reach opens a new burst, which reports its own start once it is voiced. Only the
            // voice resumes: a released stop or a click may still move the end instead.
            if i * S.frameBlocks >= paused, voicedRun > 0,
               frameBands(i).reaches(Bands.max(background * decibels(S.onsetDb), burst.resumeLevel)) {
                let from = i * S.frameBlocks
                burst.pausedAt = nil
                reports.append(.speechResumed(at: max(paused, refineOnset(from: from, threshold: floorThreshold, limit: paused))))
                return
            }
        }
        // Not paused yet, or paused and perhaps moved since (a released stop, a weak consonant).
        let quiet = Bands.max(background * decibels(S.activeDb), burst.peakBands * decibels(-S.refinePeakDb))
        let window = (newest - S.quietFrames + 1)...newest
        var decayFrom: Int?
        if window.contains(where: { frameBands($0).reaches(quiet) }) {
            // Not quiet, but perhaps a room ringing on after the word: `close` knows that only
            // after 200 ms of decay, so here a steady fall below the cut says it.
            guard let strong = decayingSince(burst, window: window) else { return }
            decayFrom = strong
        }
        let report = ending(of: burst, floorThreshold: floorThreshold, assumingDecayFrom: decayFrom)
        let end: Int
        switch report {
        case let .speechEnded(e, _, _, _): end = e
        case let .nonSpeech(span, _): end = span.end
        default: return
        }
        guard end != burst.pausedAt else { return }
        burst.pausedAt = end
        // Well above where the pause was judged, so a tail's wobble does not resume it.
        burst.resumeLevel = burst.peakBands * decibels(decayFrom == nil ? -S.decayCutDb : -S.strongDb)
        if case let .nonSpeech(span, _) = report { reports.append(.soundPaused(span)) } else { reports.append(.speechPaused(end: end)) }
    }

    /// The last strong frame before `window` when every frame of `window` is below the burst's
    /// peak minus `decayCutDb` and the level falls through it (at least `minDecayDbPerFrame`
    /// a frame overall, never rising more than 3 dB from one frame to the next), as a
    /// reverberant tail does; nil for a level sound (a fricative, a breath) or a new rise.
    private func decayingSince(_ burst: OpenBurst, window: ClosedRange<Int>) -> Int? {
        let cut = burst.peak * decibels(-S.decayCutDb)
        func level(_ j: Int) -> Float { 10 * log10(max(features.frameEnergies(j).band, .leastNormalMagnitude)) }
        var previous = level(window.lowerBound - 1)
        let first = previous
        for j in window {
            guard features.frameEnergies(j).band < cut else { return nil }
            let l = level(j)
            guard l - previous <= 3 else { return nil }
            previous = l
        }
        guard first - previous >= S.minDecayDbPerFrame * Float(window.count) else { return nil }
        let strongLevel = burst.peak * decibels(-S.strongDb)
        var strong = window.lowerBound - 1
        while strong > burst.start / S.frameBlocks && features.frameEnergies(strong).band < strongLevel { strong -= 1 }
        // A short tail reaches the quiet level soon anyway.
        guard window.upperBound - strong >= S.minLiveDecayFrames else { return nil }
        return strong
    }

    /// Closes a burst still open at the end of the audio.
    mutating func finish(into reports: inout [BurstReport]) {
        guard let burst = open else { return }
        let background = Bands(low: lowFloor.level, high: highFloor.level)
        close(burst, floorThreshold: background * (decibels(S.refineFloorDb) / Float(S.frameBlocks)), into: &reports)
    }

    private mutating func close(_ closing: OpenBurst, floorThreshold: Bands, into reports: inout [BurstReport]) {
        open = nil
        var burst = closing
        if burst.speechStart == nil && hasVoiceLevel(burst) {
            // Speech whose periodicity the noise hid (a low, rough "uh"): its active frames
            // stand for the voice.
            burst.speechStart = burst.start
            burst.firstVoiced = burst.start / S.frameBlocks
            burst.lastVoiced = burst.lastActive
            reports.append(.speechStarted(start: burst.start, leading: nil))
        } else if burst.speechStart != nil {
            speechPeak = max(speechPeak, burst.peak)
        }
        reports.append(ending(of: burst, floorThreshold: floorThreshold))
    }

    /// Whether a burst that never became voiced is as loud and long as the speech so far:
    /// within `maxUnvoicedSpeechBelowPeakDb` of its peak for at least `minUnvoicedSpeechFrames`.
    /// Breaths, clicks and creaks stay well below the voice.
    private func hasVoiceLevel(_ burst: OpenBurst) -> Bool {
        speechPeak > 0 && burst.activeFrames >= S.minUnvoicedSpeechFrames
            && burst.peak >= speechPeak * decibels(-S.maxUnvoicedSpeechBelowPeakDb)
    }

    /// How `burst` ends, judged on the audio so far: `speechEnded` or `nonSpeech`.
    /// `assumingDecayFrom` takes the tail after that frame for a room's decay without the
    /// evidence `reverberantDecayStart` waits for.
    private func ending(of burst: OpenBurst, floorThreshold: Bands, assumingDecayFrom assumed: Int? = nil) -> BurstReport {
        var threshold = Bands.max(floorThreshold, burst.peakBands * (decibels(-S.refinePeakDb) / Float(S.frameBlocks)))
        // Speech does not end before its last voiced frame does, unless what follows the
        // last strong frame is the steady free decay of a reverberant room.
        var lowest = burst.speechStart == nil ? burst.start + 1 : (burst.lastVoiced + 1) * S.frameBlocks - 1
        var from = max(burst.lastActive * S.frameBlocks + 2, lowest)
        var reverberant = false
        if burst.speechStart != nil, let strong = assumed ?? reverberantDecayStart(burst) {
            reverberant = true
            lowest = strong * S.frameBlocks + 2
            from = lowest
            threshold = Bands.max(threshold, burst.peakBands * (decibels(-S.decayCutDb) / Float(S.frameBlocks)))
        }
        var end = extendOffset(refineOffset(from: from, threshold: threshold, floor: lowest), threshold: threshold)
        if burst.speechStart != nil && !reverberant {
            // Weak sound after the last voiced frame (a stop's release after its closure, a
            // final fricative, in noise) counts by its accumulated evidence, not only by
            // single frames or 20 ms stretches above the threshold, which dip in noise.
            end = max(end, changePointOffset(from: lowest, threshold: threshold))
        }
        guard let speechStart = burst.speechStart else {
            let span = BlockSpan(start: burst.start, end: max(end, burst.start + 1))
            let meanEnergy = burst.activeEnergy / Float(max(burst.activeFrames, 1))
            return .nonSpeech(span, Self.kind(of: span, crestDb: 10 * log10(burst.peak / max(meanEnergy, .leastNormalMagnitude))))
        }
        var speechEnd = end
        var trailing: BlockSpan?
        let voicedEnd = (burst.lastVoiced + 1) * S.frameBlocks
        if end - voicedEnd > S.maxTrailBlocks {
            let level = frameBands(burst.lastVoiced) * (decibels(-20) / Float(S.frameBlocks))
            let cut = min(refineOffset(from: voicedEnd - 3, threshold: Bands.max(threshold, level),
                                       floor: voicedEnd - S.frameBlocks), voicedEnd + S.maxTrailBlocks)
            if !hasConsonantLevel(burst, blocks: cut..<end) {
                speechEnd = cut
                trailing = BlockSpan(start: speechEnd, end: end)
            }
        }
        let seconds = Double(speechEnd - speechStart) * S.blockSeconds
        let voicedFraction = Float(burst.voicedFrames) / Float(max(burst.activeFrames, 1))
        let change = burst.shapeChange / Float(max(burst.shapeSteps, 1))
        let fillerLike = seconds <= S.maxFiller && voicedFraction >= S.minFillerVoicedFraction
            && change <= S.maxFillerShapeChange
        return .speechEnded(end: max(speechEnd, speechStart + 1), fillerLike: fillerLike, trailing: trailing,
                            hidden: hiddenEdge(burst))
    }

    /// The last strong frame of a speech burst when everything after it is a steady decay
    /// (each third of it at least `minDecayDbPerFrame` per frame below the one before, by
    /// median level, over at least `minDecayFrames`): the dry sound ended there and the room
    /// rang on. Medians of thirds, not frame-to-frame steps, measure the fall: a room's tail
    /// jitters by several dB from frame to frame. A drop followed by a quiet, level syllable
    /// or a new burst is speech, not a room.
    private func reverberantDecayStart(_ burst: OpenBurst) -> Int? {
        let strongLevel = burst.peak * decibels(-S.strongDb)
        var strong = burst.lastActive
        while strong > burst.start / S.frameBlocks && features.frameEnergies(strong).band < strongLevel { strong -= 1 }
        let frames = min(burst.lastActive - strong, S.maxDecayFrames)
        guard frames >= S.minDecayFrames else { return nil }
        func level(_ j: Int) -> Float { 10 * log10(max(features.frameEnergies(j).band, .leastNormalMagnitude)) }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: frames + 1) { levels in
            for k in 0...frames { levels[k] = level(strong + k) }
            // Each third of the tail must lie below the one before: a room decays steadily,
            // while a voice that drops and then holds a quiet note (a soft final syllable), or
            // a new sound after the drop, does not.
            let third = (frames + 1) / 3
            func median(_ part: Int) -> Float {
                var slice = UnsafeMutableBufferPointer(rebasing: levels[(part * third)..<((part + 1) * third)])
                slice.sort()
                return slice[third / 2]
            }
            let (first, second, last) = (median(0), median(1), median(2))
            let needed = S.minDecayDbPerFrame * Float(third)
            return first - second >= needed && second - last >= needed ? strong : nil
        }
    }

    /// How much of a speech burst's edges the background may hide, seconds: a word's edges
    /// fade to `edgeRangeDb` below its peak, and what lies under the background plus
    /// `activeDb` is not seen; each hidden dB counts `hiddenSecondsPerDb`.
    private func hiddenEdge(_ burst: OpenBurst) -> Double {
        let background = lowFloor.level + highFloor.level
        let visible = 10 * log10(max(burst.peak, .leastNormalMagnitude) / background) - S.activeDb
        return min(Double(max(0, S.edgeRangeDb - visible)) * S.hiddenSecondsPerDb, S.maxHiddenEdge)
    }

    /// Whether the unvoiced sound in `blocks`, cut off the voice as a breath by length alone,
    /// reaches a consonant's level in some frame: within `maxBreathBelowPeakDb` of the burst's
    /// peak and `minConsonantDb` over the background (a long "ch" or "sch"). A breath stays below.
    private func hasConsonantLevel(_ burst: OpenBurst, blocks: Range<Int>) -> Bool {
        let level = burst.peak * decibels(-S.maxBreathBelowPeakDb)
        let clear = Bands(low: lowFloor.level, high: highFloor.level) * decibels(S.minConsonantDb)
        let frames = (blocks.lowerBound / S.frameBlocks)..<((blocks.upperBound + S.frameBlocks - 1) / S.frameBlocks)
        return frames.contains { features.frameEnergies($0).band >= level && frameBands($0).reaches(clear) }
    }

    /// Non-speech by duration and shape: a short or peaky burst is a click, a long smooth one a breath.
    static func kind(of span: BlockSpan, crestDb: Float) -> PauseEvent.Kind {
        let seconds = Double(span.end - span.start) * S.blockSeconds
        if seconds <= S.maxClick || (crestDb >= 8 && seconds <= 0.25) { return .click }
        return seconds >= S.minBreath ? .breath : .noise
    }

    /// The first block of the run above `threshold` that reaches `from`, not before `limit`.
    private func refineOnset(from block: Int, threshold: Bands, limit: Int) -> Int {
        var k = block
        if !features.smoothed(block: k).reaches(threshold) {
            // The frame rose late: move forward to where it crosses.
            let last = block + S.frameBlocks - 1
            while k < last && !features.smoothed(block: k).reaches(threshold) { k += 1 }
            return k
        }
        while k - 1 >= limit && features.smoothed(block: k - 1).reaches(threshold) { k -= 1 }
        return k
    }

    /// The end (exclusive) of the run above `threshold` around `from`, not before `floor`.
    private func refineOffset(from block: Int, threshold: Bands, floor lowest: Int) -> Int {
        var k = block
        let newest = features.blockCount - 2
        if features.smoothed(block: k).reaches(threshold) {
            while k + 1 <= newest && features.smoothed(block: k + 1).reaches(threshold) { k += 1 }
            return k + 1
        }
        while k > lowest && !features.smoothed(block: k).reaches(threshold) { k -= 1 }
        return k + 1
    }

    /// Moves an onset earlier while the 20 ms before it still holds more than `threshold`
    /// on average: a weak consonant in noise, too faint for the 6 ms grid but clear over
    /// a longer stretch.
    private func extendOnset(_ start: Int, threshold: Bands, limit: Int) -> Int {
        var k = start
        let lowest = max(limit, start - S.extendBlocks)
        while k > lowest && features.mean(blocks: (k - S.longWindowBlocks)..<k).reaches(threshold) { k -= 1 }
        return k
    }

    /// The most likely end (exclusive) of sound after block `start`: the maximum over `c` of
    /// the summed excess of each band over its threshold, sum of `energy / threshold - 1`
    /// from `start` to `c`, on the 2 ms grid up to the newest block. Sound above the threshold
    /// raises the sum, background (below its threshold on average) lowers it, so the maximum
    /// sits where sound gives way to background; a gap inside the sound lowers the sum only
    /// as much as it is long. Each band is judged alone (a fricative lives only in the high
    /// one); the later end wins.
    private func changePointOffset(from start: Int, threshold: Bands) -> Int {
        let newest = features.blockCount - 1
        guard start < newest else { return start + 1 }
        var sumLow: Float = 0, sumHigh: Float = 0
        var bestLow: Float = 0, bestHigh: Float = 0
        var endLow = start, endHigh = start
        for k in start...newest {
            let b = features.bands(block: k)
            sumLow += b.low / threshold.low - 1
            sumHigh += b.high / threshold.high - 1
            if sumLow > bestLow { bestLow = sumLow; endLow = k + 1 }
            if sumHigh > bestHigh { bestHigh = sumHigh; endHigh = k + 1 }
        }
        return max(endLow, endHigh)
    }

    /// Moves an end (exclusive) later while the 20 ms after it still holds more than `threshold` on average.
    private func extendOffset(_ end: Int, threshold: Bands) -> Int {
        var k = end
        let highest = min(end + S.extendBlocks, features.blockCount - S.longWindowBlocks)
        while k < highest && features.mean(blocks: k..<(k + S.longWindowBlocks)).reaches(threshold) { k += 1 }
        return k
    }

    /// Band energies of frame `i`.
    private func frameBands(_ i: Int) -> Bands {
        let e = features.frameEnergies(i)
        return Bands(low: e.low, high: e.high)
    }

    @inline(__always)
    private func decibels(_ db: Float) -> Float { pow(10, db / 10) }
}
