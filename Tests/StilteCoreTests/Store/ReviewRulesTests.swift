import Foundation
import StilteAnalysis
import Testing
@testable import StilteCore
@testable import StilteStoreSQLite

@Suite("Review rules")
struct ReviewRulesTests {
    private let take = Take(id: 3, traineeId: 1, scenarioId: "s1", recordingPath: "recordings/a.wav", sampleRate: 16_000, duration: 8)

    @Test("ratings 1 to 5 are accepted, 0 and 6 refused, whatever the store", arguments: [0, 1, 5, 6])
    func ratingRange(_ rating: Int) {
        let problem = Review(takeId: 3, reviewer: "marit", rating: rating).problem(on: take)
        #expect((problem == nil) == (1...5).contains(rating))
    }

    @Test("a corrected pause must lie inside its take and end after it starts",
          arguments: [(1.0, 5.0, true), (0.0, 8.0, true), (1.0, 8.0005, true), (1.0, 8.2, false), (-0.1, 2.0, false), (3.0, 3.0, false), (4.0, 2.0, false)])
    func correctionInsideTake(_ start: Double, _ end: Double, _ accepted: Bool) {
        let review = Review(takeId: 3, reviewer: "marit", correctedPause: TimeSpan(start: start, end: end))
        #expect((review.problem(on: take) == nil) == accepted)
    }

    @Test("the latest correction counts, whatever order the reviews arrive in; reviews without one do not count")
    func latestCorrectionWins() {
        let day = Date(timeIntervalSince1970: 1_800_000_000)
        let early = Review(id: 9, takeId: 3, reviewer: "a", correctedPause: TimeSpan(start: 1, end: 3), createdAt: day)
        let late = Review(id: 2, takeId: 3, reviewer: "b", correctedPause: TimeSpan(start: 1, end: 5), createdAt: day.addingTimeInterval(60))
        let comment = Review(id: 10, takeId: 3, reviewer: "c", comment: "good", createdAt: day.addingTimeInterval(120))
        #expect(Review.effectiveCorrection(among: [early, late, comment]) == TimeSpan(start: 1, end: 5))
        #expect(Review.effectiveCorrection(among: [comment, late, early]) == TimeSpan(start: 1, end: 5))
        // Same instant: the one stored last (higher id) counts.
        let twin = Review(id: 11, takeId: 3, reviewer: "d", correctedPause: TimeSpan(start: 2, end: 6), createdAt: late.createdAt)
        #expect(Review.effectiveCorrection(among: [twin, late]) == TimeSpan(start: 2, end: 6))
        #expect(Review.effectiveCorrection(among: [comment]) == nil)
    }

    @Test("the SQLite log applies the same rules: an older correction imported later does not win")
    func storeAppliesRules() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let stored = try log.saveTake(StoreFixtures.take(seconds: 2)).take
        let id = try #require(stored.id)
        let now = Date()
        _ = try log.addReview(Review(takeId: id, reviewer: "b", correctedPause: TimeSpan(start: 1.5, end: 5.5), createdAt: now))
        _ = try log.addReview(Review(takeId: id, reviewer: "a", correctedPause: TimeSpan(start: 1.5, end: 2.5), createdAt: now.addingTimeInterval(-3600)))
        #expect(try log.take(id: id)?.correctedPause == TimeSpan(start: 1.5, end: 5.5))
        #expect(throws: StoreError.self) {
            try log.addReview(Review(takeId: id, reviewer: "a", correctedPause: TimeSpan(start: 1, end: 99)))
        }
        #expect(throws: StoreError.self) { try log.addReview(Review(takeId: id, reviewer: "a", rating: 6)) }
    }
}
