import Foundation
import GRDB
import StilteAnalysis
import StilteCore

extension SQLiteSessionLog {
    public func addReview(_ review: Review) throws -> (review: Review, added: Bool) {
        if let problem = review.problem { throw StoreError(.invalidInput, problem) }
        return try write { db in try insertReview(review, db) }
    }

    /// Inserts `review` unless its uuid is already in the log, and makes the correction that
    /// counts (``Review/effectiveCorrection(among:)``) its take's effective pause. The rules are
    /// ``Review``'s; this only reads and writes rows.
    func insertReview(_ review: Review, _ db: Database) throws -> (review: Review, added: Bool) {
        if let existing = try Self.fetchReviews(db, Review.filter(Column("uuid") == review.uuid.uuidString.lowercased())).first {
            return (existing, false)
        }
        guard var take = try Self.fetchTake(db, id: review.takeId) else {
            throw StoreError(.notFound, "no take \(review.takeId); see `stilte takes`")
        }
        if let problem = review.problem(on: take) { throw StoreError(.invalidInput, problem) }
        var stored = review
        stored.id = nil
        try stored.insert(db)
        if review.correctedPause != nil {
            let corrections = try Self.fetchReviews(db, Review
                .filter(Column("takeId") == review.takeId && Column("correctedPauseStart") != nil))
            take.setCorrection(Review.effectiveCorrection(among: corrections))
            try take.update(db)
        }
        return (stored, true)
    }

    public func reviews(takeId: Int64) throws -> [Review] {
        try read { db in
            try Self.fetchReviews(db, Review.filter(Column("takeId") == takeId).order(Column("createdAt"), Column("id")))
        }
    }

    public func reviewCounts() throws -> [Int64: Int] {
        try read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT takeId, COUNT(*) AS n FROM review GROUP BY takeId") {
                counts[try Self.value(row, "takeId", takeColumn: "takeId")] = try Self.value(row, "n", takeColumn: "takeId")
            }
            return counts
        }
    }

    public func agreement() throws -> AgreementReport {
        let pairs = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, detectedPauseStart, detectedPauseEnd, correctedPauseStart, correctedPauseEnd
                FROM take WHERE correctedPauseStart IS NOT NULL
                """)
        }
        var startDiffs: [Double] = []
        var endDiffs: [Double] = []
        var missed = 0
        for row in pairs {
            let correctedStart: Double = try Self.value(row, "correctedPauseStart")
            let correctedEnd: Double = try Self.value(row, "correctedPauseEnd")
            guard let detectedStart: Double = try Self.value(row, "detectedPauseStart"),
                  let detectedEnd: Double = try Self.value(row, "detectedPauseEnd") else {
                missed += 1
                continue
            }
            startDiffs.append(abs(detectedStart - correctedStart))
            endDiffs.append(abs(detectedEnd - correctedEnd))
        }
        return AgreementReport(corrections: pairs.count, missedByDetector: missed,
                               start: BoundaryStats(startDiffs), end: BoundaryStats(endDiffs),
                               both: BoundaryStats(startDiffs + endDiffs))
    }
}
