import Foundation
@testable import StilteAnalysis

/// Deterministic pseudo-random numbers (SplitMix64) for test signals.
struct TestRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0 ..< 1.
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Standard normal (Box-Muller).
    mutating func gaussian() -> Double {
        let u = max(uniform(), 1e-12), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

/// Synthetic answers: a harmonic voice source shaped by formant resonances with
/// onset and decay envelopes, weak fricative endings, breaths, clicks, fillers and noise.
struct SyntheticVoice {
    let rate: Int
    var samples: [Float]
    private var random = TestRandom(seed: 7)

    init(rate: Int, seconds: Double) {
        self.rate = rate
        samples = [Float](repeating: 0, count: Int(seconds * Double(rate)))
    }

    private func index(_ t: Double) -> Int { min(samples.count, max(0, Int((t * Double(rate)).rounded()))) }

    /// A voiced word from `start` to `end` s: harmonics of a gliding f0 under formants
    /// that glide between vowels every 120 ms with a syllable rhythm in the level (or, when
    /// `steady`, one held vowel at a steady pitch: a filler), 15 ms rise, 40 ms decay,
    /// peak amplitude `level`.
    mutating func word(_ start: Double, _ end: Double, f0: Double = 120, level: Double = 0.5,
                       formants: [(Double, Double)] = [(600, 90), (1200, 110), (2500, 160)],
                       steady: Bool = false) {
        let a = index(start), b = index(end), n = b - a
        guard n > 0 else { return }
        let vowels: [[(Double, Double)]] = steady ? [formants] : [
            formants, [(400, 80), (2000, 120), (2700, 170)], [(700, 100), (1100, 110), (2400, 150)],
            [(300, 70), (2200, 120), (2900, 170)],
        ]
        var phase = 0.0
        var peak = 0.0
        var out = [Double](repeating: 0, count: n)
        var gains: [Double] = []
        let update = max(1, rate / 200)
        for i in 0..<n {
            let t = Double(i) / Double(rate)
            let pitch = steady ? f0 : f0 * (1.1 - 0.25 * Double(i) / Double(n)) * (1 + 0.01 * sin(2 * .pi * 5 * t))
            phase += 2 * .pi * pitch / Double(rate)
            let count = Int(min(3800, Double(rate) / 2 - 200) / pitch)
            if i % update == 0 || gains.count < count {
                let position = t / 0.12, k = Int(position) % vowels.count, mix = position - position.rounded(.down)
                let from = vowels[k], to = vowels[(k + 1) % vowels.count]
                gains = (1...max(1, count)).map { h in
                    let f = Double(h) * pitch
                    var g = 0.0
                    for (x, y) in zip(from, to) {
                        let fc = x.0 + (y.0 - x.0) * mix, bw = x.1 + (y.1 - x.1) * mix
                        g += 1 / (1 + ((f - fc) / bw) * ((f - fc) / bw))
                    }
                    return g / Double(h).squareRoot()
                }
            }
            var v = 0.0
            for h in 0..<min(count, gains.count) { v += gains[h] * sin(Double(h + 1) * phase) }
            let rise = min(1, t / 0.015), fall = min(1, (Double(n - i) / Double(rate)) / 0.04)
            let syllable = steady ? 1 : 0.65 + 0.35 * cos(2 * .pi * t / 0.24)
            out[i] = v * rise * fall * syllable
            peak = max(peak, abs(out[i]))
        }
        for i in 0..<n { samples[a + i] += Float(out[i] / peak * level) }
    }

    /// Band-limited noise from `start` to `end` s with a smooth envelope: `centre` Hz,
    /// RMS `level`; a fricative ("s") or, low and long, a breath.
    mutating func hiss(_ start: Double, _ end: Double, centre: Double, level: Double, fadeIn: Double = 0.02) {
        let a = index(start), b = index(end), n = b - a
        guard n > 0 else { return }
        let r = 0.97, w = 2 * Double.pi * centre / Double(rate)
        var y1 = 0.0, y2 = 0.0
        var out = [Double](repeating: 0, count: n)
        var energy = 0.0
        for i in 0..<n {
            let x = random.gaussian()
            let y = x + 2 * r * cos(w) * y1 - r * r * y2
            y2 = y1; y1 = y
            out[i] = y
            energy += y * y
        }
        let rms = (energy / Double(n)).squareRoot()
        for i in 0..<n {
            let t = Double(i) / Double(rate), left = Double(n - i) / Double(rate)
            let envelope = min(1, t / fadeIn) * min(1, left / 0.02)
            samples[a + i] += Float(out[i] / rms * level * envelope)
        }
    }

    /// A chair creak from `start` to `end` s: pulses at irregular 8-35 ms intervals, each
    /// ringing at `resonance` Hz for a few ms (wood), peak about `level`.
    mutating func creak(_ start: Double, _ end: Double, resonance: Double, level: Double) {
        var t = start
        while t < end {
            let a = index(t), amplitude = level * (0.4 + 0.6 * random.uniform())
            for i in 0..<Int(0.02 * Double(rate)) where a + i < index(end) {
                let s = Double(i) / Double(rate)
                samples[a + i] += Float(amplitude * exp(-s / 0.004) * sin(2 * .pi * resonance * s))
            }
            t += 0.008 + 0.027 * random.uniform()
        }
    }

    /// A click at `time`: a 3 ms decaying broadband burst of peak `level`.
    mutating func click(_ time: Double, level: Double = 0.4) {
        let a = index(time), n = Int(0.003 * Double(rate))
        for i in 0..<n where a + i < samples.count {
            samples[a + i] += Float(level * exp(-Double(i) / (0.0007 * Double(rate))) * random.gaussian())
        }
    }

    /// White noise of RMS `level` everywhere.
    mutating func noise(level: Double) {
        for i in samples.indices { samples[i] += Float(level * random.gaussian()) }
    }

    /// White noise of RMS `level` that fades in linearly over the first `fadeIn` seconds (a
    /// fan starting, a gain settling).
    mutating func noise(level: Double, fadeIn: Double) {
        for i in samples.indices {
            let gain = min(1, Double(i) / (fadeIn * Double(rate)))
            samples[i] += Float(level * gain * random.gaussian())
        }
    }

    /// A constant offset plus 50 Hz hum with odd harmonics, of amplitude `hum`.
    mutating func dcAndHum(offset: Double, hum: Double) {
        for i in samples.indices {
            let t = Double(i) / Double(rate)
            let h = sin(2 * .pi * 50 * t) + 0.5 * sin(2 * .pi * 150 * t + 1) + 0.25 * sin(2 * .pi * 250 * t + 2)
            samples[i] += Float(offset + hum * h)
        }
    }

    /// A room: four parallel feedback combs (Schroeder) with a reverberation time of
    /// `seconds` (60 dB decay), mixed in at half the dry level.
    mutating func reverberate(seconds: Double) {
        let delays = [0.0297, 0.0371, 0.0411, 0.0437].map { Int($0 * Double(rate)) }
        var wet = [Float](repeating: 0, count: samples.count)
        for d in delays {
            let g = Float(pow(10, -3 * Double(d) / Double(rate) / seconds))
            var y = [Float](repeating: 0, count: samples.count)
            for i in samples.indices { y[i] = samples[i] + (i >= d ? g * y[i - d] : 0) }
            for i in samples.indices { wet[i] += y[i] * 0.125 * (1 - g) * 4 }
        }
        for i in samples.indices { samples[i] += wet[i] * 0.5 }
    }

    /// Scales to the peak `dBFS`.
    mutating func normalise(peakDB: Double) {
        let peak = samples.reduce(0) { max($0, abs($1)) }
        let gain = Float(pow(10, peakDB / 20)) / peak
        for i in samples.indices { samples[i] *= gain }
    }

    /// The standard answer: refusal (two words with a short gap) at `refusal`, a pause,
    /// then the solution from `solution` to `solution + 1.4` s.
    static func answer(rate: Int, refusal: (Double, Double) = (0.5, 2.0), solution: Double? = 5.0,
                       seconds: Double = 7.0, noise: Double = 0.003) -> SyntheticVoice {
        var voice = SyntheticVoice(rate: rate, seconds: seconds)
        let middle = refusal.0 + (refusal.1 - refusal.0) * 0.45
        voice.word(refusal.0, middle - 0.08)
        voice.word(middle + 0.1, refusal.1, f0: 110)
        if let solution {
            voice.word(solution, solution + 0.6, f0: 130)
            voice.word(solution + 0.7, solution + 1.4, f0: 115, level: 0.4)
        }
        if noise > 0 { voice.noise(level: noise) }
        return voice
    }
}

/// Runs the analyzer over interleaved samples in blocks of `block` frames.
func analyse(_ samples: [Float], rate: Int, channels: Int = 1, block: Int = 4096,
             parameters: AnalysisParameters = AnalysisParameters()) throws -> (Analysis, [(LiveEvent, Double)]) {
    var analyzer = try PauseAnalyzer(sampleRate: rate, channels: channels, parameters: parameters)
    var events: [(LiveEvent, Double)] = []
    let step = block * channels
    var i = 0
    samples.withUnsafeBufferPointer { all in
        while i < all.count {
            let j = min(all.count, i + step)
            for event in analyzer.process(UnsafeBufferPointer(rebasing: all[i..<j])) { events.append((event, analyzer.seconds)) }
            i = j
        }
    }
    return (analyzer.finish(), events)
}
