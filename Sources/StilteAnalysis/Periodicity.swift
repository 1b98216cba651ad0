/// Pitch strength: the highest normalised autocorrelation of a window over the lags
/// of a speaking voice (`minLag ... maxLag`; the detector's 10 ... 75 at 4 kHz are 400 Hz
/// down to 53 Hz). Voiced speech and fillers score high; breaths,
/// clicks, rustles and room noise score low, whatever their level.
enum Periodicity {
    /// The strength (0 ... 1) and the lag (samples) of the best peak: the highest local
    /// maximum strictly inside `minLag ... maxLag` (a value still falling at the edge of the
    /// range is the decay of a resonance, not a period). Coarse to fine: every other lag
    /// first, then the neighbours of the best coarse peak, then a parabola through the top.
    /// `signal` must hold `samplesRead(window:maxLag:)` samples from the window's start;
    /// `minLag` must be at least 3 and the range at most 120 lags.
    static func strength(_ signal: UnsafePointer<Float>, window: Int, minLag: Int, maxLag: Int) -> (strength: Float, lag: Int) {
        let e0 = dot(signal, signal, window)
        guard e0 > 0 else { return (0, 0) }
        @inline(__always) func normalised(_ c: Float, _ energy: Float) -> Float {
            c > 0 && energy > 0 ? c / (e0 * energy).squareRoot() : 0
        }
        @inline(__always) func at(_ lag: Int) -> Float {
            normalised(dot(signal, signal + lag, window), dot(signal + lag, signal + lag, window))
        }
        let first = minLag - 1
        let count = (maxLag + 1 - first) / 2 + 1
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { coarse in
            // Every other lag; four lags per pass over the window.
            var k = 0
            while k + 4 <= count {
                let c = dots(signal, signal + first + 2 * k, window)
                coarse[k] = c[0]; coarse[k + 1] = c[1]; coarse[k + 2] = c[2]; coarse[k + 3] = c[3]
                k += 4
            }
            while k < count {
                coarse[k] = dot(signal, signal + first + 2 * k, window)
                k += 1
            }
            // Normalised by the energy of the lagged window, slid along two samples at a time.
            var energy = dot(signal + first, signal + first, window)
            for k in 0..<count {
                let lag = first + 2 * k
                coarse[k] = normalised(coarse[k], energy)
                let a = signal[lag], b = signal[lag + 1], c = signal[lag + window], d = signal[lag + window + 1]
                energy += c * c + d * d - a * a - b * b
            }
            var bestK = -1
            for k in 1..<(count - 1) where coarse[k] > coarse[k - 1] && coarse[k] >= coarse[k + 1] {
                if bestK < 0 || coarse[k] > coarse[bestK] { bestK = k }
            }
            guard bestK > 0 else { return (0, 0) }
            let centre = first + 2 * bestK
            let below = at(centre - 1), above = at(centre + 1)
            var lag = centre, r = coarse[bestK], left = below, right = above
            if below > r && below >= above {
                lag = centre - 1; left = coarse[bestK - 1]; right = r; r = below
            } else if above > r {
                lag = centre + 1; left = r; right = coarse[bestK + 1]; r = above
            }
            guard lag >= minLag && lag <= maxLag else { return (0, 0) }
            let curvature = left - 2 * r + right
            let peak = curvature < 0 ? r - 0.125 * (left - right) * (left - right) / curvature : r
            return (min(max(peak, r), 1), lag)
        }
    }

    /// How many samples from the window's start `strength` may read: the window, then up to
    /// lag `maxLag + 1` (the coarse pass steps two lags at a time from `minLag - 1`) and one
    /// sample past that lag's window (the sliding energy), so `window + maxLag + 3`; one more
    /// as a margin.
    static func samplesRead(window: Int, maxLag: Int) -> Int { window + maxLag + 4 }

    /// `dot(a, b + 2 * j, n)` for j = 0, 1, 2, 3 in one pass (each summed exactly as `dot` sums it).
    @inline(__always)
    static func dots(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> SIMD4<Float> {
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>(), acc2 = SIMD8<Float>(), acc3 = SIMD8<Float>()
        var i = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        let stride = MemoryLayout<Float>.stride
        while i + 8 <= n {
            let va = ra.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
            acc0 += va * rb.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
            acc1 += va * rb.loadUnaligned(fromByteOffset: (i + 2) * stride, as: SIMD8<Float>.self)
            acc2 += va * rb.loadUnaligned(fromByteOffset: (i + 4) * stride, as: SIMD8<Float>.self)
            acc3 += va * rb.loadUnaligned(fromByteOffset: (i + 6) * stride, as: SIMD8<Float>.self)
            i += 8
        }
        var sum = SIMD4(acc0.sum(), acc1.sum(), acc2.sum(), acc3.sum())
        while i < n {
            sum += a[i] * SIMD4(b[i], b[i + 2], b[i + 4], b[i + 6])
            i += 1
        }
        return sum
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
            acc += va * vb  // not addingProduct: without FMA in the target that is a libm call per lane
            i += 8
        }
        var sum = acc.sum()
        while i < n { sum += a[i] * b[i]; i += 1 }
        return sum
    }
}
