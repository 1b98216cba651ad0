import Foundation
import StilteAnalysis
import Testing
@testable import StilteCore
@testable import StilteStoreSQLite

@Suite("Min-pause stored per take")
struct MinPauseTests {
    @Test("a take keeps the min-pause it was begun with, and recovery measures with it")
    func recoveryUsesTheTakesMinPause() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let begun: Take
        do {
            let log = try SQLiteSessionLog(home: home)
            let session = try log.beginSession(trainee: "anna", devices: "hw:0", appVersion: "0.1.0")
            begun = try log.beginTake(TakeDraft(sessionId: session.id ?? 0, scenarioId: "s1", sampleRate: 16_000,
                                                target: PauseTarget(seconds: 5, tolerance: 0.5), minPause: 1.2))
            try Data(repeating: 1, count: 1000).write(to: try #require(log.recordingURL(of: begun)))
        }
        let reopened = try SQLiteSessionLog(home: home)
        var seen: [AnalysisParameters] = []
        _ = try reopened.recoverInterruptedTakes { take, _ in
            seen.append(take.parameters)
            return TakeMeasurement(duration: 5, analysis: nil)
        }
        #expect(seen == [AnalysisParameters(target: PauseTarget(seconds: 5, tolerance: 0.5), minPause: 1.2)])
        #expect(try reopened.take(id: begun.id ?? 0)?.minPause == 1.2)
    }

    @Test("an imported take stores its min-pause; one that no analysis could use is refused")
    func savedWithTheTake() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        var new = StoreFixtures.take(seconds: 4)
        new.minPause = 0.9
        let saved = try log.saveTake(new).take
        #expect(try log.take(id: saved.id ?? 0)?.minPause == 0.9)
        var impossible = StoreFixtures.take(seconds: 4)
        impossible.minPause = 3.6  // not below the shortest pause on target, 3.5 s
        #expect(throws: StoreError.self) { try log.saveTake(impossible) }
    }

    @Test("a bundle entry written before min-pause was stored is measured with the default")
    func olderBundles() throws {
        let json = """
            {"uuid":"0a1b2c3d-0000-4000-8000-00000000abcd","trainee":"anna","scenarioId":"s1","turn":1,
             "recording":"recordings/0a1b2c3d-0000-4000-8000-00000000abcd.wav","sampleRate":16000,
             "target":{"seconds":4,"tolerance":0.5},"overruns":0,"unreliable":false,
             "createdAt":"2026-11-01T10:00:00Z","reviews":[]}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let entry = try decoder.decode(TakeBundle.Entry.self, from: Data(json.utf8))
        #expect(entry.minPause == nil)
        #expect(entry.parameters == AnalysisParameters())
    }
}
