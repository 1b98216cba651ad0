import Foundation
import StilteAnalysis
import Testing
@testable import StilteCore
@testable import StilteStoreSQLite

@Suite("Takes: saving, filtering, correcting, deleting")
struct TakeQueryTests {
    @Test("takes filter by trainee, scenario, since and unreviewed")
    func filters() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let day = Date(timeIntervalSince1970: 1_780_000_000)
        let a1 = try log.saveTake(StoreFixtures.take("anna", scenario: "s1", seconds: 4, at: day)).take
        _ = try log.saveTake(StoreFixtures.take("anna", scenario: "s2", seconds: 3, at: day.addingTimeInterval(86_400)))
        _ = try log.saveTake(StoreFixtures.take("bert", scenario: "s1", seconds: 2, at: day.addingTimeInterval(2 * 86_400)))
        #expect(try log.takes(TakeFilter()).count == 3)
        #expect(try log.takes(TakeFilter(trainee: "anna")).map(\.scenarioId) == ["s1", "s2"])
        #expect(try log.takes(TakeFilter(scenarioId: "s1")).count == 2)
        #expect(try log.takes(TakeFilter(since: day.addingTimeInterval(86_400))).count == 2)
        #expect(try log.takes(TakeFilter(trainee: "nobody")).isEmpty)
        _ = try log.addReview(Review(takeId: a1.id ?? 0, reviewer: "mark", rating: 4))
        #expect(try log.takes(TakeFilter(unreviewedOnly: true)).count == 2)
    }

    @Test("saving a take twice with the same uuid adds it once")
    func idempotentSave() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let take = StoreFixtures.take(seconds: 4)
        #expect(try log.saveTake(take).added)
        #expect(try !log.saveTake(take).added)
        #expect(try log.takes(TakeFilter()).count == 1)
    }

    @Test("the stored analysis round-trips as JSON")
    func analysisRoundTrip() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        var new = StoreFixtures.take(seconds: 3.7)
        new.measurement.analysis?.pause?.events = [PauseEvent(start: 2, end: 2.3, kind: .breath)]
        let saved = try log.saveTake(new).take
        let read = try #require(try log.take(id: saved.id ?? 0))
        #expect(read.analysis == new.measurement.analysis)
        #expect(read.uuid == new.uuid)
        #expect(try log.take(uuid: new.uuid)?.id == saved.id)
    }

    @Test("a trainer's correction wins everywhere; the detected pause is kept; the latest correction counts")
    func correctionWins() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let take = try log.saveTake(StoreFixtures.take(seconds: 2.0)).take  // detected 1.5–3.5: short
        let id = try #require(take.id)
        #expect(take.verdict == .short)
        let now = Date()
        _ = try log.addReview(Review(takeId: id, reviewer: "mark", correctedPause: TimeSpan(start: 1.5, end: 5.0), createdAt: now))
        var read = try #require(try log.take(id: id))
        #expect(read.pauseDuration == 5.0 - 1.5)
        #expect(read.verdict == .onTarget)
        #expect(read.detectedPauseDuration == 2.0)
        #expect(read.detectedVerdict == .short)
        // An older correction arriving later (from a bundle) does not override the newer one.
        _ = try log.addReview(Review(takeId: id, reviewer: "old", correctedPause: TimeSpan(start: 1.5, end: 2.0), createdAt: now.addingTimeInterval(-60)))
        read = try #require(try log.take(id: id))
        #expect(read.correctedPause == TimeSpan(start: 1.5, end: 5.0))
        // A rating alone does not change the pause.
        _ = try log.addReview(Review(takeId: id, reviewer: "mark", rating: 5))
        #expect(try log.take(id: id)?.pauseDuration == 5.0 - 1.5)
        #expect(try log.reviews(takeId: id).count == 3)
    }

    @Test("reviews out of range are refused with one line")
    func badReviews() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let id = try #require(try log.saveTake(StoreFixtures.take(seconds: 2.0)).take.id)
        let rating = #expect(throws: StoreError.self) { try log.addReview(Review(takeId: id, reviewer: "m", rating: 6)) }
        #expect(rating?.code == .invalidInput)
        let span = #expect(throws: StoreError.self) {
            try log.addReview(Review(takeId: id, reviewer: "m", correctedPause: TimeSpan(start: 2, end: 60)))
        }
        #expect(span?.code == .invalidInput)
        let missing = #expect(throws: StoreError.self) { try log.addReview(Review(takeId: 999, reviewer: "m", rating: 3)) }
        #expect(missing?.code == .notFound)
        #expect(try log.reviews(takeId: id).isEmpty)
    }

    @Test("deleting removes the row, its reviews and the recording together")
    func delete() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let relative = "recordings/a.wav"
        try TakeBundle.writePrivately(Data("RIFF".utf8), to: home.url.appendingPathComponent(relative))
        let id = try #require(try log.saveTake(StoreFixtures.take(seconds: 4, recording: relative)).take.id)
        _ = try log.addReview(Review(takeId: id, reviewer: "m", rating: 3))
        try log.deleteTake(id: id)
        #expect(try log.take(id: id) == nil)
        #expect(try log.reviews(takeId: id).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent(relative).path))
        #expect((try? log.deleteTake(id: id)) == nil)
    }

    @Test("a take begun and never finished is recovered from its file on the next start, not while it is recorded")
    func recovery() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let written: Take, empty: Take, finished: Take
        do {
            let log = try SQLiteSessionLog(home: home)
            let session = try log.beginSession(trainee: "anna", devices: "hw:0", appVersion: "0.1.0")
            written = try log.beginTake(TakeDraft(sessionId: session.id ?? 0, scenarioId: "s1", sampleRate: 16_000))
            empty = try log.beginTake(TakeDraft(sessionId: session.id ?? 0, scenarioId: "s1", turn: 2, sampleRate: 16_000))
            finished = try log.beginTake(TakeDraft(sessionId: session.id ?? 0, scenarioId: "s1", turn: 3, sampleRate: 16_000))
            _ = try log.finishTake(finished.id ?? 0, measurement: TakeMeasurement(duration: 6, analysis: StoreFixtures.analysis(seconds: 4)))
            try Data(repeating: 1, count: 1000).write(to: home.url.appendingPathComponent(written.recordingPath))
            // Still recording: not in the log's lists.
            #expect(try log.takes(TakeFilter()).map(\.id) == [finished.id])

            // A reviewer's process opening the log meanwhile leaves takes being recorded alone.
            let reviewer = try SQLiteSessionLog(home: home)
            #expect(try reviewer.recoverInterruptedTakes { _, _ in
                Issue.record("measured a take being recorded")
                return TakeMeasurement(duration: 0, analysis: nil)
            }.isEmpty)
            #expect(try reviewer.take(id: empty.id ?? 0)?.state == .recording)
        }
        // The recorder is gone (its locks with it); the next start recovers.
        let reopened = try SQLiteSessionLog(home: home)
        var measured: [String] = []
        let outcomes = try reopened.recoverInterruptedTakes { take, url in
            measured.append(take.recordingPath)
            #expect(url.path.hasSuffix(take.recordingPath))
            return TakeMeasurement(duration: 5.5, analysis: StoreFixtures.analysis(seconds: 3))
        }
        #expect(Set(outcomes.map(\.outcome)) == [.recovered, .removed])
        #expect(measured == [written.recordingPath])
        let recovered = try #require(try reopened.take(id: written.id ?? 0))
        #expect(recovered.state == .interrupted)
        #expect(recovered.unreliable)
        #expect(recovered.pauseDuration == 3)
        #expect(try reopened.take(id: empty.id ?? 0) == nil)
        #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent(empty.recordingPath).path))
        #expect(try reopened.take(id: finished.id ?? 0)?.state == .complete)
        #expect(try reopened.recoverInterruptedTakes { _, _ in TakeMeasurement(duration: 0, analysis: nil) }.isEmpty)
    }
}
