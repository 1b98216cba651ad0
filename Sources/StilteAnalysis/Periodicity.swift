/// Pitch strength: the highest normalised autocorrelation of a window over the lags
/// of a speaking voice (70-400 Hz). Voiced speech and fillers score high; breaths,
/// clicks, rustles and room noise score low, whatever their level.
enum Periodicity {
    /// The strength (0 ... 1) and the lag (samples) of the best peak: the highest local
    /// maximum strictly inside `minLag ... maxLag` (a value still falling at the edge of the
    /// range is the decay of a resonance, not a period). `signal` must hold
    /// `window + maxLag + 1` samples from the window's start; `minLag` must be at least 2.
    static func strength(_ signal: UnsafePointer<Float>, window: Int, minLag: Int, maxLag: Int) -> (strength: Float, lag: Int) {
        let e0 = dot(signal, signal, window)
        guard e0 > 0 else { return (0, 0) }
        // Energy of the lagged window, slid along.
        var eLag = dot(signal + minLag - 1, signal + minLag - 1, window)
        var best: Float = 0
        var bestLag = 0
        var previous: Float = 0, beforePrevious: Float = 0
        var lag = minLag - 1
        while lag <= maxLag + 1 {
            let c = dot(signal, signal + lag, window)
            let r = c > 0 && eLag > 0 ? c / (e0 * eLag).squareRoot() : 0
            // A peak at the previous lag: refine it between the integer lags (parabola).
            if lag >= minLag + 1 && previous > beforePrevious && previous >= r && previous > best {
                let curvature = beforePrevious - 2 * previous + r
                let peak = curvature < 0 ? previous - 0.125 * (beforePrevious - r) * (beforePrevious - r) / curvature : previous
                if peak > best { best = peak; bestLag = lag - 1 }
            }
            beforePrevious = previous
            previous = r
            let leaving = signal[lag], entering = signal[lag + window]
            eLag += entering * entering - leaving * leaving
            lag += 1
        }
        return (min(best, 1), bestLag)
    }

    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        let stride = MemoryLayout<Float>.stride
        while i + 8 <= n {
            let va = ra.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
            let vb = rb.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
            acc = acc.addingProduct(va, vb)
            i += 8
        }
        var sum = acc.sum()
        while i < n { sum += a[i] * b[i]; i += 1 }
        return sum
    }
}
