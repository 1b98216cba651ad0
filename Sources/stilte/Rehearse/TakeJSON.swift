import Foundation
import StilteAnalysis
import StilteCore

/// A rehearsed take as `stilte rehearse --json` prints it: the analysis JSON
/// (as `stilte analyze --json` writes it) plus the scenario, turn, trainee and take.
struct TakeJSON: Encodable {
    var take: Int64?
    var scenario: String
    var turn: Int
    var trainee: String
    var file: String
    var sampleRate: Int
    var answer: RecordedAnswer
    var demo: Bool

    enum Keys: String, CodingKey {
        case take, scenario, turn, trainee, file, sampleRate, channels, duration, target, segments, refusal, pause, verdict
        case reactionTime, overruns, suspends, unreliable, deviceError, stopReason, demo, silenceAfterLastWord
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let analysis = answer.analysis
        try c.encode(take, forKey: .take)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(turn, forKey: .turn)
        try c.encode(trainee, forKey: .trainee)
        try c.encode(file, forKey: .file)
        try c.encode(sampleRate, forKey: .sampleRate)
        try c.encode(1, forKey: .channels)
        try c.encode(Self.rounded(analysis.duration), forKey: .duration)
        try c.encode(analysis.target, forKey: .target)
        try c.encode(analysis.segments.map(Self.rounded), forKey: .segments)
        try c.encode(analysis.refusal.map(Self.rounded), forKey: .refusal)
        try c.encode(analysis.pause.map(Self.rounded), forKey: .pause)
        try c.encode(analysis.verdict, forKey: .verdict)
        try c.encode(analysis.silenceAfterLastWord.map(Self.rounded), forKey: .silenceAfterLastWord)
        try c.encode(answer.reactionTime.map(Self.rounded), forKey: .reactionTime)
        try c.encode(answer.overruns, forKey: .overruns)
        try c.encode(answer.suspends, forKey: .suspends)
        try c.encode(answer.isUnreliable, forKey: .unreliable)
        try c.encode(answer.deviceError?.description, forKey: .deviceError)
        try c.encode(answer.stopReason, forKey: .stopReason)
        try c.encode(demo, forKey: .demo)
    }

    static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
    static func rounded(_ span: TimeSpan) -> TimeSpan { TimeSpan(start: rounded(span.start), end: rounded(span.end)) }
    static func rounded(_ pause: Pause) -> Pause {
        var out = Pause(start: rounded(pause.start), end: rounded(pause.end),
                        events: pause.events.map { PauseEvent(start: rounded($0.start), end: rounded($0.end), kind: $0.kind) })
        out.duration = rounded(pause.duration)
        return out
    }

    /// One object for one take, an array for several; pretty-printed, keys sorted.
    static func render(_ takes: [TakeJSON]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = takes.count == 1 ? try encoder.encode(takes[0]) : try encoder.encode(takes)
        return String(decoding: data, as: UTF8.self)
    }
}
