import Foundation
import StilteAnalysis
import StilteCore

/// A rehearsed take as `stilte rehearse --json` prints it: the analysis keys
/// (``AnalysisJSON``, as `stilte analyze --json` writes them) plus the scenario, turn, trainee,
/// take and what only a live take has (stop reason, device error, suspends).
public struct RehearsalJSON: Encodable {
    var take: Int64?
    var scenario: String
    var turn: Int
    var trainee: String
    var file: String
    var sampleRate: Int
    var answer: RecordedAnswer
    var demo: Bool

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(take, forKey: JSONKey("take"))
        try c.encode(scenario, forKey: JSONKey("scenario"))
        try c.encode(turn, forKey: JSONKey("turn"))
        try c.encode(trainee, forKey: JSONKey("trainee"))
        try c.encode(file, forKey: JSONKey("file"))
        try c.encode(sampleRate, forKey: JSONKey("sampleRate"))
        try c.encode(1, forKey: JSONKey("channels"))
        try AnalysisJSON.encode(answer.analysis, into: &c)
        try c.encode(answer.reactionTime.map(AnalysisJSON.ms), forKey: JSONKey("reactionTime"))
        try c.encode(answer.overruns, forKey: JSONKey("overruns"))
        try c.encode(answer.suspends, forKey: JSONKey("suspends"))
        try c.encode(answer.isUnreliable, forKey: JSONKey("unreliable"))
        try c.encode(answer.deviceError?.description, forKey: JSONKey("deviceError"))
        try c.encode(answer.stopReason, forKey: JSONKey("stopReason"))
        try c.encode(demo, forKey: JSONKey("demo"))
    }

    /// One object for one take, an array for several; pretty-printed, keys sorted.
    public static func render(_ takes: [RehearsalJSON]) throws -> String {
        let encoder = JSONOutput.encoder()
        let data = takes.count == 1 ? try encoder.encode(takes[0]) : try encoder.encode(takes)
        return String(decoding: data, as: UTF8.self)
    }
}
