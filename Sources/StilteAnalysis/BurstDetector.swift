import Foundation

/// What the burst detector reports, in fine blocks (2 ms) from the start.
enum BurstReport {
    /// A burst has proved to be speech (it became voiced); speech starts at `start`.
    /// `leading` is unvoiced sound before it that is too long to be a consonant (a breath).
    case speechStarted(start: Int, leading: BlockSpan?)
    /// The speech burst ended at `end`; `trailing` is unvoiced sound after it that is too
    /// long to be a consonant.
    case speechEnded(end: Int, fillerLike: Bool, trailing: BlockSpan?)
    /// A burst that never became voiced: a breath, click or noise.
    case nonSpeech(BlockSpan, PauseEvent.Kind)
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
    private var floor = NoiseFloor()

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
        var voicedFrames = 0
        var firstVoiced = -1
        var lastVoiced = -1
        var speechStart: Int?
        var tiltSum: Float = 0
        var tiltSquares: Float = 0
    }
    private var open: OpenBurst?

    /// Start block of a burst that has not (yet) proved to be speech, if one is open.
    var unconfirmedBurstStart: Int? {
        guard let open, open.speechStart == nil else { return nil }
        return open.start
    }

    /// Decides frame `i` (its features, with look-ahead, must be available).
    mutating func decide(frame i: Int, into reports: inout [BurstReport]) {
        let (energy, high) = features.frameEnergies(i)
        floor.update(energy)
        let floorLevel = floor.level
        let aboveDb = 10 * log10(max(energy, .leastNormalMagnitude) / floorLevel)
        let active = aboveDb >= S.activeDb
        let correlation = active ? features.periodicity(frame: i) : 0
        let voiced = correlation >= S.voicedCorrelation && aboveDb >= S.voicedDb
        let floorThreshold = floorLevel / Float(S.frameBlocks) * decibels(S.refineFloorDb)

        if open == nil {
            guard aboveDb >= S.onsetDb else { return }
            let start = refineOnset(from: i * S.frameBlocks, threshold: floorThreshold,
                                    limit: max(0, i * S.frameBlocks - S.refineBackBlocks))
            open = OpenBurst(start: start, lastActive: i)
        }
        guard var burst = open else { return }
        if active {
            burst.lastActive = i
            burst.inactiveRun = 0
            burst.activeFrames += 1
            burst.activeEnergy += energy
            burst.peak = max(burst.peak, energy)
        } else {
            burst.inactiveRun += 1
        }
        if voiced {
            burst.voicedFrames += 1
            if burst.firstVoiced < 0 { burst.firstVoiced = i }
            burst.lastVoiced = i
            let tilt = log10(max(high, .leastNormalMagnitude) / max(energy, .leastNormalMagnitude))
            burst.tiltSum += tilt
            burst.tiltSquares += tilt * tilt
        }
        if burst.speechStart == nil && burst.voicedFrames >= S.minVoicedFrames {
            let voicedBlock = burst.firstVoiced * S.frameBlocks
            var start = burst.start
            var leading: BlockSpan?
            if voicedBlock - burst.start > S.maxLeadBlocks {
                let level = features.frameEnergies(burst.firstVoiced).band / Float(S.frameBlocks)
                start = refineOnset(from: voicedBlock, threshold: max(floorThreshold, level * decibels(-20)),
                                    limit: voicedBlock - S.maxLeadBlocks)
                leading = BlockSpan(start: burst.start, end: start)
            }
            burst.speechStart = start
            reports.append(.speechStarted(start: start, leading: leading))
        }
        open = burst
        if burst.inactiveRun >= S.hangoverFrames {
            close(burst, floorThreshold: floorThreshold, into: &reports)
        }
    }

    /// Closes a burst still open at the end of the audio.
    mutating func finish(into reports: inout [BurstReport]) {
        guard let burst = open else { return }
        let threshold = floor.level / Float(S.frameBlocks) * decibels(S.refineFloorDb)
        close(burst, floorThreshold: threshold, into: &reports)
    }

    private mutating func close(_ burst: OpenBurst, floorThreshold: Float, into reports: inout [BurstReport]) {
        open = nil
        let threshold = max(floorThreshold, burst.peak / Float(S.frameBlocks) * decibels(-S.refinePeakDb))
        let end = refineOffset(from: burst.lastActive * S.frameBlocks + 2, threshold: threshold, floor: burst.start + 1)
        guard let speechStart = burst.speechStart else {
            let span = BlockSpan(start: burst.start, end: max(end, burst.start + 1))
            let meanEnergy = burst.activeEnergy / Float(max(burst.activeFrames, 1))
            reports.append(.nonSpeech(span, Self.kind(of: span, crestDb: 10 * log10(burst.peak / max(meanEnergy, .leastNormalMagnitude)))))
            return
        }
        var speechEnd = end
        var trailing: BlockSpan?
        let voicedEnd = (burst.lastVoiced + 1) * S.frameBlocks
        if end - voicedEnd > S.maxTrailBlocks {
            let level = features.frameEnergies(burst.lastVoiced).band / Float(S.frameBlocks)
            speechEnd = min(refineOffset(from: voicedEnd - 3, threshold: max(threshold, level * decibels(-20)),
                                         floor: voicedEnd - S.frameBlocks), voicedEnd + S.maxTrailBlocks)
            trailing = BlockSpan(start: speechEnd, end: end)
        }
        let seconds = Double(speechEnd - speechStart) * S.blockSeconds
        let voicedFraction = Float(burst.voicedFrames) / Float(max(burst.activeFrames, 1))
        let fillerLike = seconds <= S.maxFiller && voicedFraction >= S.minFillerVoicedFraction
        reports.append(.speechEnded(end: max(speechEnd, speechStart + 1), fillerLike: fillerLike, trailing: trailing))
    }

    /// Non-speech by duration and shape: a short or peaky burst is a click, a long smooth one a breath.
    static func kind(of span: BlockSpan, crestDb: Float) -> PauseEvent.Kind {
        let seconds = Double(span.end - span.start) * S.blockSeconds
        if seconds <= S.maxClick || (crestDb >= 8 && seconds <= 0.25) { return .click }
        return seconds >= S.minBreath ? .breath : .noise
    }

    /// The first block of the run above `threshold` that reaches `from`, not before `limit`.
    private func refineOnset(from block: Int, threshold: Float, limit: Int) -> Int {
        var k = block
        if features.smoothed(block: k) < threshold {
            // The frame rose late: move forward to where it crosses.
            let last = block + S.frameBlocks - 1
            while k < last && features.smoothed(block: k) < threshold { k += 1 }
            return k
        }
        while k - 1 >= limit && features.smoothed(block: k - 1) >= threshold { k -= 1 }
        return k
    }

    /// The end (exclusive) of the run above `threshold` around `from`, not before `floor`.
    private func refineOffset(from block: Int, threshold: Float, floor lowest: Int) -> Int {
        var k = block
        let newest = features.blockCount - 2
        if features.smoothed(block: k) >= threshold {
            while k + 1 <= newest && features.smoothed(block: k + 1) >= threshold { k += 1 }
            return k + 1
        }
        while k > lowest && features.smoothed(block: k) < threshold { k -= 1 }
        return k + 1
    }

    @inline(__always)
    private func decibels(_ db: Float) -> Float { pow(10, db / 10) }
}
