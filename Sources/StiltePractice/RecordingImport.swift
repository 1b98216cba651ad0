import Foundation
import StilteAnalysis
import StilteCore

/// Importing recordings made elsewhere: every file is analysed before anything is
/// added; the log keeps a private (0600) copy of each.
public struct RecordingImport {
    /// Whose recordings these are.
    public var trainee: String
    /// The scenario id they answer.
    public var scenarioId: String
    /// The scenario turn they answer (1-based).
    public var turn: Int
    /// The pause the takes are judged against.
    public var target: PauseTarget

    public init(trainee: String, scenarioId: String, turn: Int, target: PauseTarget) {
        self.trainee = trainee
        self.scenarioId = scenarioId
        self.turn = turn
        self.target = target
    }

    /// The target of `turn` in `scenario`, or the default when the scenario or turn is unknown.
    public static func target(of scenario: Scenario?, turn: Int) -> PauseTarget {
        scenario.flatMap { $0.turns.indices.contains(turn - 1) ? $0.turns[turn - 1].target : nil } ?? PauseTarget()
    }

    /// Analyses every file in `paths`; throws on the first that cannot be analysed, before anything is added.
    public func analyse(_ paths: [String]) throws(FileAnalysisError) -> [FileAnalysis] {
        var results: [FileAnalysis] = []
        for path in paths { results.append(try FileAnalysis.run(path: path, parameters: AnalysisParameters(target: target))) }
        return results
    }

    /// Copies the analysed file into the log's recordings (0600) and saves its take.
    public func add(_ result: FileAnalysis, to log: any SessionLog) throws -> Take? {
        let uuid = UUID()
        let ext = URL(fileURLWithPath: result.path).pathExtension.lowercased()
        let relative = "recordings/\(uuid.uuidString.lowercased())\(ext.isEmpty ? "" : "." + ext)"
        guard let destination = log.home.resolve(relative) else { return nil }
        try TakeBundle.copyPrivately(URL(fileURLWithPath: result.path), to: destination)
        let modified = (try? FileManager.default.attributesOfItem(atPath: result.path)[.modificationDate] as? Date) ?? Date()
        return try log.saveTake(NewTake(
            uuid: uuid, trainee: trainee, scenarioId: scenarioId, turn: turn, recordingPath: relative,
            sampleRate: result.sampleRate, target: target,
            measurement: TakeMeasurement(duration: result.analysis.duration, analysis: result.analysis),
            createdAt: modified)).take
    }
}
