#if canImport(Glibc)
import Glibc
#endif

/// Peak level of a block of samples, for level meters and summaries.
public enum PeakLevel {
    /// The largest absolute sample value (0...1 for in-range audio).
    public static func peak(_ samples: UnsafeBufferPointer<Float>) -> Float {
        var peak: Float = 0
        for sample in samples { peak = max(peak, abs(sample)) }
        return peak
    }

    /// `peak` in dB relative to full scale (0 dBFS = 1.0); `-Float.infinity` for silence.
    public static func dBFS(_ peak: Float) -> Float {
        peak > 0 ? 20 * log10f(peak) : -.infinity
    }
}
