import Foundation
import PostgresNIO
import StilteAnalysis
import StilteCore

extension PostgresSessionLog {
    public func addReview(_ review: Review) throws -> (review: Review, added: Bool) {
        if let problem = review.problem { throw StoreError(.invalidInput, problem) }
        return try transaction { sql in try insertReview(review, sql) }
    }

    /// Inserts `review` unless its uuid is already in the log, and makes the correction that
    /// counts (``Review/effectiveCorrection(among:)``) its take's effective pause. The take's
    /// row is locked first, so two trainers correcting at once apply their corrections in turn.
    func insertReview(_ review: Review, _ sql: PostgresStatements) throws -> (review: Review, added: Bool) {
        if let existing = try sql.rows("SELECT \(unescaped: PostgresRows.reviewColumns) FROM review WHERE uuid = \(review.uuid)")
            .first.map(PostgresRows.review) {
            return (existing, false)
        }
        guard var take = try fetchTake(id: review.takeId, sql, forUpdate: true) else {
            throw StoreError(.notFound, "no take \(review.takeId); see `stilte takes`")
        }
        if let problem = review.problem(on: take) { throw StoreError(.invalidInput, problem) }
        var stored = review
        guard let id = try sql.value("""
            INSERT INTO review (uuid, take_id, reviewer, rating, comment, corrected_pause_start, corrected_pause_end, created_at)
            VALUES (\(review.uuid), \(review.takeId), \(review.reviewer), \(review.rating), \(review.comment),
                    \(review.correctedPauseStart), \(review.correctedPauseEnd), \(review.createdAt))
            ON CONFLICT (uuid) DO NOTHING RETURNING id
            """, as: Int64.self) else {
            let existing = try sql.rows("SELECT \(unescaped: PostgresRows.reviewColumns) FROM review WHERE uuid = \(review.uuid)")
            return (try existing.first.map(PostgresRows.review) ?? review, false)
        }
        stored.id = id
        if review.correctedPause != nil {
            let corrections = try sql.rows("""
                SELECT \(unescaped: PostgresRows.reviewColumns) FROM review
                WHERE take_id = \(review.takeId) AND corrected_pause_start IS NOT NULL ORDER BY id
                """).map(PostgresRows.review)
            take.setCorrection(Review.effectiveCorrection(among: corrections))
            try update(take, sql)
        }
        return (stored, true)
    }

    public func reviews(takeId: Int64) throws -> [Review] {
        try transaction { sql in
            try sql.rows("""
                SELECT \(unescaped: PostgresRows.reviewColumns) FROM review WHERE take_id = \(takeId) ORDER BY created_at, id
                """).map(PostgresRows.review)
        }
    }

    public func reviewCounts() throws -> [Int64: Int] {
        try transaction { sql in
            var counts: [Int64: Int] = [:]
            for row in try sql.rows("SELECT take_id, count(*) FROM review GROUP BY take_id") {
                let (take, count) = try row.decode((Int64, Int).self)
                counts[take] = count
            }
            return counts
        }
    }

    public func agreement() throws -> AgreementReport {
        let pairs = try transaction { sql in
            try sql.rows("""
                SELECT detected_pause_start, detected_pause_end, corrected_pause_start, corrected_pause_end
                FROM take WHERE corrected_pause_start IS NOT NULL AND corrected_pause_end IS NOT NULL
                """).map { try $0.decode((Double?, Double?, Double, Double).self) }
        }
        var startDiffs: [Double] = []
        var endDiffs: [Double] = []
        var missed = 0
        for (detectedStart, detectedEnd, correctedStart, correctedEnd) in pairs {
            guard let detectedStart, let detectedEnd else {
                missed += 1
                continue
            }
            startDiffs.append(abs(detectedStart - correctedStart))
            endDiffs.append(abs(detectedEnd - correctedEnd))
        }
        return AgreementReport(corrections: pairs.count, missedByDetector: missed, start: BoundaryStats(startDiffs),
                               end: BoundaryStats(endDiffs), both: BoundaryStats(startDiffs + endDiffs))
    }
}
