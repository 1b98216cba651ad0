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
    /// The band above the output's at the mid rate (4th-order high-pass at half the output
    /// rate), and its energy since the last output sample.
    private var topPass1: Biquad
    private var topPass2: Biquad
    private var topEnergy: Float = 0
    /// Mid-rate energy to output-rate energy: output rate / mid rate.
    private let topScale: Float
    private let filters: Bool
    private let passThrough: Bool
    /// Mid-rate samples seen, and outputs made; output k sits at mid index k * midRate / outputRate.
    private var midCount: Int64 = 0
    private var outCount: Int64 = 0
    private var previous: Float = 0
    /// The path for exactly twice the output rate.
    private var halfBand: HalfBandDecimator?

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
        halfBand = inputRate == 2 * outputRate ? HalfBandDecimator() : nil
        let cutoff = 0.45 * Double(outputRate)
        let q = Biquad.butterworth4Q
        lowPass1 = Biquad.lowPass(cutoff: cutoff, q: q.0, sampleRate: Double(midRate))
        lowPass2 = Biquad.lowPass(cutoff: cutoff, q: q.1, sampleRate: Double(midRate))
        let edge = min(0.5 * Double(outputRate), 0.45 * Double(midRate))
        topPass1 = Biquad.highPass(cutoff: edge, q: q.0, sampleRate: Double(midRate))
        topPass2 = Biquad.highPass(cutoff: edge, q: q.1, sampleRate: Double(midRate))
        topScale = Float(outputRate) / Float(midRate)
    }

    /// Resamples `input` and appends the result to `output`, and to `top` the band above the
    /// output's (from 4 kHz) at the output instants where the input has it, zeros otherwise.
    /// At exactly twice the output rate it is the band the half-band filter removes; from
    /// other rates above it, a sample whose square is that band's energy (high-passed at
    /// the mid rate) since the previous output, per output sample.
    mutating func process(_ input: UnsafeBufferPointer<Float>, into output: inout ContiguousArray<Float>,
                          top: inout ContiguousArray<Float>) {
        if halfBand != nil {
            halfBand?.process(input, into: &output, top: &top)
            return
        }
        if !filters {
            let old = output.count
            defer { top.append(contentsOf: repeatElement(0, count: output.count - old)) }
            if passThrough {
                output.append(contentsOf: input)
                return
            }
        }
        lowPass1.flushTinyState()
        lowPass2.flushTinyState()
        topPass1.flushTinyState()
        topPass2.flushTinyState()
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
            if filters {
                let h = topPass2.process(topPass1.process(y))
                topEnergy += h * h
                y = lowPass2.process(lowPass1.process(y))
            }
            // Outputs with mid position in (midCount - 1, midCount].
            let n = midCount
            while outCount * mid <= n * outRate {
                let position = outCount * mid           // in units of 1 / outputRate mid samples
                let behind = n * outRate - position      // (n - t) * outRate, 0 ..< outRate
                let fraction = Float(behind) * perOutput
                output.append(y - (y - previous) * fraction)
                if filters {
                    top.append((topEnergy * topScale).squareRoot())
                    topEnergy = 0
                }
                outCount += 1
            }
            previous = y
            midCount += 1
        }
    }
}
