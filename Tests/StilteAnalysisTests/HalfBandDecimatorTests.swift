import Foundation
import Testing
@testable import StilteAnalysis

@Suite struct HalfBandDecimatorTests {
    /// Deterministic noise in -1 ... 1.
    private static func noise(_ count: Int) -> [Float] {
        var state: UInt32 = 12345
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return Float(state >> 8) / Float(1 << 23) - 1
        }
    }

    private static func decimate(_ input: [Float], chunks: [Int]) -> [Float] {
        decimateWithTop(input, chunks: chunks).output
    }

    /// The decimated output and the band it removes (`top`), at the same instants.
    private static func decimateWithTop(_ input: [Float], chunks: [Int]) -> (output: [Float], top: [Float]) {
        var decimator = HalfBandDecimator()
        var output = ContiguousArray<Float>(), top = ContiguousArray<Float>()
        var start = 0, k = 0
        input.withUnsafeBufferPointer { all in
            while start < all.count {
                let n = min(chunks[k % chunks.count], all.count - start)
                decimator.process(UnsafeBufferPointer(rebasing: all[start..<(start + n)]), into: &output, top: &top)
                start += n
                k += 1
            }
        }
        return (Array(output), Array(top))
    }

    /// The removed band is the even input sample minus the output: with the output it gives
    /// back the input at the output instants, so nothing between the two is lost.
    @Test func theTopBandIsWhatTheFilterRemoves() {
        let x = Self.noise(5001)
        let (y, top) = Self.decimateWithTop(x, chunks: [3, 1, 2047])
        #expect(top.count == y.count)
        for k in y.indices { #expect(abs(y[k] + top[k] - x[2 * k]) <= 1e-6, "output \(k)") }
    }

    /// RMS of the top band of a 16 kHz sine, dB re the sine (steady state): speech-band
    /// tones stay out of it, a sibilant's 6 kHz is in it.
    private static func topGainDb(hz: Double) -> Double {
        let x = (0..<16000).map { Float(sin(2 * Double.pi * hz * Double($0) / 16000)) }
        let top = decimateWithTop(x, chunks: [4096]).top.dropFirst(100)
        let rms = (top.map { Double($0 * $0) }.reduce(0, +) / Double(top.count)).squareRoot()
        return 20 * log10(rms / 0.5.squareRoot())
    }

    @Test func theTopBandHoldsFourToEightKilohertz() {
        #expect(Self.topGainDb(hz: 1000) < -40)
        #expect(Self.topGainDb(hz: 2500) < -20)
        #expect(abs(Self.topGainDb(hz: 6000)) < 1)
    }

    /// Output k is the filter centred on input 2k, zeros before the start, once input 2k + 13 is in.
    @Test func matchesTheFilterWrittenOut() {
        let x = Self.noise(5001)
        let y = Self.decimate(x, chunks: [5001])
        #expect(y.count == (x.count - 13 + 1) / 2)
        func at(_ i: Int) -> Float { i >= 0 ? x[i] : 0 }
        for k in y.indices {
            var expected = HalfBandDecimator.centre * at(2 * k)
            for (j, tap) in HalfBandDecimator.taps.enumerated() {
                expected += tap * (at(2 * k - 2 * j - 1) + at(2 * k + 2 * j + 1))
            }
            #expect(abs(y[k] - expected) <= 1e-5, "output \(k)")
        }
    }

    /// Any split of the input, odd lengths included, gives the very same samples.
    @Test(arguments: [[1], [3, 1, 7], [2047, 2, 5000], [4096]])
    func givesTheSameOutputForAnyBlockSize(chunks: [Int]) {
        let x = Self.noise(9999)
        #expect(Self.decimate(x, chunks: chunks) == Self.decimate(x, chunks: [x.count]))
    }

    /// Gain of a 16 kHz sine through the decimator, dB (steady state).
    private static func gainDb(hz: Double) -> Double {
        let x = (0..<16000).map { Float(sin(2 * Double.pi * hz * Double($0) / 16000)) }
        let y = decimate(x, chunks: [4096]).dropFirst(100)
        let rms = (y.map { Double($0 * $0) }.reduce(0, +) / Double(y.count)).squareRoot()
        return 20 * log10(rms / 0.5.squareRoot())
    }

    /// The speech band passes unchanged; what would alias into it (above 5 kHz) is cut.
    @Test func passesTheSpeechBandAndRejectsAliases() {
        for hz in [100.0, 1000.0, 2500.0] { #expect(abs(Self.gainDb(hz: hz)) < 0.1, "\(hz) Hz") }
        #expect(abs(Self.gainDb(hz: 3990) + 6) < 0.5)  // -6 dB at the output Nyquist frequency
        for hz in [5000.0, 6000.0, 7500.0] { #expect(Self.gainDb(hz: hz) < -30, "\(hz) Hz") }
    }
}
