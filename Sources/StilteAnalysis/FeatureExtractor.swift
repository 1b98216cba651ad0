/// Turns the 8 kHz stream into what the decisions need, in constant memory:
/// speech-band energy on the 2 ms grid (a ring of the last 8 s, for boundary
/// refinement), a steeper "high" energy for spectral tilt, and the periodicity
/// signal (a ring long enough for one look-ahead window).
struct FeatureExtractor {
    typealias S = DetectorSettings

    private var highPass1: Biquad
    private var highPass2: Biquad
    private var pitchLowPass: Biquad
    private var previousBand: Float = 0

    /// Periodicity signal, written twice (`i` and `i + pitchRing`) so any recent window is contiguous.
    private static let pitchRing = 1024
    private var pitch: ContiguousArray<Float>
    /// 8 kHz samples pushed so far.
    private(set) var sampleCount = 0

    /// Energies per fine block, ring of `blockRing` blocks.
    static let blockRing = 4096
    private var blockEnergy: ContiguousArray<Float>
    private var blockHigh: ContiguousArray<Float>
    private var accEnergy: Float = 0
    private var accHigh: Float = 0
    private var inBlock = 0
    /// Complete blocks so far.
    private(set) var blockCount = 0

    init() {
        let q = Biquad.butterworth4Q, rate = Double(S.rate)
        highPass1 = Biquad.highPass(cutoff: S.highPassHz, q: q.0, sampleRate: rate)
        highPass2 = Biquad.highPass(cutoff: S.highPassHz, q: q.1, sampleRate: rate)
        pitchLowPass = Biquad.lowPass(cutoff: S.pitchLowPassHz, q: 0.707, sampleRate: rate)
        pitch = ContiguousArray(repeating: 0, count: 2 * Self.pitchRing)
        blockEnergy = ContiguousArray(repeating: 0, count: Self.blockRing)
        blockHigh = ContiguousArray(repeating: 0, count: Self.blockRing)
    }

    /// Pushes 8 kHz samples until a 10 ms frame completes or the input ends; returns
    /// how many were consumed. `completedFrame` then holds the finished frame's index, if any.
    mutating func push(_ samples: UnsafeBufferPointer<Float>) -> Int {
        completedFrame = nil
        let ring = Self.pitchRing
        var used = 0
        for x in samples {
            used += 1
            let band = highPass2.process(highPass1.process(x))
            let p = pitchLowPass.process(band)
            let slot = sampleCount & (ring - 1)
            pitch[slot] = p
            pitch[slot + ring] = p
            sampleCount += 1
            let diff = band - previousBand
            previousBand = band
            accEnergy += band * band
            accHigh += diff * diff
            inBlock += 1
            if inBlock == S.blockSize {
                let b = blockCount & (Self.blockRing - 1)
                blockEnergy[b] = accEnergy
                blockHigh[b] = accHigh
                accEnergy = 0
                accHigh = 0
                inBlock = 0
                blockCount += 1
                if blockCount % S.frameBlocks == 0 {
                    completedFrame = blockCount / S.frameBlocks - 1
                    return used
                }
            }
        }
        return used
    }

    /// The frame the last `push` completed.
    private(set) var completedFrame: Int?

    /// Energy of block `k` (0 outside the ring's reach).
    @inline(__always)
    func energy(block k: Int) -> Float {
        guard k >= 0, k < blockCount, k >= blockCount - Self.blockRing else { return 0 }
        return blockEnergy[k & (Self.blockRing - 1)]
    }

    /// Energy of block `k` smoothed over its neighbours (6 ms centred on it).
    @inline(__always)
    func smoothed(block k: Int) -> Float {
        (energy(block: k - 1) + energy(block: k) + energy(block: k + 1)) / 3
    }

    /// Speech-band and high (pre-emphasised) energy of frame `i`.
    func frameEnergies(_ i: Int) -> (band: Float, high: Float) {
        var band: Float = 0, high: Float = 0
        for k in (i * S.frameBlocks)..<((i + 1) * S.frameBlocks) where k >= blockCount - Self.blockRing && k < blockCount {
            band += blockEnergy[k & (Self.blockRing - 1)]
            high += blockHigh[k & (Self.blockRing - 1)]
        }
        return (band, high)
    }

    /// Periodicity of the window centred on frame `i`; 0 when the window is not (or no longer) available.
    func periodicity(frame i: Int) -> Float {
        let start = i * S.frameSize + S.frameSize / 2 - S.pitchWindow / 2
        let needed = S.pitchWindow + S.maxLag
        guard start >= 0, start + needed <= sampleCount, start >= sampleCount - Self.pitchRing else { return 0 }
        return pitch.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return Periodicity.strength(base + (start & (Self.pitchRing - 1)), window: S.pitchWindow,
                                        minLag: S.minLag, maxLag: S.maxLag)
        }
    }
}
