/// Pitch strength: the highest normalised autocorrelation of a window over the lags
/// of a speaking voice (70-400 Hz). Voiced speech and fillers score high; breaths,
/// clicks, rustles and room noise score low, whatever their level.
enum Periodicity {
    /// `signal` must hold `window + maxLag` samples from the window's start.
    static func strength(_ signal: UnsafePointer<Float>, window: Int, minLag: Int, maxLag: Int) -> Float {
        let e0 = dot(signal, signal, window)
        guard e0 > 0 else { return 0 }
        // Energy of the lagged window, slid along.
        var eLag = dot(signal + minLag, signal + minLag, window)
        var best: Float = 0
        var lag = minLag
        while lag <= maxLag {
            let c = dot(signal, signal + lag, window)
            if c > 0 && eLag > 0 {
                let r = c / (e0 * eLag).squareRoot()
                if r > best { best = r }
            }
            let leaving = signal[lag], entering = signal[lag + window]
            eLag += entering * entering - leaving * leaving
            lag += 1
        }
        return min(best, 1)
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
