import Foundation
import StilteAnalysis

/// A string key for the JSON shapes below, so that the analysis keys can be written into any
/// object (flat in `analyze --json` and `rehearse --json`, nested in a stored take).
public struct JSONKey: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

/// The one JSON shape of an analysis, times rounded to the millisecond: `duration`, `target`
/// (`seconds`, `tolerance`), `segments`, `refusal`, `pause` (`start`, `end`, `duration`, `events`),
/// `verdict`, `silenceAfterLastWord`. `stilte analyze --json` and `rehearse --json` write these
/// keys into their object; a stored take (``TakeJSON``) nests them under `analysis`.
public struct AnalysisJSON: Encodable, Sendable {
    public var analysis: Analysis

    public init(_ analysis: Analysis) { self.analysis = analysis }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try Self.encode(analysis, into: &c)
    }

    /// Writes the analysis keys into `c`.
    public static func encode(_ a: Analysis, into c: inout KeyedEncodingContainer<JSONKey>) throws {
        try c.encode(ms(a.duration), forKey: JSONKey("duration"))
        try c.encode(a.target, forKey: JSONKey("target"))
        try c.encode(a.segments.map(ms), forKey: JSONKey("segments"))
        try c.encode(a.refusal.map(ms), forKey: JSONKey("refusal"))
        try c.encode(a.pause.map(ms), forKey: JSONKey("pause"))
        try c.encode(a.verdict, forKey: JSONKey("verdict"))
        try c.encode(a.silenceAfterLastWord.map(ms), forKey: JSONKey("silenceAfterLastWord"))
    }

    /// Seconds rounded to the millisecond.
    public static func ms(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
    static func ms(_ span: TimeSpan) -> TimeSpan { TimeSpan(start: ms(span.start), end: ms(span.end)) }
    static func ms(_ pause: Pause) -> Pause {
        var out = Pause(start: ms(pause.start), end: ms(pause.end),
                        events: pause.events.map { PauseEvent(start: ms($0.start), end: ms($0.end), kind: $0.kind) })
        out.duration = ms(pause.duration)
        return out
    }
}

extension AnalysisJSON: Decodable {
    /// Reads the keys ``encode(to:)`` writes (and the engine's own `Analysis` keys, a subset).
    public init(from decoder: any Decoder) throws {
        self.init(try Analysis(from: decoder))
    }
}

/// The one JSON shape of a stored take: what `stilte takes --json` and `review show --json`
/// print, and the `take` of the server's `GET /api/takes/ID`. Effective pause and verdict (a
/// trainer's correction wins) beside the detected and corrected pause, the parameters it was
/// measured with, and its analysis (``AnalysisJSON``, nil when it has none).
public struct TakeJSON: Encodable, Sendable {
    public var id: Int64
    public var uuid: String
    public var trainee: String
    public var scenario: String
    public var turn: Int
    public var state: String
    public var createdAt: Date
    /// The recording's name in the home (`recordings/<uuid>.<ext>`).
    public var recording: String
    public var sampleRate: Int
    public var duration: Double?
    public var pauseDuration: Double?
    public var verdict: String?
    public var detectedPause: TimeSpan?
    public var correctedPause: TimeSpan?
    public var targetSeconds: Double
    public var targetTolerance: Double
    public var minPause: Double
    public var reactionTime: Double?
    public var overruns: Int
    public var unreliable: Bool
    /// The detector's analysis; absent when the take has none.
    public var analysis: AnalysisJSON?
    /// The reviews, oldest first, when the caller includes them (`review show --json`).
    public var reviews: [Review]?

    public init(_ take: Take, trainee: String, reviews: [Review]? = nil) {
        id = take.id ?? 0
        uuid = take.uuid.uuidString.lowercased()
        self.trainee = trainee
        scenario = take.scenarioId
        turn = take.turn
        state = take.state.rawValue
        createdAt = take.createdAt
        recording = take.recordingPath
        sampleRate = take.sampleRate
        duration = take.duration
        pauseDuration = take.pauseDuration
        verdict = take.verdict?.rawValue
        detectedPause = take.detectedPause
        correctedPause = take.correctedPause
        targetSeconds = take.targetSeconds
        targetTolerance = take.targetTolerance
        minPause = take.minPause
        reactionTime = take.reactionTime
        overruns = take.overruns
        unreliable = take.unreliable
        analysis = take.analysis.map(AnalysisJSON.init)
        self.reviews = reviews
    }
}
