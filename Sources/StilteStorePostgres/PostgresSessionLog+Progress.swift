import Foundation
import PostgresNIO
import StilteAnalysis
import StilteCore

/// ``SessionLog/progress(_:)`` and ``SessionLog/pauseHistory(_:lastPerGroup:)`` in SQL: counts,
/// percentiles (`percentile_cont`, the same linear interpolation between closest ranks as
/// Core's ``Percentile``), week buckets and the first and recent takes of each trainee ×
/// scenario are computed by the server; Swift only assembles the rows.
extension PostgresSessionLog {
    /// How many recent takes a progress group carries (as the SQLite log).
    static let recentCount = 12

    public func progress(_ filter: TakeFilter) throws -> ProgressReport {
        try transaction { sql in
            guard let condition = try TakeCondition(filter, practiceOnly: true, sql) else { return ProgressReport(groups: []) }
            let names = try traineeNames(sql)
            let points = try groupPoints(condition, newest: Self.recentCount, sql)
            var weeks: [GroupKey: [WeekBucket]] = [:]
            for row in try sql.rows(PostgresQuery(unsafeSQL: """
                SELECT trainee_id, scenario_id, to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
                       count(*), count(*) FILTER (WHERE verdict = 'on-target'), avg(pause_duration)
                FROM take WHERE \(condition.sql) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, binds: condition.binds)) {
                let (trainee, scenario, week, takes, onTarget, mean) = try row.decode((Int64, String, String, Int, Int, Double?).self)
                weeks[GroupKey(trainee: trainee, scenario: scenario), default: []]
                    .append(WeekBucket(week: week, takes: takes, onTarget: onTarget, meanPause: mean))
            }
            var groups: [ProgressGroup] = []
            for row in try sql.rows(PostgresQuery(unsafeSQL: """
                SELECT trainee_id, scenario_id, count(*), count(pause_duration), count(*) FILTER (WHERE verdict = 'on-target'),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY pause_duration),
                       percentile_cont(0.1) WITHIN GROUP (ORDER BY pause_duration),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY pause_duration)
                FROM take WHERE \(condition.sql) GROUP BY trainee_id, scenario_id
                """, binds: condition.binds)) {
                let (trainee, scenario, takes, measured, onTarget, median, p10, p90) =
                    try row.decode((Int64, String, Int, Int, Int, Double?, Double?, Double?).self)
                let key = GroupKey(trainee: trainee, scenario: scenario)
                let group = points[key] ?? GroupPoints()
                groups.append(ProgressGroup(
                    trainee: names[trainee] ?? "#\(trainee)", scenarioId: scenario, takes: takes, measured: measured,
                    onTarget: onTarget, target: group.target, medianPause: median, p10Pause: p10, p90Pause: p90,
                    first: group.first, latest: group.recent.last, recent: group.recent, weeks: weeks[key] ?? []))
            }
            groups.sort { ($0.trainee, $0.scenarioId) < ($1.trainee, $1.scenarioId) }
            var report = ProgressReport(groups: groups)
            if let leftOut = condition.leftOutSQL {
                report.leftOut = try sql.value(PostgresQuery(unsafeSQL: "SELECT count(*) FROM take WHERE \(leftOut)", binds: condition.binds),
                                               as: Int.self) ?? 0
            }
            return report
        }
    }

    public func pauseHistory(_ filter: TakeFilter, lastPerGroup: Int) throws -> [PauseHistory] {
        try transaction { sql in
            guard let condition = try TakeCondition(filter, practiceOnly: true, sql) else { return [] }
            let names = try traineeNames(sql)
            return try groupPoints(condition, newest: max(1, lastPerGroup), sql)
                .map { key, group in
                    PauseHistory(trainee: names[key.trainee] ?? "#\(key.trainee)", scenarioId: key.scenario, target: group.target,
                                 points: group.recent)
                }
                .sorted { ($0.trainee, $0.scenarioId) < ($1.trainee, $1.scenarioId) }
        }
    }

    private struct GroupKey: Hashable {
        var trainee: Int64
        var scenario: String
    }

    /// The oldest take and the newest ones of a trainee × scenario, and the newest take's target.
    private struct GroupPoints {
        var first: ProgressPoint?
        /// Oldest first.
        var recent: [ProgressPoint] = []
        var target = PauseTarget()
    }

    private func traineeNames(_ sql: PostgresStatements) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try sql.rows("SELECT id, name FROM trainee") {
            let (id, name) = try row.decode((Int64, String).self)
            names[id] = name
        }
        return names
    }

    /// The first and the last `newest` takes of every trainee × scenario the condition selects.
    private func groupPoints(_ condition: TakeCondition, newest: Int, _ sql: PostgresStatements) throws -> [GroupKey: GroupPoints] {
        var binds = condition.binds
        binds.append(newest)
        var groups: [GroupKey: GroupPoints] = [:]
        for row in try sql.rows(PostgresQuery(unsafeSQL: """
            SELECT trainee_id, scenario_id, id, created_at, pause_duration, verdict, target_seconds, target_tolerance, newest, oldest
            FROM (SELECT trainee_id, scenario_id, id, created_at, pause_duration, verdict, target_seconds, target_tolerance,
                         row_number() OVER (PARTITION BY trainee_id, scenario_id ORDER BY created_at DESC, id DESC) AS newest,
                         row_number() OVER (PARTITION BY trainee_id, scenario_id ORDER BY created_at, id) AS oldest
                  FROM take WHERE \(condition.sql)) ranked
            WHERE newest <= $\(binds.count) OR oldest = 1
            ORDER BY trainee_id, scenario_id, created_at, id
            """, binds: binds)) {
            let cells = row.makeRandomAccess()
            let key = GroupKey(trainee: try cells["trainee_id"].decode(Int64.self), scenario: try cells["scenario_id"].decode(String.self))
            let point = ProgressPoint(takeId: try cells["id"].decode(Int64.self), createdAt: try cells["created_at"].decode(Date.self),
                                      pauseDuration: try cells["pause_duration"].decode(Double?.self),
                                      verdict: try cells["verdict"].decode(String?.self).flatMap(Verdict.init(rawValue:)))
            var group = groups[key] ?? GroupPoints()
            if try cells["oldest"].decode(Int.self) == 1 { group.first = point }
            if try cells["newest"].decode(Int.self) <= newest {
                group.recent.append(point)
                group.target = PauseTarget(seconds: try cells["target_seconds"].decode(Double.self),
                                           tolerance: try cells["target_tolerance"].decode(Double.self))
            }
            groups[key] = group
        }
        return groups
    }
}
