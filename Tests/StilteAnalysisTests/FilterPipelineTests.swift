import Testing
@testable import StilteAnalysis

@Suite struct FilterPipelineTests {
    private static let rate = 8000.0
    private static let q = Biquad.butterworth4Q
    private static let highPass = (Biquad.highPass(cutoff: 200, q: q.0, sampleRate: rate),
                                   Biquad.highPass(cutoff: 200, q: q.1, sampleRate: rate))
    private static let lowPass = (Biquad.lowPass(cutoff: 1000, q: q.0, sampleRate: rate),
                                  Biquad.lowPass(cutoff: 1000, q: q.1, sampleRate: rate))
    private static let highBand = (Biquad.highPass(cutoff: 1000, q: q.0, sampleRate: rate),
                                   Biquad.highPass(cutoff: 1000, q: q.1, sampleRate: rate))

    /// Noise with stretches of digital silence (where the state flushes matter).
    private static func signal(_ count: Int) -> [Float] {
        var state: UInt32 = 777
        return (0..<count).map { i in
            state = state &* 1_664_525 &+ 1_013_904_223
            let silent = (i / 1000) % 3 == 1
            return silent ? 0 : Float(state >> 8) / Float(1 << 23) - 1
        }
    }

    /// The six sections one after another, flushed every 16 samples, as plain `Biquad`s.
    private static func reference(_ x: [Float]) -> [(Float, Float, Float)] {
        var (h1, h2) = highPass, (l1, l2) = lowPass, (t1, t2) = highBand
        var out: [(Float, Float, Float)] = []
        for (i, sample) in x.enumerated() {
            if i % FilterPipeline.flushInterval == 0 {
                h1.flushTinyState(); h2.flushTinyState(); l1.flushTinyState()
                l2.flushTinyState(); t1.flushTinyState(); t2.flushTinyState()
            }
            let band = h2.process(h1.process(sample))
            out.append((band, l2.process(l1.process(band)), t2.process(t1.process(band))))
        }
        return out
    }

    /// The pipeline gives the sections' outputs bit for bit, however the stream is split.
    @Test(arguments: [[80], [1], [3, 77, 2, 80, 5], [16, 64, 80, 79, 1]])
    func matchesTheSectionsRunOneAfterAnother(chunks: [Int]) {
        let x = Self.signal(6000)
        let expected = Self.reference(x)
        var pipeline = FilterPipeline(highPass: Self.highPass, lowPass: Self.lowPass, highBand: Self.highBand)
        var got: [(Float, Float, Float)] = []
        var start = 0, k = 0
        x.withUnsafeBufferPointer { all in
            while start < all.count {
                let n = min(chunks[k % chunks.count], all.count - start)
                pipeline.run(UnsafeBufferPointer(rebasing: all[start..<(start + n)]), first: start)
                pipeline.forEach(0..<n) { got.append(($0, $1, $2)) }
                start += n
                k += 1
            }
        }
        #expect(got.count == expected.count)
        let mismatches = zip(got, expected).filter { g, e in g.0 != e.0 || g.1 != e.1 || g.2 != e.2 }
        #expect(mismatches.isEmpty)
    }
}
