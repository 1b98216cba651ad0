/// Energy below and above `bandSplitHz` (1 kHz) in the analysis band, and above it (`top`,
/// 4-8 kHz where the input has it): voicing lives low, fricatives and breath high, sibilants
/// on top, and each band is judged against its own background (pink or mains noise is low,
/// hiss is high; a wider band would let a room's hiss hide a weak release).
struct Bands {
    var low: Float
    var high: Float
    var top: Float = 0

    /// Each band scaled by `factor`.
    static func * (a: Bands, factor: Float) -> Bands { Bands(low: a.low * factor, high: a.high * factor, top: a.top * factor) }

    /// The band-wise maximum.
    static func max(_ a: Bands, _ b: Bands) -> Bands {
        Bands(low: Swift.max(a.low, b.low), high: Swift.max(a.high, b.high), top: Swift.max(a.top, b.top))
    }

    /// The band-wise minimum.
    static func min(_ a: Bands, _ b: Bands) -> Bands {
        Bands(low: Swift.min(a.low, b.low), high: Swift.min(a.high, b.high), top: Swift.min(a.top, b.top))
    }

    /// Whether any band reaches its threshold (a band the input lacks, all zeros, never does).
    @inline(__always)
    func reaches(_ threshold: Bands) -> Bool { low >= threshold.low || high >= threshold.high || (top > 0 && top >= threshold.top) }
}

/// Turns the 8 kHz stream into what the decisions need, in constant memory: speech-band,
/// low and high band energy on the 2 ms grid (a ring of the last 8 s, for boundary
/// refinement), and the periodicity signal (a ring long enough for one look-ahead window).
struct FeatureExtractor {
    typealias S = DetectorSettings

    /// Speech band (`highPassHz`, 200 Hz high-pass), pitch signal (`pitchLowPassHz`, 1 kHz
    /// low-pass of the band) and high band (`bandSplitHz`, 1 kHz high-pass of the band),
    /// fourth order each.
    private var filters: FilterPipeline
    /// Samples of the last `filters.run` not yet taken into the features: the first samples
    /// of the next `push`, from `filteredNext` on.
    private var filteredLeft = 0
    private var filteredNext = 0

    /// Periodicity signal at half the rate (4 kHz), written twice (`i` and `i + pitchRing`)
    /// so any recent window is contiguous.
    private static let pitchRing = 512
    private var pitch: ContiguousArray<Float>
    private var pitchCount = 0
    /// 8 kHz samples pushed so far.
    private(set) var sampleCount = 0

    /// Energies per fine block, ring of `blockRing` blocks.
    static let blockRing = 4096
    private var blockEnergy: ContiguousArray<Float>
    private var blockHigh: ContiguousArray<Float>
    private var blockLow: ContiguousArray<Float>
    /// Energy above the analysis band (4-8 kHz, where the input has it) per fine block.
    private var blockTop: ContiguousArray<Float>
    private var accTop: Float = 0
    private var accEnergy: Float = 0
    private var accHigh: Float = 0
    private var accLow: Float = 0
    private var inBlock = 0
    /// Complete blocks so far.
    private(set) var blockCount = 0

    init() {
        let q = Biquad.butterworth4Q, rate = Double(S.rate)
        filters = FilterPipeline(
            highPass: (Biquad.highPass(cutoff: S.highPassHz, q: q.0, sampleRate: rate),
                       Biquad.highPass(cutoff: S.highPassHz, q: q.1, sampleRate: rate)),
            lowPass: (Biquad.lowPass(cutoff: S.pitchLowPassHz, q: q.0, sampleRate: rate),
                      Biquad.lowPass(cutoff: S.pitchLowPassHz, q: q.1, sampleRate: rate)),
            highBand: (Biquad.highPass(cutoff: S.bandSplitHz, q: q.0, sampleRate: rate),
                       Biquad.highPass(cutoff: S.bandSplitHz, q: q.1, sampleRate: rate)))
        pitch = ContiguousArray(repeating: 0, count: 2 * Self.pitchRing)
        blockEnergy = ContiguousArray(repeating: 0, count: Self.blockRing)
        blockHigh = ContiguousArray(repeating: 0, count: Self.blockRing)
        blockLow = ContiguousArray(repeating: 0, count: Self.blockRing)
        blockTop = ContiguousArray(repeating: 0, count: Self.blockRing)
    }

    /// Pushes 8 kHz samples, and the band above them (4-8 kHz, folded down: `top`, as long),
    /// until a 10 ms frame completes or the input ends; returns how many were consumed.
    /// `completedFrame` then holds the finished frame's index, if any. The next call must
    /// start with the samples not consumed (the filters run ahead on them).
    mutating func push(_ samples: UnsafeBufferPointer<Float>, top: UnsafeBufferPointer<Float>) -> Int {
        completedFrame = nil
        if filteredLeft == 0 {
            filteredLeft = min(samples.count, FilterPipeline.capacity)
            filteredNext = 0
            filters.run(UnsafeBufferPointer(rebasing: samples[0..<filteredLeft]), first: sampleCount)
        }
        let n = min(filteredLeft, S.frameSize - sampleCount % S.frameSize)
        guard n > 0 else { return 0 }
        let ring = Self.pitchRing, filtered = filters
        // `samples` (and `top`) start at filter output `filteredNext`.
        let first = filteredNext
        var j = filteredNext
        let end = j + n
        filteredNext = end
        filteredLeft -= n
        while j < end {
            // Up to the end of the current block.
            let m = min(end - j, S.blockSize - inBlock)
            var energy = accEnergy, high = accHigh, low = accLow
            var count = sampleCount, pitchIndex = pitchCount
            pitch.withUnsafeMutableBufferPointer { pitchRing in
                filtered.forEach(j..<(j + m)) { band, p, top in
                    if count & 1 == 0 {
                        let slot = pitchIndex & (ring - 1)
                        pitchRing[slot] = p
                        pitchRing[slot + ring] = p
                        pitchIndex += 1
                    }
                    count += 1
                    energy += band * band
                    high += top * top
                    low += p * p
                }
            }
            var above = accTop
            for t in top[(j - first)..<(j - first + m)] { above += t * t }
            accEnergy = energy; accHigh = high; accLow = low; accTop = above
            sampleCount = count; pitchCount = pitchIndex
            j += m
            inBlock += m
            guard inBlock == S.blockSize else { continue }
            let b = blockCount & (Self.blockRing - 1)
            blockEnergy[b] = accEnergy
            blockHigh[b] = accHigh
            blockLow[b] = accLow
            blockTop[b] = accTop
            accEnergy = 0
            accHigh = 0
            accLow = 0
            accTop = 0
            inBlock = 0
            blockCount += 1
        }
        if sampleCount % S.frameSize == 0 { completedFrame = blockCount / S.frameBlocks - 1 }
        return n
    }

    /// The frame the last `push` completed.
    private(set) var completedFrame: Int?

    /// Low (below `bandSplitHz`, 1 kHz) and high (above) energy of block `k` (0 outside the ring's reach).
    @inline(__always)
    func bands(block k: Int) -> Bands {
        guard k >= 0, k < blockCount, k >= blockCount - Self.blockRing else { return Bands(low: 0, high: 0) }
        let slot = k & (Self.blockRing - 1)
        return Bands(low: blockLow[slot], high: blockHigh[slot], top: blockTop[slot])
    }

    /// Mean band energies of `blocks`.
    func mean(blocks: Range<Int>) -> Bands {
        var sum = Bands(low: 0, high: 0)
        for k in blocks {
            let b = bands(block: k)
            sum.low += b.low
            sum.high += b.high
            sum.top += b.top
        }
        return sum * (1 / Float(max(blocks.count, 1)))
    }

    /// Band energies of block `k` smoothed over its neighbours (6 ms centred on it).
    @inline(__always)
    func smoothed(block k: Int) -> Bands {
        let a = bands(block: k - 1), b = bands(block: k), c = bands(block: k + 1)
        return Bands(low: (a.low + b.low + c.low) / 3, high: (a.high + b.high + c.high) / 3, top: (a.top + b.top + c.top) / 3)
    }

    /// Speech-band (above 200 Hz), high (above 1 kHz) and low (200 Hz to 1 kHz, the pitch
    /// signal) energy of frame `i`.
    func frameEnergies(_ i: Int) -> (band: Float, high: Float, low: Float) {
        var band: Float = 0, high: Float = 0, low: Float = 0
        for k in (i * S.frameBlocks)..<((i + 1) * S.frameBlocks) where k >= blockCount - Self.blockRing && k < blockCount {
            band += blockEnergy[k & (Self.blockRing - 1)]
            high += blockHigh[k & (Self.blockRing - 1)]
            low += blockLow[k & (Self.blockRing - 1)]
        }
        return (band, high, low)
    }

    /// Energy of frame `i` from 1 to 4 kHz (`middle`) and above the analysis band, 4-8 kHz
    /// (`top`: 0 where the input has none).
    func frameUpper(_ i: Int) -> (middle: Float, top: Float) {
        var middle: Float = 0, top: Float = 0
        for k in (i * S.frameBlocks)..<((i + 1) * S.frameBlocks) where k >= blockCount - Self.blockRing && k < blockCount {
            middle += blockHigh[k & (Self.blockRing - 1)]
            top += blockTop[k & (Self.blockRing - 1)]
        }
        return (middle, top)
    }

    /// Periodicity of the window centred on frame `i`; 0 when the window is not (or no longer) available.
    func periodicity(frame i: Int) -> (strength: Float, lag: Int) {
        let start = (i * S.frameSize + S.frameSize / 2) / S.pitchDecimation - S.pitchWindow / 2
        let needed = Periodicity.samplesRead(window: S.pitchWindow, maxLag: S.maxLag)
        guard start >= 0, start + needed <= pitchCount, start >= pitchCount - Self.pitchRing else { return (0, 0) }
        return pitch.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return (0, 0) }
            return Periodicity.strength(base + (start & (Self.pitchRing - 1)), window: S.pitchWindow,
                                        minLag: S.minLag, maxLag: S.maxLag)
        }
    }
}
