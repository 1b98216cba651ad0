import Foundation
import Testing
@testable import StilteAnalysis

/// The band above the analysis band (from 4 kHz: sibilants) that the resampler hands on
/// beside its 8 kHz output, as energy per output sample.
@Suite struct ResamplerTopBandTests {
    /// Mean square of the top band for a sine of amplitude 0.5 at `hz`, sampled at `rate`,
    /// relative to the sine's own power, dB (steady state).
    private static func topDb(hz: Double, rate: Int) -> Double {
        var resampler = Resampler(inputRate: rate, outputRate: 8000)
        let x = (0..<rate).map { Float(0.5 * sin(2 * Double.pi * hz * Double($0) / Double(rate))) }
        var output = ContiguousArray<Float>(), top = ContiguousArray<Float>()
        x.withUnsafeBufferPointer { resampler.process($0, into: &output, top: &top) }
        #expect(top.count == output.count)
        let steady = top.dropFirst(400)
        let power = steady.map { Double($0 * $0) }.reduce(0, +) / Double(steady.count)
        return 10 * log10(power / 0.125 + 1e-30)
    }

    /// A sibilant's 6 kHz is in the top band at every rate that has it (less the box-car's
    /// droop at 44.1 and 48 kHz), a vowel's 1 kHz is not.
    @Test(arguments: [16000, 22050, 32000, 44100, 48000])
    func theTopBandHoldsTheSibilantsNotTheVoice(rate: Int) {
        #expect(abs(Self.topDb(hz: 6000, rate: rate)) < 3, "6 kHz at \(rate) Hz")
        #expect(Self.topDb(hz: 1000, rate: rate) < -30, "1 kHz at \(rate) Hz")
    }

    /// At the analysis rate itself there is nothing above the band: the top band is silent.
    @Test func eightKilohertzInputHasNoTopBand() {
        #expect(Self.topDb(hz: 3000, rate: 8000) < -200)
    }
}
