import Foundation

/// A second-order IIR section in transposed direct form II (RBJ cookbook coefficients).
struct Biquad {
    /// Coefficients, normalised by a0.
    let b0: Float, b1: Float, b2: Float, a1: Float, a2: Float
    private var z1: Float = 0, z2: Float = 0

    private init(b0: Double, b1: Double, b2: Double, a0: Double, a1: Double, a2: Double) {
        self.b0 = Float(b0 / a0); self.b1 = Float(b1 / a0); self.b2 = Float(b2 / a0)
        self.a1 = Float(a1 / a0); self.a2 = Float(a2 / a0)
    }

    /// A low-pass at `cutoff` Hz with quality `q` for audio at `sampleRate` Hz.
    static func lowPass(cutoff: Double, q: Double, sampleRate: Double) -> Biquad {
        let w = 2 * Double.pi * cutoff / sampleRate, alpha = sin(w) / (2 * q), c = cos(w)
        return Biquad(b0: (1 - c) / 2, b1: 1 - c, b2: (1 - c) / 2, a0: 1 + alpha, a1: -2 * c, a2: 1 - alpha)
    }

    /// A high-pass at `cutoff` Hz with quality `q` for audio at `sampleRate` Hz.
    static func highPass(cutoff: Double, q: Double, sampleRate: Double) -> Biquad {
        let w = 2 * Double.pi * cutoff / sampleRate, alpha = sin(w) / (2 * q), c = cos(w)
        return Biquad(b0: (1 + c) / 2, b1: -(1 + c), b2: (1 + c) / 2, a0: 1 + alpha, a1: -2 * c, a2: 1 - alpha)
    }

    /// The two sections of a fourth-order Butterworth filter.
    static let butterworth4Q = (0.541_196_1, 1.306_563)

    /// Zeroes a state that has decayed to almost nothing, before it turns denormal (digital
    /// silence would otherwise make every operation a hundred times slower).
    @inline(__always)
    mutating func flushTinyState() {
        if abs(z1) < 1e-25 { z1 = 0 }
        if abs(z2) < 1e-25 { z2 = 0 }
    }

    @inline(__always)
    mutating func process(_ x: Float) -> Float {
        let y = b0 * x + z1
        z1 = b1 * x - a1 * y + z2
        z2 = b2 * x - a2 * y
        return y
    }
}
