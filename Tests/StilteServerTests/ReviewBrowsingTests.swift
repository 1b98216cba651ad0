import XCTest
import StilteAnalysis
import StilteCore
import StilteStoreSQLite

/// The lean overview queries of ``ReviewBrowsing`` against the SQLite log.
final class ReviewBrowsingTests: XCTestCase {
    private var directory: URL!
    private var log: SQLiteSessionLog!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-browsing-\(UUID().uuidString)")
        log = try SQLiteSessionLog(home: StilteHome(url: directory))
    }

    override func tearDownWithError() throws {
        log = nil
        try? FileManager.default.removeItem(at: directory)
    }

    /// A take of `trainee` with a pause of `pause` seconds (nil: none), `minutes` after a fixed start.
    @discardableResult
    private func take(_ trainee: String, pause: Double?, scenario: String = "s1", minutes: Double) throws -> Take {
        let analysis = Analysis(duration: 12, target: PauseTarget(), segments: [TimeSpan(start: 0.5, end: 1.5)],
                                refusal: TimeSpan(start: 0.5, end: 1.5),
                                pause: pause.map { Pause(start: 1.5, end: 1.5 + $0) },
                                verdict: pause.map { PauseTarget().verdict(for: $0) } ?? .noPause)
        return try log.saveTake(NewTake(trainee: trainee, scenarioId: scenario, recordingPath: "recordings/\(UUID().uuidString).wav",
                                        sampleRate: 16_000, measurement: TakeMeasurement(duration: 12, analysis: analysis),
                                        createdAt: Date(timeIntervalSince1970: 1_767_225_600 + minutes * 60))).take
    }

    func testOverviewCountsMedianTrendAndUnreviewed() throws {
        try take("bram", pause: 2.0, minutes: 0)
        let reviewed = try take("bram", pause: 4.0, minutes: 1)
        try take("bram", pause: 5.0, minutes: 2)
        try take("bram", pause: nil, minutes: 3)
        try take("anna", pause: 4.2, minutes: 4)
        _ = try log.addReview(Review(takeId: reviewed.id ?? 0, reviewer: "marit", rating: 4))
        _ = try log.addReview(Review(takeId: reviewed.id ?? 0, reviewer: "marit", comment: "twice"))

        let overviews = try log.traineeOverviews()
        XCTAssertEqual(overviews.map(\.name), ["anna", "bram"])
        let bram = try XCTUnwrap(overviews.last)
        XCTAssertEqual(bram.takes, 4)
        XCTAssertEqual(bram.measured, 3)
        XCTAssertEqual(bram.onTarget, 1)
        XCTAssertEqual(bram.unreviewed, 3, "two reviews of one take leave three unreviewed")
        XCTAssertEqual(bram.medianPause, 4.0)
        XCTAssertEqual(bram.recentPauses, [2.0, 4.0, 5.0, nil], "oldest first")
        XCTAssertEqual(bram.lastPractice, Date(timeIntervalSince1970: 1_767_225_600 + 180))
    }

    func testSummariesFilterAndPage() throws {
        for minute in 0..<5 { try take("bram", pause: Double(minute) + 2, scenario: minute.isMultiple(of: 2) ? "s1" : "s2", minutes: Double(minute)) }
        let trainee: Int64 = try XCTUnwrap(log.trainees().first?.id)
        let newest = try XCTUnwrap(log.takeSummaries(TakeListQuery(traineeId: trainee)).takes.first)
        _ = try log.addReview(Review(takeId: newest.id, reviewer: "marit", correctedPause: TimeSpan(start: 1.5, end: 5.5)))

        let all = try log.takeSummaries(TakeListQuery(traineeId: trainee))
        XCTAssertEqual(all.total, 5)
        XCTAssertEqual(all.takes.map(\.pauseDuration), [4.0, 5.0, 4.0, 3.0, 2.0], "newest first, the correction counts")
        XCTAssertTrue(all.takes[0].corrected)
        XCTAssertEqual(all.takes[0].reviews, 1)
        XCTAssertEqual(try log.takeSummaries(TakeListQuery(traineeId: trainee, scenarioId: "s2")).total, 2)
        XCTAssertEqual(try log.takeSummaries(TakeListQuery(traineeId: trainee, verdict: .onTarget)).takes.map(\.pauseDuration), [4.0, 4.0])
        XCTAssertEqual(try log.takeSummaries(TakeListQuery(traineeId: trainee, reviewed: true)).total, 1)
        XCTAssertEqual(try log.takeSummaries(TakeListQuery(traineeId: trainee, reviewed: false)).total, 4)
        let page = try log.takeSummaries(TakeListQuery(traineeId: trainee, offset: 3, limit: 2))
        XCTAssertEqual(page.total, 5)
        XCTAssertEqual(page.takes.map(\.pauseDuration), [3.0, 2.0])
    }

    func testUnreviewedNeighboursSkipReviewedTakesAndOtherTrainees() throws {
        let a = try take("bram", pause: 3, minutes: 0)
        let b = try take("bram", pause: 3, minutes: 1)
        let c = try take("bram", pause: 3, minutes: 2)
        try take("anna", pause: 3, minutes: 3)
        let d = try take("bram", pause: 3, minutes: 4)
        _ = try log.addReview(Review(takeId: c.id ?? 0, reviewer: "marit", rating: 3))

        XCTAssertEqual(try log.unreviewedNeighbours(of: b), UnreviewedNeighbours(previous: a.id, next: d.id))
        XCTAssertEqual(try log.unreviewedNeighbours(of: a), UnreviewedNeighbours(previous: nil, next: b.id))
        XCTAssertEqual(try log.unreviewedNeighbours(of: d), UnreviewedNeighbours(previous: b.id, next: nil))
    }
}
