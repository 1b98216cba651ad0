import Foundation
import GRDB
import StilteAnalysis
import StilteCore

extension SQLiteSessionLog: ReviewBrowsing {
    public func traineeOverviews() throws -> [TraineeOverview] {
        try read { db in
            // Counts in one pass over the covering index take_progress_pause (traineeId first).
            let counts = try Row.fetchAll(db, sql: """
                SELECT traineeId, COUNT(*) AS n, COUNT(pauseDuration) AS measured,
                       SUM(verdict = 'on-target') AS onTarget, MAX(createdAt) AS lastPractice
                FROM take WHERE state != 'recording' GROUP BY traineeId
                """)
            // Reviewed takes per trainee: proportional to the reviews, not the takes.
            var reviewed: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT take.traineeId AS traineeId, COUNT(DISTINCT review.takeId) AS n
                FROM review JOIN take ON take.id = review.takeId
                WHERE take.state != 'recording' GROUP BY take.traineeId
                """) {
                reviewed[row["traineeId"]] = row["n"]
            }
            let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM trainee")
                .map { (row: Row) -> (Int64, String) in (row["id"], row["name"]) })
            let rank = try db.cachedStatement(sql: """
                SELECT pauseDuration FROM take
                WHERE traineeId = ? AND state != 'recording' AND pauseDuration IS NOT NULL
                ORDER BY pauseDuration LIMIT 2 OFFSET ?
                """)
            // Covered by take_progress_week (no row lookups: a trainee's 5,000 rows read from a
            // cold 90 MB file took 200 ms); the target is then read from the newest row alone.
            let recent = try db.cachedStatement(sql: """
                SELECT id, pauseDuration FROM take
                WHERE traineeId = ? AND state != 'recording'
                ORDER BY createdAt DESC, id DESC LIMIT ?
                """)
            let target = try db.cachedStatement(sql: "SELECT targetSeconds, targetTolerance FROM take WHERE id = ?")
            var overviews: [TraineeOverview] = []
            for row in counts {
                let id: Int64 = row["traineeId"]
                let takes: Int = row["n"]
                let measured: Int = row["measured"]
                var median: Double?
                if measured > 0 {
                    let position = 0.5 * Double(measured - 1)
                    let pair = try Double.fetchAll(rank, arguments: [id, Int(position)])
                    median = pair.first.map { Percentile.interpolate(lower: $0, upper: pair.count > 1 ? pair[1] : nil,
                                                                     fraction: position - position.rounded(.down)) }
                }
                let last = try Row.fetchAll(recent, arguments: [id, TraineeOverview.recentCount])
                let newest = try last.first.flatMap { try Row.fetchOne(target, arguments: [$0["id"] as Int64]) }
                let latestTarget = newest.map { PauseTarget(seconds: $0["targetSeconds"], tolerance: $0["targetTolerance"]) } ?? PauseTarget()
                overviews.append(TraineeOverview(
                    traineeId: id, name: names[id] ?? "?", takes: takes, measured: measured, onTarget: row["onTarget"] ?? 0,
                    unreviewed: takes - (reviewed[id] ?? 0), medianPause: median, lastPractice: row["lastPractice"],
                    recentPauses: last.reversed().map { $0["pauseDuration"] }, target: latestTarget))
            }
            return overviews.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        }
    }

    public func takeSummaries(_ query: TakeListQuery) throws -> (total: Int, takes: [TakeSummary]) {
        try read { db in
            var clauses = ["traineeId = ?", "state != 'recording'"]
            var arguments: StatementArguments = [query.traineeId]
            if let scenario = query.scenarioId {
                clauses.append("scenarioId = ?")
                arguments += [scenario]
            }
            if let verdict = query.verdict {
                clauses.append("verdict = ?")
                arguments += [verdict.rawValue]
            }
            if let reviewed = query.reviewed {
                clauses.append("\(reviewed ? "" : "NOT ")EXISTS (SELECT 1 FROM review WHERE review.takeId = take.id)")
            }
            let condition = clauses.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM take WHERE \(condition)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, scenarioId, turn, createdAt, state, pauseDuration, verdict, unreliable,
                       correctedPauseStart IS NOT NULL AS corrected,
                       (SELECT COUNT(*) FROM review WHERE review.takeId = take.id) AS reviews
                FROM take WHERE \(condition)
                ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?
                """, arguments: arguments + [query.limit, query.offset])
            let takes = rows.map { row in
                TakeSummary(id: row["id"], scenarioId: row["scenarioId"], turn: row["turn"], createdAt: row["createdAt"],
                            state: row["state"] ?? .complete, pauseDuration: row["pauseDuration"], verdict: row["verdict"],
                            corrected: row["corrected"], reviews: row["reviews"], unreliable: row["unreliable"])
            }
            return (total, takes)
        }
    }

    public func unreviewedNeighbours(of take: Take) throws -> UnreviewedNeighbours {
        guard let id = take.id else { return UnreviewedNeighbours(previous: nil, next: nil) }
        return try read { db in
            let unreviewed = "traineeId = ? AND state != 'recording' AND NOT EXISTS (SELECT 1 FROM review WHERE review.takeId = take.id)"
            let next = try Int64.fetchOne(db, sql: """
                SELECT id FROM take WHERE \(unreviewed) AND (createdAt > ? OR (createdAt = ? AND id > ?))
                ORDER BY createdAt, id LIMIT 1
                """, arguments: [take.traineeId, take.createdAt, take.createdAt, id])
            let previous = try Int64.fetchOne(db, sql: """
                SELECT id FROM take WHERE \(unreviewed) AND (createdAt < ? OR (createdAt = ? AND id < ?))
                ORDER BY createdAt DESC, id DESC LIMIT 1
                """, arguments: [take.traineeId, take.createdAt, take.createdAt, id])
            return UnreviewedNeighbours(previous: previous, next: next)
        }
    }
}
