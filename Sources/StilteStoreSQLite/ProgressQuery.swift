import Foundation
import GRDB
import StilteAnalysis
import StilteCore

/// The SQL behind ``SessionLog/progress(_:)``: aggregates, ranks and week buckets
/// run inside SQLite over covering indexes; Swift only picks ranks and assembles rows.
struct ProgressQuery {
    /// How many recent takes the sparkline shows.
    static let recentCount = 12

    /// `WHERE` clause and arguments shared by all the queries.
    let condition: String
    let arguments: StatementArguments

    /// Nil when the filter names a trainee the log does not know (no takes).
    init?(_ filter: TakeFilter, _ db: Database) throws {
        var clauses = [filter.includeAll ? "state != 'recording'" : "state = 'complete'"]
        var arguments: StatementArguments = []
        if let name = filter.trainee {
            guard let trainee = try Trainee.filter(Column("name") == name).fetchOne(db) else { return nil }
            clauses.append("traineeId = ?")
            arguments += [trainee.id]
        }
        if let scenario = filter.scenarioId {
            clauses.append("scenarioId = ?")
            arguments += [scenario]
        }
        if let since = filter.since {
            clauses.append("createdAt >= ?")
            arguments += [since]
        }
        if filter.unreviewedOnly {
            clauses.append("NOT EXISTS (SELECT 1 FROM review WHERE review.takeId = take.id)")
        }
        condition = clauses.joined(separator: " AND ")
        leftOutCondition = filter.includeAll ? nil
            : (["state IN ('demo', 'interrupted', 'empty')"] + clauses.dropFirst()).joined(separator: " AND ")
        self.arguments = arguments
    }

    /// The takes that are not practice and that the filter otherwise selects; nil with `includeAll`.
    let leftOutCondition: String?

    /// How many takes the report leaves out (demo, interrupted, empty).
    func leftOut(_ db: Database) throws -> Int {
        guard let leftOutCondition else { return 0 }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM take WHERE \(leftOutCondition)", arguments: arguments) ?? 0
    }

    /// Counts per trainee × scenario.
    var countsSQL: String {
        """
        SELECT traineeId, scenarioId, COUNT(*) AS n, COUNT(pauseDuration) AS measured,
               SUM(verdict = 'on-target') AS onTarget
        FROM take WHERE \(condition)
        GROUP BY traineeId, scenarioId
        """
    }

    /// The pauses at ranks `OFFSET` and `OFFSET + 1` in one trainee × scenario, walked
    /// in the `take_progress_pause` index (no sort); interpolated in Swift (``Percentile``).
    var rankSQL: String {
        """
        SELECT pauseDuration FROM take
        WHERE \(condition) AND traineeId = ? AND scenarioId = ? AND pauseDuration IS NOT NULL
        ORDER BY pauseDuration LIMIT 2 OFFSET ?
        """
    }

    /// Takes, on target and mean pause per trainee × scenario × week (Monday, UTC), in
    /// `take_progress_week` index order.
    var weeksSQL: String {
        """
        SELECT traineeId, scenarioId, \(Schema.weekExpression) AS week, COUNT(*) AS n,
               SUM(verdict = 'on-target') AS onTarget, AVG(pauseDuration) AS meanPause
        FROM take WHERE \(condition)
        GROUP BY traineeId, scenarioId, \(Schema.weekExpression)
        """
    }

    /// The last (or first) takes of one trainee × scenario, via the `take_progress_time` index.
    func pointsSQL(newestFirst: Bool, limit: Int) -> String {
        let direction = newestFirst ? "DESC" : "ASC"
        return """
        SELECT id, createdAt, pauseDuration, verdict, targetSeconds, targetTolerance
        FROM take WHERE \(condition) AND traineeId = ? AND scenarioId = ?
        ORDER BY createdAt \(direction), id \(direction) LIMIT \(limit)
        """
    }

    /// All the statements, for `EXPLAIN QUERY PLAN` in the benchmark.
    var statements: [String] {
        [countsSQL, rankSQL, weeksSQL, pointsSQL(newestFirst: true, limit: Self.recentCount)]
    }

    func run(_ db: Database) throws -> ProgressReport {
        struct Key: Hashable { var trainee: Int64; var scenario: String }
        let names = Dictionary(uniqueKeysWithValues: try Trainee.fetchAll(db).map { ($0.id ?? 0, $0.name) })

        var weeks: [Key: [WeekBucket]] = [:]
        for row in try Row.fetchAll(db, sql: weeksSQL, arguments: arguments) {
            // A date SQLite cannot place in a week (one out of range) has no bucket.
            guard let week: String = try SQLiteSessionLog.value(row, "week") else { continue }
            weeks[Key(trainee: try SQLiteSessionLog.value(row, "traineeId"), scenario: try SQLiteSessionLog.value(row, "scenarioId")), default: []]
                .append(WeekBucket(week: week, takes: try SQLiteSessionLog.value(row, "n"),
                                   onTarget: try SQLiteSessionLog.value(row, "onTarget") ?? 0, meanPause: try SQLiteSessionLog.value(row, "meanPause")))
        }

        let rank = try db.cachedStatement(sql: rankSQL)
        /// The `q` quantile of the measured pauses of one group (`measured` of them).
        func quantile(_ q: Double, measured: Int, _ groupArguments: StatementArguments) throws -> Double? {
            guard measured > 0 else { return nil }
            let position = q * Double(measured - 1)
            let pair = try Double.fetchAll(rank, arguments: groupArguments + [Int(position)])
            guard let lower = pair.first else { return nil }
            return Percentile.interpolate(lower: lower, upper: pair.dropFirst().first, fraction: position - Double(Int(position)))
        }

        let recentStatement = try db.cachedStatement(sql: pointsSQL(newestFirst: true, limit: Self.recentCount))
        let firstStatement = try db.cachedStatement(sql: pointsSQL(newestFirst: false, limit: 1))
        var groups: [ProgressGroup] = []
        for row in try Row.fetchAll(db, sql: countsSQL, arguments: arguments) {
            let key = Key(trainee: try SQLiteSessionLog.value(row, "traineeId"), scenario: try SQLiteSessionLog.value(row, "scenarioId"))
            let groupArguments = arguments + [key.trainee, key.scenario]
            let recentRows = try Row.fetchAll(recentStatement, arguments: groupArguments)
            let firstRow = try Row.fetchOne(firstStatement, arguments: groupArguments)
            let target = try recentRows.first.map(Self.target) ?? PauseTarget()
            let recent = try recentRows.reversed().map(Self.point)
            let measured: Int = try SQLiteSessionLog.value(row, "measured")
            groups.append(ProgressGroup(
                trainee: names[key.trainee] ?? "#\(key.trainee)", scenarioId: key.scenario,
                takes: try SQLiteSessionLog.value(row, "n"), measured: measured, onTarget: try SQLiteSessionLog.value(row, "onTarget") ?? 0, target: target,
                medianPause: try quantile(0.5, measured: measured, groupArguments),
                p10Pause: try quantile(0.1, measured: measured, groupArguments),
                p90Pause: try quantile(0.9, measured: measured, groupArguments),
                first: try firstRow.map(Self.point), latest: recent.last, recent: recent, weeks: weeks[key] ?? []))
        }
        groups.sort { ($0.trainee, $0.scenarioId) < ($1.trainee, $1.scenarioId) }
        return ProgressReport(groups: groups)
    }

    /// The last `limit` takes of every trainee × scenario, via `take_progress_time`.
    func history(_ db: Database, lastPerGroup limit: Int) throws -> [PauseHistory] {
        let names = Dictionary(uniqueKeysWithValues: try Trainee.fetchAll(db).map { ($0.id ?? 0, $0.name) })
        let statement = try db.cachedStatement(sql: pointsSQL(newestFirst: true, limit: max(1, limit)))
        var histories: [PauseHistory] = []
        for row in try Row.fetchAll(db, sql: countsSQL, arguments: arguments) {
            let trainee: Int64 = try SQLiteSessionLog.value(row, "traineeId"), scenario: String = try SQLiteSessionLog.value(row, "scenarioId")
            let rows = try Row.fetchAll(statement, arguments: arguments + [trainee, scenario])
            let target = try rows.first.map(Self.target) ?? PauseTarget()
            histories.append(PauseHistory(trainee: names[trainee] ?? "#\(trainee)", scenarioId: scenario, target: target,
                                          points: try rows.reversed().map(Self.point)))
        }
        return histories.sorted { ($0.trainee, $0.scenarioId) < ($1.trainee, $1.scenarioId) }
    }

    /// A point of a pause history; a row that does not decode throws, naming its take.
    private static func point(_ row: Row) throws -> ProgressPoint {
        ProgressPoint(takeId: try SQLiteSessionLog.value(row, "id"), createdAt: try SQLiteSessionLog.value(row, "createdAt"),
                      pauseDuration: try SQLiteSessionLog.value(row, "pauseDuration"),
                      verdict: (try SQLiteSessionLog.value(row, "verdict", as: String?.self)).flatMap(Verdict.init(rawValue:)))
    }

    private static func target(_ row: Row) throws -> PauseTarget {
        PauseTarget(seconds: try SQLiteSessionLog.value(row, "targetSeconds"), tolerance: try SQLiteSessionLog.value(row, "targetTolerance"))
    }
}

extension SQLiteSessionLog {
    public func progress(_ filter: TakeFilter) throws -> ProgressReport {
        try read { db in
            guard let query = try ProgressQuery(filter, db) else { return ProgressReport(groups: []) }
            var report = try query.run(db)
            report.leftOut = try query.leftOut(db)
            return report
        }
    }

    public func pauseHistory(_ filter: TakeFilter, lastPerGroup: Int) throws -> [PauseHistory] {
        try read { db in
            guard let query = try ProgressQuery(filter, db) else { return [] }
            return try query.history(db, lastPerGroup: lastPerGroup)
        }
    }

    /// `EXPLAIN QUERY PLAN` of each progress statement for `filter`, to check index use.
    public func progressQueryPlans(_ filter: TakeFilter) throws -> [(sql: String, plan: [String])] {
        try read { db in
            guard let query = try ProgressQuery(filter, db) else { return [] }
            return try query.statements.map { sql in
                let extra: StatementArguments = sql == query.rankSQL ? [0, "", 0] : sql.contains("traineeId = ? AND scenarioId = ?") ? [0, ""] : []
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: query.arguments + extra)
                    .map { (try? $0.decode(String?.self, forColumn: "detail")).flatMap { $0 } ?? "" }
                return (sql, plan)
            }
        }
    }
}
