/// Streams audio down by exactly two (16 kHz to the 8 kHz analysis rate) through a
/// linear-phase half-band FIR, evaluated only at the kept samples.
///
/// Output k is the filter centred on input 2k (inputs before the first count as 0), made
/// once input 2k + 13 is in. A half-band filter's even taps are zero apart from the centre,
/// so the input is split into its even and odd samples: output k is the centre tap times
/// even sample k plus a symmetric 14-tap filter over the odd samples, computed eight
/// outputs at a time on contiguous memory (about 8 operations per input sample).
struct HalfBandDecimator {
    /// The centre tap and the taps at odd offsets 1, 3, ... 13 (Blackman-windowed sinc,
    /// unity gain at DC); -6 dB at the output Nyquist frequency, below -30 dB from 1.25 times it.
    static let centre: Float = 0.500_045_3
    static let taps: [Float] = [
        0.311_825_98, -0.087_937_62, 0.037_376_96, -0.015_462_17, 0.005_418_09, -0.001_356_87, 0.000_112_97,
    ]
    /// Odd samples kept before the next output's (it needs odd samples k - 7 ... k + 6).
    private static let before = 7
    private static let after = 6
    /// Input samples handled per pass, so the buffers stay small whatever the input length.
    private static let passInput = 2048

    /// Odd samples from `odd(next - before)` on; even samples from `even(next)` on.
    private var odd: ContiguousArray<Float>
    private var even: ContiguousArray<Float>
    private var oddCount = 0
    private var evenCount = 0
    /// Input samples seen (their parity tells even from odd).
    private var inputCount = 0
    /// Index of the next output.
    private var next = 0

    init() {
        let capacity = Self.passInput / 2 + Self.before + Self.after + 2
        odd = ContiguousArray(repeating: 0, count: capacity)
        even = ContiguousArray(repeating: 0, count: capacity)
        oddCount = Self.before  // the zeros before the first input
    }

    /// Decimates `input` and appends the outputs it completes to `output`, and to `top` the
    /// rest of the input at the same instants (the even input sample minus the output: the
    /// band the filter removes, about 4 to 8 kHz at 16 kHz in, folded down to the output rate).
    mutating func process(_ input: UnsafeBufferPointer<Float>, into output: inout ContiguousArray<Float>,
                          top: inout ContiguousArray<Float>) {
        var start = 0
        while start < input.count {
            let n = min(Self.passInput, input.count - start)
            split(UnsafeBufferPointer(rebasing: input[start..<(start + n)]))
            filter(into: &output, top: &top)
            start += n
        }
    }

    /// Appends each sample to the even or the odd stream.
    private mutating func split(_ input: UnsafeBufferPointer<Float>) {
        var o = oddCount, e = evenCount, i = 0
        odd.withUnsafeMutableBufferPointer { odd in
            even.withUnsafeMutableBufferPointer { even in
                if inputCount & 1 == 1, i < input.count {
                    odd[o] = input[i]; o += 1; i += 1
                }
                if let x = input.baseAddress, let ev = even.baseAddress, let od = odd.baseAddress {
                    while i + 8 <= input.count {
                        let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(ev + e).storeBytes(of: SIMD4(v[0], v[2], v[4], v[6]), as: SIMD4<Float>.self)
                        UnsafeMutableRawPointer(od + o).storeBytes(of: SIMD4(v[1], v[3], v[5], v[7]), as: SIMD4<Float>.self)
                        e += 4; o += 4; i += 8
                    }
                }
                while i + 1 < input.count {
                    even[e] = input[i]; odd[o] = input[i + 1]
                    e += 1; o += 1; i += 2
                }
                if i < input.count { even[e] = input[i]; e += 1 }
            }
        }
        inputCount += input.count
        oddCount = o
        evenCount = e
    }

    /// Makes every output whose last odd sample is in, then drops what no later output needs.
    private mutating func filter(into output: inout ContiguousArray<Float>, top: inout ContiguousArray<Float>) {
        // Buffer index r holds even(next + r) and odd(next - before + r).
        let count = oddCount - Self.before - Self.after
        guard count > 0 else { return }
        let c = Self.centre, h = Self.taps
        let (h1, h3, h5, h7, h9, h11, h13) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6])
        let old = output.count, oldTop = top.count
        output.append(contentsOf: repeatElement(0, count: count))
        top.append(contentsOf: repeatElement(0, count: count))
        odd.withUnsafeBufferPointer { oddBuffer in
            even.withUnsafeBufferPointer { evenBuffer in
                output.withUnsafeMutableBufferPointer { out in top.withUnsafeMutableBufferPointer { rest in
                    guard let ob = oddBuffer.baseAddress, let e = evenBuffer.baseAddress,
                          let y = out.baseAddress.map({ $0 + old }), let t = rest.baseAddress.map({ $0 + oldTop }) else { return }
                    // q[d] = odd(k + d) for output k = next + r at q = ob + before + r.
                    var r = 0
                    while r + 8 <= count {
                        let q = UnsafeRawPointer(ob + Self.before + r)
                        @inline(__always) func o(_ d: Int) -> SIMD8<Float> {
                            q.loadUnaligned(fromByteOffset: d * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                        }
                        let m0 = UnsafeRawPointer(e + r).loadUnaligned(as: SIMD8<Float>.self)
                        var v = c * m0 + h1 * (o(-1) + o(0)) + h3 * (o(-2) + o(1)) + h5 * (o(-3) + o(2))
                        v += h7 * (o(-4) + o(3)) + h9 * (o(-5) + o(4)) + h11 * (o(-6) + o(5)) + h13 * (o(-7) + o(6))
                        UnsafeMutableRawPointer(y + r).storeBytes(of: v, as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(t + r).storeBytes(of: m0 - v, as: SIMD8<Float>.self)
                        r += 8
                    }
                    while r < count {
                        let q = ob + Self.before + r
                        var v = c * e[r] + h1 * (q[-1] + q[0]) + h3 * (q[-2] + q[1]) + h5 * (q[-3] + q[2])
                        v += h7 * (q[-4] + q[3]) + h9 * (q[-5] + q[4]) + h11 * (q[-6] + q[5]) + h13 * (q[-7] + q[6])
                        y[r] = v
                        t[r] = e[r] - v
                        r += 1
                    }
                } }
            }
        }
        next += count
        // Keep odd(next - before ...) and even(next ...): shift both down by `count`.
        Self.dropFirst(count, of: &odd, keeping: oddCount - count)
        Self.dropFirst(count, of: &even, keeping: evenCount - count)
        oddCount -= count
        evenCount -= count
    }

    /// Moves the `kept` elements after the first `n` to the front (the ranges may overlap).
    private static func dropFirst(_ n: Int, of buffer: inout ContiguousArray<Float>, keeping kept: Int) {
        guard kept > 0 else { return }
        buffer.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return }
            UnsafeMutableRawPointer(base).copyMemory(from: base + n, byteCount: kept * MemoryLayout<Float>.stride)
        }
    }
}
