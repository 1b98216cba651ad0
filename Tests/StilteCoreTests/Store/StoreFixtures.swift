import Foundation
import StilteAnalysis
@testable import StilteCore

/// Temporary Stilte homes and takes for the store tests.
enum StoreFixtures {
    /// A fresh, not yet existing home under the temporary directory.
    static func home() -> StilteHome {
        StilteHome(url: FileManager.default.temporaryDirectory
            .appendingPathComponent("stilte-store-\(UUID().uuidString)", isDirectory: true))
    }

    /// An analysis whose pause runs from `start` for `seconds`.
    static func analysis(pauseStart start: Double = 1.5, seconds: Double, target: PauseTarget = PauseTarget()) -> Analysis {
        let end = start + seconds
        return Analysis(duration: end + 2, target: target,
                        segments: [TimeSpan(start: 0.2, end: start), TimeSpan(start: end, end: end + 1.5)],
                        refusal: TimeSpan(start: 0.2, end: start), pause: Pause(start: start, end: end),
                        verdict: target.verdict(for: seconds))
    }

    /// A complete take of `trainee` on `scenario` with a pause of `seconds` (nil: no pause).
    static func take(_ trainee: String = "anna", scenario: String = "s1", seconds: Double?, at date: Date = Date(),
                     recording: String? = nil) -> NewTake {
        let analysis = seconds.map { self.analysis(seconds: $0) }
            ?? Analysis(duration: 3, target: PauseTarget(), segments: [TimeSpan(start: 0.2, end: 3)],
                        refusal: nil, pause: nil, verdict: .noPause)
        return NewTake(trainee: trainee, scenarioId: scenario, recordingPath: recording ?? "recordings/\(UUID().uuidString).wav",
                       sampleRate: 16_000, measurement: TakeMeasurement(duration: analysis.duration, analysis: analysis),
                       createdAt: date)
    }

    static func bytes(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }
}

extension StoreFixtures {
    /// Removes a temporary home.
    static func remove(_ home: StilteHome) {
        try? FileManager.default.removeItem(at: home.url)
    }
}
