import Foundation
import PostgresNIO
import StilteAnalysis
import StilteCore

/// The review pages' queries (`stilte serve`) in SQL, as the SQLite log answers them.
extension PostgresSessionLog: ReviewBrowsing {
    public func traineeOverviews() throws -> [TraineeOverview] {
        try transaction { sql in
            var recent: [Int64: (pauses: [Double?], target: PauseTarget)] = [:]
            for row in try sql.rows("""
                SELECT trainee_id, pause_duration, target_seconds, target_tolerance, newest
                FROM (SELECT trainee_id, pause_duration, target_seconds, target_tolerance,
                             row_number() OVER (PARTITION BY trainee_id ORDER BY created_at DESC, id DESC) AS newest
                      FROM take WHERE state <> 'recording') ranked
                WHERE newest <= \(TraineeOverview.recentCount) ORDER BY trainee_id, newest DESC
                """) {
                let (trainee, pause, seconds, tolerance, newest) = try row.decode((Int64, Double?, Double, Double, Int).self)
                var entry = recent[trainee] ?? ([], PauseTarget())
                entry.pauses.append(pause)
                if newest == 1 { entry.target = PauseTarget(seconds: seconds, tolerance: tolerance) }
                recent[trainee] = entry
            }
            let overviews = try sql.rows("""
                SELECT trainee.id, trainee.name, count(take.id), count(take.pause_duration),
                       count(take.id) FILTER (WHERE take.verdict = 'on-target'),
                       count(take.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM review WHERE review.take_id = take.id)),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY take.pause_duration), max(take.created_at)
                FROM trainee JOIN take ON take.trainee_id = trainee.id AND take.state <> 'recording'
                GROUP BY trainee.id, trainee.name
                """).map { row in
                let (id, name, takes, measured, onTarget, unreviewed, median, last) =
                    try row.decode((Int64, String, Int, Int, Int, Int, Double?, Date?).self)
                return TraineeOverview(traineeId: id, name: name, takes: takes, measured: measured, onTarget: onTarget,
                                       unreviewed: unreviewed, medianPause: median, lastPractice: last,
                                       recentPauses: recent[id]?.pauses ?? [], target: recent[id]?.target ?? PauseTarget())
            }
            return overviews.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        }
    }

    public func takeSummaries(_ query: TakeListQuery) throws -> (total: Int, takes: [TakeSummary]) {
        try transaction { sql in
            var binds = PostgresBindings()
            binds.append(query.traineeId)
            var clauses = ["trainee_id = $1", "state <> 'recording'"]
            if let scenario = query.scenarioId {
                binds.append(scenario)
                clauses.append("scenario_id = $\(binds.count)")
            }
            if let verdict = query.verdict {
                binds.append(verdict.rawValue)
                clauses.append("verdict = $\(binds.count)")
            }
            if let reviewed = query.reviewed {
                clauses.append("\(reviewed ? "" : "NOT ")EXISTS (SELECT 1 FROM review WHERE review.take_id = take.id)")
            }
            let condition = clauses.joined(separator: " AND ")
            let total = try sql.value(PostgresQuery(unsafeSQL: "SELECT count(*) FROM take WHERE \(condition)", binds: binds), as: Int.self) ?? 0
            binds.append(query.limit)
            binds.append(query.offset)
            let takes = try sql.rows(PostgresQuery(unsafeSQL: """
                SELECT id, scenario_id, turn, created_at, state, pause_duration, verdict, unreliable,
                       corrected_pause_start IS NOT NULL, (SELECT count(*) FROM review WHERE review.take_id = take.id)
                FROM take WHERE \(condition)
                ORDER BY created_at DESC, id DESC LIMIT $\(binds.count - 1) OFFSET $\(binds.count)
                """, binds: binds)).map { row in
                let (id, scenario, turn, created, state, pause, verdict, unreliable, corrected, reviews) =
                    try row.decode((Int64, String, Int, Date, String, Double?, String?, Bool, Bool, Int).self)
                return TakeSummary(id: id, scenarioId: scenario, turn: turn, createdAt: created, state: Take.State(rawValue: state) ?? .complete,
                                   pauseDuration: pause, verdict: verdict.flatMap(Verdict.init(rawValue:)), corrected: corrected,
                                   reviews: reviews, unreliable: unreliable)
            }
            return (total, takes)
        }
    }

    public func unreviewedNeighbours(of take: Take) throws -> UnreviewedNeighbours {
        guard let id = take.id else { return UnreviewedNeighbours(previous: nil, next: nil) }
        // Compared with the stored instant (a Date sent back may be a microsecond off).
        return try transaction { sql in
            let next = try sql.value("""
                SELECT id FROM take WHERE trainee_id = \(take.traineeId) AND state <> 'recording'
                  AND NOT EXISTS (SELECT 1 FROM review WHERE review.take_id = take.id)
                  AND (created_at, id) > (SELECT created_at, id FROM take AS this WHERE this.id = \(id))
                ORDER BY created_at, id LIMIT 1
                """, as: Int64.self)
            let previous = try sql.value("""
                SELECT id FROM take WHERE trainee_id = \(take.traineeId) AND state <> 'recording'
                  AND NOT EXISTS (SELECT 1 FROM review WHERE review.take_id = take.id)
                  AND (created_at, id) < (SELECT created_at, id FROM take AS this WHERE this.id = \(id))
                ORDER BY created_at DESC, id DESC LIMIT 1
                """, as: Int64.self)
            return UnreviewedNeighbours(previous: previous, next: next)
        }
    }
}
