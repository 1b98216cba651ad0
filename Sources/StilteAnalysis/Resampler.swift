/// Streams mono audio at any rate down (or up) to the analysis rate.
///
/// Exactly twice the output rate (16 kHz, the usual recording rate) goes through a
/// linear-phase half-band FIR, evaluated only at the kept samples. Any other rate takes
/// three cheap stages: a box-car pre-decimation by an integer factor (for 44.1 kHz and
/// up), a fourth-order Butterworth anti-alias low-pass, and linear interpolation at the
/// output instants. Detection needs the speech band, not hi-fi: aliasing is kept well
/// below what moves a speech boundary, at a few operations per input sample.
struct Resampler {
    /// Input frames per second.
    let inputRate: Int
    /// Output frames per second.
    let outputRate: Int
    /// Box-car decimation factor applied first.
    private let boxcar: Int
    private let boxScale: Float
    private var boxSum: Float = 0
    private var boxFill = 0
    /// Rate after the box-car.
    private let midRate: Int
    private var lowPass1: Biquad
    private var lowPass2: Biquad
    private let filters: Bool
    private let passThrough: Bool
    /// Mid-rate samples seen, and outputs made; output k sits at mid index k * midRate / outputRate.
    private var midCount: Int64 = 0
    private var outCount: Int64 = 0
    private var previous: Float = 0
    /// The half-band path: the last input samples, written twice so a window is contiguous.
    private let halfBand: Bool
    private var history = ContiguousArray<Float>(repeating: 0, count: 2 * Self.historySize)
    private var inputCount = 0
    private static let historySize = 32
    /// Half-band taps at odd offsets 1, 3, ... 13 (Blackman-windowed sinc, unity gain at DC);
    /// -6 dB at the output Nyquist frequency, below -30 dB from 1.25 times it.
    private static let halfBandCentre: Float = 0.500_045_3
    private static let halfBandTaps: [Float] = [
        0.311_825_98, -0.087_937_62, 0.037_376_96, -0.015_462_17, 0.005_418_09, -0.001_356_87, 0.000_112_97,
    ]
    private static let halfBandDelay = 13

    init(inputRate: Int, outputRate: Int) {
        self.inputRate = inputRate
        self.outputRate = outputRate
        var factor = max(1, inputRate / (2 * outputRate))
        while factor > 1 && inputRate % factor != 0 { factor -= 1 }
        boxcar = factor
        boxScale = 1 / Float(factor)
        midRate = inputRate / factor
        filters = midRate > outputRate
        passThrough = midRate == outputRate && factor == 1
        halfBand = inputRate == 2 * outputRate
        let cutoff = 0.45 * Double(outputRate)
        let q = Biquad.butterworth4Q
        lowPass1 = Biquad.lowPass(cutoff: cutoff, q: q.0, sampleRate: Double(midRate))
        lowPass2 = Biquad.lowPass(cutoff: cutoff, q: q.1, sampleRate: Double(midRate))
    }

    /// Resamples `input` and appends the result to `output`.
    mutating func process(_ input: UnsafeBufferPointer<Float>, into output: inout ContiguousArray<Float>) {
        if passThrough {
            output.append(contentsOf: input)
            return
        }
        if halfBand {
            decimateByTwo(input, into: &output)
            return
        }
        lowPass1.flushTinyState()
        lowPass2.flushTinyState()
        let outRate = Int64(outputRate), mid = Int64(midRate)
        let perOutput = 1 / Float(outputRate)
        for x in input {
            var y = x
            if boxcar > 1 {
                boxSum += x
                boxFill += 1
                if boxFill < boxcar { continue }
                y = boxSum * boxScale
                boxSum = 0
                boxFill = 0
            }
            if filters { y = lowPass2.process(lowPass1.process(y)) }
            // Outputs with mid position in (midCount - 1, midCount].
            let n = midCount
            while outCount * mid <= n * outRate {
                let position = outCount * mid           // in units of 1 / outputRate mid samples
                let behind = n * outRate - position      // (n - t) * outRate, 0 ..< outRate
                let fraction = Float(behind) * perOutput
                output.append(y - (y - previous) * fraction)
                outCount += 1
            }
            previous = y
            midCount += 1
        }
    }

    /// Output k is the half-band filter centred on input 2k, made once input 2k + 13 is in.
    private mutating func decimateByTwo(_ input: UnsafeBufferPointer<Float>, into output: inout ContiguousArray<Float>) {
        let size = Self.historySize, delay = Self.halfBandDelay
        let c = Self.halfBandCentre, h = Self.halfBandTaps
        let (h1, h3, h5, h7, h9, h11, h13) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6])
        var count = inputCount
        history.withUnsafeMutableBufferPointer { ring in
            guard let r = ring.baseAddress else { return }
            for x in input {
                let slot = count & (size - 1)
                r[slot] = x
                r[slot + size] = x
                let newest = count
                count += 1
                guard newest >= delay, (newest - delay) & 1 == 0 else { continue }
                // Window newest - 2 * delay ... newest, centred on newest - delay.
                let m = r + ((newest - 2 * delay) & (size - 1)) + delay
                var y = c * m[0] + h1 * (m[-1] + m[1]) + h3 * (m[-3] + m[3]) + h5 * (m[-5] + m[5])
                y += h7 * (m[-7] + m[7]) + h9 * (m[-9] + m[9]) + h11 * (m[-11] + m[11]) + h13 * (m[-13] + m[13])
                output.append(y)
            }
        }
        inputCount = count
    }
}
