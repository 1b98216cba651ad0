import Foundation
import StilteAnalysis
import StilteCore
import Testing

/// What every ``SessionLog`` does, run against each store: the embedded SQLite log and the
/// shared PostgreSQL log. A behaviour one store has and the other lacks fails here.
@Suite("Session log behaviour, against every store", .serialized)
struct SessionLogBehaviourTests {
    @Test("PostgreSQL is there to test against", .enabled(if: TestPostgres.url != nil || TestPostgres.required, Comment(rawValue: TestPostgres.absence)))
    func postgresPresent() throws {
        _ = try TestPostgres.serverURL()
    }

    @Test("takes filter by trainee, scenario, since and unreviewed", arguments: StoreKind.available)
    func filters(_ kind: StoreKind) throws {
        let store = try TestLog(kind)
        defer { store.remove() }
        let log = store.log
        let a1 = try log.saveTake(Fixtures.take("anna", scenario: "s1", seconds: 4)).take
        _ = try log.saveTake(Fixtures.take("anna", scenario: "s2", seconds: 3, at: Fixtures.day.addingTimeInterval(86_400)))
        _ = try log.saveTake(Fixtures.take("bert", scenario: "s1", seconds: 2, at: Fixtures.day.addingTimeInterval(2 * 86_400)))
        #expect(try log.takes(TakeFilter()).count == 3)
        #expect(try log.takes(TakeFilter(trainee: "anna")).map(\.scenarioId) == ["s1", "s2"])
        #expect(try log.takes(TakeFilter(scenarioId: "s1")).count == 2)
        #expect(try log.takes(TakeFilter(since: Fixtures.day.addingTimeInterval(86_400))).count == 2)
        #expect(try log.takes(TakeFilter(trainee: "nobody")).isEmpty)
        _ = try log.addReview(Review(takeId: a1.id ?? 0, reviewer: "mark", rating: 4))
        #expect(try log.takes(TakeFilter(unreviewedOnly: true)).count == 2)
        #expect(try log.trainees().map(\.name) == ["anna", "bert"])
        #expect(try log.trainee(id: a1.traineeId)?.name == "anna")
    }

    @Test("a take saved twice with the same uuid is added once; its values read back as saved", arguments: StoreKind.available)
    func idempotentSaveAndRoundTrip(_ kind: StoreKind) throws {
        let store = try TestLog(kind)
        defer { store.remove() }
        var new = Fixtures.take(seconds: 3.7)
        new.measurement.analysis?.pause?.events = [PauseEvent(start: 2, end: 2.3, kind: .breath)]
        new.measurement.reactionTime = 0.8
        new.measurement.overruns = 2
        new.measurement.unreliable = true
        let first = try store.log.saveTake(new)
        #expect(first.added)
        let second = try store.log.saveTake(new)
        #expect(!second.added)
        #expect(second.take.id == first.take.id)
        #expect(try store.log.takes(TakeFilter()).count == 1)
        let read = try #require(try store.log.take(uuid: new.uuid))
        #expect(read == first.take)
        #expect(read.analysis == new.measurement.analysis)
        #expect(read.createdAt == Fixtures.day)
        #expect(try store.log.take(id: (first.take.id ?? 0) + 1000) == nil)
    }

    @Test("the latest correction wins everywhere and the detected pause is kept", arguments: StoreKind.available)
    func correctionWins(_ kind: StoreKind) throws {
        let store = try TestLog(kind)
        defer { store.remove() }
        let log = store.log
        let take = try log.saveTake(Fixtures.take(seconds: 2.0)).take  // detected 1.5–3.5: short
        let id = try #require(take.id)
        #expect(take.verdict == .short)
        _ = try log.addReview(Review(takeId: id, reviewer: "mark", correctedPause: TimeSpan(start: 1.5, end: 5.0), createdAt: Fixtures.day))
        var read = try #require(try log.take(id: id))
        #expect(read.pauseDuration == 3.5)
        #expect(read.verdict == .onTarget)
        #expect(read.detectedPauseDuration == 2.0)
        #expect(read.detectedVerdict == .short)
        // An older correction arriving later (from a bundle) does not override the newer one.
        _ = try log.addReview(Review(takeId: id, reviewer: "old", correctedPause: TimeSpan(start: 1.5, end: 2.0),
                                     createdAt: Fixtures.day.addingTimeInterval(-60)))
        read = try #require(try log.take(id: id))
        #expect(read.correctedPause == TimeSpan(start: 1.5, end: 5.0))
        _ = try log.addReview(Review(takeId: id, reviewer: "mark", rating: 5, createdAt: Fixtures.day.addingTimeInterval(60)))
        #expect(try log.take(id: id)?.pauseDuration == 3.5)
        #expect(try log.reviews(takeId: id).map(\.reviewer) == ["old", "mark", "mark"])
        #expect(try log.reviewCounts() == [id: 3])
        let agreement = try log.agreement()
        #expect(agreement.corrections == 1)
        #expect(agreement.end.median == 1.5)
    }

    @Test("a review twice is added once; bad reviews are refused with one line", arguments: StoreKind.available)
    func reviewRules(_ kind: StoreKind) throws {
        let store = try TestLog(kind)
        defer { store.remove() }
        let log = store.log
        let id = try #require(try log.saveTake(Fixtures.take(seconds: 2.0)).take.id)
        let review = Review(takeId: id, reviewer: "mark", rating: 3, comment: "good", createdAt: Fixtures.day)
        #expect(try log.addReview(review).added)
        #expect(try !log.addReview(review).added)
        #expect(try log.reviews(takeId: id).count == 1)
        for bad in [Review(takeId: id, reviewer: "mark", rating: 7),
                    Review(takeId: id, reviewer: "mark", correctedPause: TimeSpan(start: 4, end: 3)),
                    Review(takeId: id, reviewer: "mark", correctedPause: TimeSpan(start: 1, end: 600))] {
            let error = try #require(throws: StoreError.self) { try log.addReview(bad) }
            #expect(error.code == .invalidInput)
            #expect(!error.message.contains("\n"))
        }
        let missing = try #require(throws: StoreError.self) { try log.addReview(Review(takeId: id + 99, reviewer: "mark", rating: 2)) }
        #expect(missing.code == .notFound)
        #expect(try log.reviews(takeId: id).count == 1)
    }

    @Test("an import is all or nothing", arguments: StoreKind.available)
    func importAllOrNothing(_ kind: StoreKind) throws {
        let store = try TestLog(kind)
        defer { store.remove() }
        let log = store.log
        let good = Fixtures.take("carla", seconds: 4)
        let orphan = ImportBatch.TakeReview(takeUUID: UUID(), review: Review(takeId: 0, reviewer: "mark", rating: 3))
        #expect(throws: StoreError.self) { try log.saveImport(ImportBatch(takes: [good], reviews: [orphan])) }
        #expect(try log.takes(TakeFilter()).isEmpty)
        let review = ImportBatch.TakeReview(takeUUID: good.uuid, review: Review(takeId: 0, reviewer: "mark", rating: 4))
        let outcome = try log.saveImport(ImportBatch(takes: [good], reviews: [review]))
        #expect(outcome.added.count == 1)
        #expect(outcome.reviewsAdded == 1)
        let again = try log.saveImport(ImportBatch(takes: [good], reviews: [review]))
        #expect(again.takesSkipped == 1)
        #expect(again.reviewsAdded == 0)
        #expect(try log.takes(TakeFilter(trainee: "carla")).count == 1)
    }

    @Test("a take being recorded is not listed until finished; its file is private", arguments: StoreKind.available)
    func recordingLifecycle(_ kind: StoreKind) throws {
        let store = try TestLog(kind)
        defer { store.remove() }
        let log = store.log
        let session = try log.beginSession(trainee: "dirk", devices: "capture hw:1", appVersion: "test")
        let begun = try log.beginTake(TakeDraft(sessionId: session.id ?? 0, scenarioId: "s1", sampleRate: 16_000))
        #expect(begun.state == .recording)
        let file = try #require(log.recordingURL(of: begun))
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(PrivateFiles.mode(of: file.path).map { $0 & 0o777 } == 0o600)
        #expect(try log.takes(TakeFilter()).isEmpty)
        // Another process (or server) finds it still locked: not interrupted.
        #expect(try store.reopen().recoverInterruptedTakes { _, _ in TakeMeasurement(duration: 0, analysis: nil) }.isEmpty)
        let analysis = Fixtures.analysis(seconds: 4)
        let finished = try log.finishTake(begun.id ?? 0, measurement: TakeMeasurement(duration: analysis.duration, analysis: analysis))
        #expect(finished.state == .complete)
        #expect(finished.verdict == .onTarget)
        try log.endSession(session.id ?? 0)
        #expect(try log.takes(TakeFilter(trainee: "dirk")).map(\.id) == [begun.id])
        #expect(throws: StoreError.self) { try log.endSession(9_999) }
        #expect(throws: StoreError.self) { try log.beginTake(TakeDraft(sessionId: 9_999, scenarioId: "s1", sampleRate: 16_000)) }
    }

    @Test("deleting a take removes its reviews and its recording", arguments: StoreKind.available)
    func deleteTake(_ kind: StoreKind) throws {
        let store = try TestLog(kind)
        defer { store.remove() }
        let log = store.log
        let take = try log.saveTake(Fixtures.take(seconds: 4)).take
        let id = try #require(take.id)
        let file = try #require(log.recordingURL(of: take))
        try PrivateFiles.write(Data("RIFF".utf8), to: file)
        _ = try log.addReview(Review(takeId: id, reviewer: "mark", rating: 4))
        try log.deleteTake(id: id)
        #expect(try log.take(id: id) == nil)
        #expect(try log.reviews(takeId: id).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let error = try #require(throws: StoreError.self) { try log.deleteTake(id: id) }
        #expect(error.code == .notFound)
    }

    @Test("invalid takes are refused before anything is stored", arguments: StoreKind.available)
    func invalidTakes(_ kind: StoreKind) throws {
        let store = try TestLog(kind)
        defer { store.remove() }
        let log = store.log
        var escaping = Fixtures.take(seconds: 4)
        escaping.recordingPath = "../../etc/passwd"
        var badTurn = Fixtures.take(seconds: 4)
        badTurn.turn = 0
        var controlName = Fixtures.take(seconds: 4)
        controlName.trainee = "anna\u{1B}[2J"
        for bad in [escaping, badTurn, controlName] {
            let error = try #require(throws: StoreError.self) { try log.saveTake(bad) }
            #expect(error.code == .invalidInput)
        }
        #expect(try log.takes(TakeFilter()).isEmpty)
        #expect(try log.trainees().isEmpty)
    }
}
