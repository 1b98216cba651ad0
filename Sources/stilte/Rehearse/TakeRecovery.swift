import Foundation
import StilteAnalysis
import StilteAudio
import StilteCore

/// Finishes takes a previous run left half-done (killed while recording):
/// measures what their recordings hold and marks them interrupted.
enum TakeRecovery {
    /// Recovers every interrupted take in `log`; returns one line per take for the trainee.
    static func run(_ log: any SessionLog) throws -> [String] {
        let recovered = try log.recoverInterruptedTakes { take, url in
            try measure(url, target: PauseTarget(seconds: take.targetSeconds, tolerance: take.targetTolerance))
        }
        return recovered.map { take in
            switch take.outcome {
            case .recovered: "Recovered take \(take.takeId) (\(take.recordingPath)), interrupted in an earlier run: kept, marked unreliable."
            case .unmeasured: "Take \(take.takeId) (\(take.recordingPath)) was interrupted in an earlier run; its recording could not be measured."
            case .removed: "Take \(take.takeId) was interrupted before anything was recorded; removed."
            }
        }
    }

    /// The pause engine over a whole recording, judged against `target`.
    static func measure(_ url: URL, target: PauseTarget) throws -> TakeMeasurement {
        let reader = try SoundFileReader(path: url.path)
        var analyzer = try PauseAnalyzer(sampleRate: reader.sampleRate, channels: reader.channels,
                                         parameters: AnalysisParameters(target: target))
        var block = [Float](repeating: 0, count: 4096 * max(reader.channels, 1))
        while true {
            let frames = try block.withUnsafeMutableBufferPointer { buffer throws(AudioError) in try reader.read(into: buffer) }
            if frames == 0 { break }
            _ = block.withUnsafeBufferPointer { analyzer.process(UnsafeBufferPointer(rebasing: $0[0..<(frames * reader.channels)])) }
        }
        let analysis = analyzer.finish()
        return TakeMeasurement(duration: analysis.duration, analysis: analysis,
                               reactionTime: analysis.segments.first?.start, overruns: 0, unreliable: true)
    }
}
