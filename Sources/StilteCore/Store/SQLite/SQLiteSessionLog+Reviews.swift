import Foundation
import GRDB
import StilteAnalysis

extension SQLiteSessionLog {
    public func addReview(_ review: Review) throws -> (review: Review, added: Bool) {
        if let rating = review.rating, !(1...5).contains(rating) {
            throw StoreError(.invalidInput, "rating \(rating) is out of range; give 1 (poor) to 5 (excellent)")
        }
        guard !review.reviewer.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError(.invalidInput, "a review needs a reviewer name")
        }
        return try write { db in
            if let existing = try Review.filter(Column("uuid") == review.uuid.uuidString.lowercased()).fetchOne(db) {
                return (existing, false)
            }
            guard var take = try Take.fetchOne(db, key: review.takeId) else {
                throw StoreError(.notFound, "no take \(review.takeId); see `stilte takes`")
            }
            if let span = review.correctedPause {
                let length = take.duration ?? .infinity
                guard span.start >= 0, span.end > span.start, span.end <= length + 0.001 else {
                    let limit = take.duration.map { String(format: "%.2f", $0) } ?? "?"
                    throw StoreError(.invalidInput, String(format: "corrected pause %.2f–%.2f s is not inside take %lld (0–%@ s) or ends before it starts", span.start, span.end, review.takeId, limit))
                }
            }
            var stored = review
            stored.id = nil
            try stored.insert(db)
            if review.correctedPause != nil {
                // The latest correction wins (bundles may bring older reviews later).
                let latest = try Review
                    .filter(Column("takeId") == review.takeId && Column("correctedPauseStart") != nil)
                    .order(Column("createdAt").desc, Column("id").desc)
                    .fetchOne(db)
                take.setCorrection(latest?.correctedPause)
                try take.update(db)
            }
            return (stored, true)
        }
    }

    public func reviews(takeId: Int64) throws -> [Review] {
        try read { db in
            try Review.filter(Column("takeId") == takeId).order(Column("createdAt"), Column("id")).fetchAll(db)
        }
    }

    public func reviewCounts() throws -> [Int64: Int] {
        try read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT takeId, COUNT(*) AS n FROM review GROUP BY takeId") {
                counts[row["takeId"]] = row["n"]
            }
            return counts
        }
    }

    public func agreement() throws -> AgreementReport {
        let pairs = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT detectedPauseStart, detectedPauseEnd, correctedPauseStart, correctedPauseEnd
                FROM take WHERE correctedPauseStart IS NOT NULL
                """)
        }
        var startDiffs: [Double] = []
        var endDiffs: [Double] = []
        var missed = 0
        for row in pairs {
            let correctedStart: Double = row["correctedPauseStart"]
            let correctedEnd: Double = row["correctedPauseEnd"]
            guard let detectedStart: Double = row["detectedPauseStart"], let detectedEnd: Double = row["detectedPauseEnd"] else {
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
