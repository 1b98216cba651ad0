import Testing
@testable import StilteAnalysis

/// How soon the live stream reports the end of the refusal, fed in 10 ms blocks as a
/// capture delivers it, over endings that make the offline decision wait for evidence.
@Suite struct LiveReportDelayTests {
    /// One utterance: a name for messages and the signal.
    struct Take: CustomStringConvertible {
        var description: String
        var samples: [Float]
    }

    static func takes() -> [Take] {
        var takes: [Take] = []
        func refusal(ending: (inout SyntheticVoice) -> Void, noise: Double = 0.003, peakDB: Double? = nil,
                     reverb: Double? = nil, hum: Bool = false, name: String) {
            var voice = SyntheticVoice(rate: 16000, seconds: 5.0)
            voice.word(0.5, 1.1)
            voice.word(1.25, 1.9, f0: 110)
            ending(&voice)
            voice.word(3.6, 4.3, f0: 130)
            if let reverb { voice.reverberate(seconds: reverb) }
            if hum { voice.dcAndHum(offset: 0.05, hum: 0.02) }
            if noise > 0 { voice.noise(level: noise) }
            if let peakDB { voice.normalise(peakDB: peakDB) }
            takes.append(Take(description: name, samples: voice.samples))
        }
        let vowel: (inout SyntheticVoice) -> Void = { _ in }
        let fricative: (inout SyntheticVoice) -> Void = { $0.hiss(1.9, 2.05, centre: 3000, level: 0.02, fadeIn: 0.005) }
        let release: (inout SyntheticVoice) -> Void = { $0.hiss(1.94, 1.955, centre: 1800, level: 0.02, fadeIn: 0.002) }
        let breathy: (inout SyntheticVoice) -> Void = { $0.hiss(1.88, 2.0, centre: 1200, level: 0.01, fadeIn: 0.02) }
        for (name, ending) in [("vowel", vowel), ("fricative", fricative), ("stop release", release), ("breathy", breathy)] {
            refusal(ending: ending, name: "\(name), quiet room")
            refusal(ending: ending, noise: 0.01, name: "\(name), noise")
            refusal(ending: ending, noise: 0.02, name: "\(name), loud noise")
            refusal(ending: ending, noise: 0.0003, peakDB: -35, name: "\(name), -35 dBFS")
            refusal(ending: ending, noise: 0.00001, peakDB: -1, name: "\(name), near clipping, digital quiet")
            refusal(ending: ending, noise: 0.002, reverb: 0.4, name: "\(name), reverberant room")
            refusal(ending: ending, hum: true, name: "\(name), DC and hum")
        }
        return takes
    }

    @Test func reportsTheEndOfTheRefusalWithin100msOfAudio() throws {
        var worst = (delay: -1.0, take: "")
        for take in Self.takes() {
            let (analysis, events) = try analyse(take.samples, rate: 16000, block: 160)
            let end = try #require(analysis.refusal?.end, "\(take)")
            // The counter runs from the first silence reported after the last speech of the refusal.
            let lastSpeech = events.lastIndex { if case .speechStarted(let t) = $0.0 { return t < end } else { return false } }
            let from = (lastSpeech ?? -1) + 1
            let firstSilence = try #require(events[from...].first { if case .silenceStarted = $0.0 { return true } else { return false } },
                                            "\(take): no silence reported")
            let delay = firstSilence.1 - end
            if delay > worst.delay { worst = (delay, take.description) }
            #expect(delay <= 0.1, "\(take): reported \(Int(delay * 1000)) ms of audio after the end")
            if case .silenceStarted(let at) = firstSilence.0 {
                #expect(abs(at - end) <= 0.15, "\(take): first report at \(at), the refusal ends at \(end)")
            }
            // The counter finally counts from exactly the measured end of the refusal, and a
            // start more than 100 ms off (the live screen's budget) is corrected within 150 ms of audio.
            let refusalEnded = try #require(events.firstIndex { if case .refusalEnded = $0.0 { return true } else { return false } })
            let reports = events[from..<refusalEnded]
            for (k, report) in zip(reports.indices, reports) {
                guard case .silenceStarted(let at) = report.0, abs(at - end) > 0.1 else { continue }
                let corrected = events[(k + 1)...].first { if case .silenceStarted = $0.0 { return true } else { return false } }
                let wrongFor = (corrected?.1 ?? .infinity) - report.1
                #expect(wrongFor <= 0.15, "\(take): counted from \(at) instead of \(end) for \(Int(wrongFor * 1000)) ms")
            }
            let lastSilence = events[..<refusalEnded].last { if case .silenceStarted = $0.0 { return true } else { return false } }
            #expect(lastSilence?.0 == .silenceStarted(at: end), "\(take)")
            #expect(events[refusalEnded].0 == .refusalEnded(at: end), "\(take)")
        }
        print("worst live report delay \(Int(worst.delay * 1000)) ms: \(worst.take)")
    }
}
