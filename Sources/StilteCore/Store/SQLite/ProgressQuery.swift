import Foundation
import GRDB
import StilteAnalysis

/// The SQL behind ``SessionLog/progress(_:)``: aggregates, percentiles (window
/// functions over the `take_progress_pause` index) and week buckets run inside
/// SQLite; Swift only assembles the rows.
struct ProgressQuery {
    /// How many recent takes the sparkline shows.
    static let recentCount = 12

    /// `WHERE` clause and arguments shared by all the queries.
    let condition: String
    let arguments: StatementArguments

    /// Nil when the filter names a trainee the log does not know (no takes).
    init?(_ filter: TakeFilter, _ db: Database) throws {
        var clauses = ["state != 'recording'"]
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
        self.arguments = arguments
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

    /// p10, median and p90 of the pause per trainee × scenario: for each quantile the
    /// two ranks around it, interpolated in Swift (``Percentile``).
    var percentilesSQL: String {
        let picks = [("p10", 0.1), ("p50", 0.5), ("p90", 0.9)].map { name, q in
            """
            MAX(CASE WHEN i = CAST(\(q) * (m - 1) AS INTEGER) THEN p END) AS \(name)lo,
            MAX(CASE WHEN i = CAST(\(q) * (m - 1) AS INTEGER) + 1 THEN p END) AS \(name)hi
            """
        }.joined(separator: ",\n")
        return """
        WITH ranked AS (
            SELECT traineeId, scenarioId, pauseDuration AS p,
                   ROW_NUMBER() OVER w - 1 AS i,
                   COUNT(*) OVER (PARTITION BY traineeId, scenarioId) AS m
            FROM take WHERE \(condition) AND pauseDuration IS NOT NULL
            WINDOW w AS (PARTITION BY traineeId, scenarioId ORDER BY pauseDuration)
        )
        SELECT traineeId, scenarioId, m,
        \(picks)
        FROM ranked GROUP BY traineeId, scenarioId
        """
    }

    /// Takes, on target and median pause per trainee × scenario × week (Monday, UTC).
    var weeksSQL: String {
        """
        WITH f AS (
            SELECT traineeId, scenarioId, date(createdAt, 'weekday 0', '-6 days') AS week,
                   pauseDuration AS p, verdict
            FROM take WHERE \(condition)
        ), ranked AS (
            SELECT traineeId, scenarioId, week, p, verdict,
                   ROW_NUMBER() OVER (PARTITION BY traineeId, scenarioId, week ORDER BY p IS NULL, p) - 1 AS i,
                   COUNT(p) OVER (PARTITION BY traineeId, scenarioId, week) AS m
            FROM f
        )
        SELECT traineeId, scenarioId, week, COUNT(*) AS n, SUM(verdict = 'on-target') AS onTarget, m,
               MAX(CASE WHEN p IS NOT NULL AND i = CAST(0.5 * (m - 1) AS INTEGER) THEN p END) AS lo,
               MAX(CASE WHEN p IS NOT NULL AND i = CAST(0.5 * (m - 1) AS INTEGER) + 1 THEN p END) AS hi
        FROM ranked GROUP BY traineeId, scenarioId, week
        ORDER BY traineeId, scenarioId, week
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
        [countsSQL, percentilesSQL, weeksSQL, pointsSQL(newestFirst: true, limit: Self.recentCount)]
    }

    func run(_ db: Database) throws -> ProgressReport {
        struct Key: Hashable { var trainee: Int64; var scenario: String }
        let names = Dictionary(uniqueKeysWithValues: try Trainee.fetchAll(db).map { ($0.id ?? 0, $0.name) })

        var percentiles: [Key: (p10: Double?, p50: Double?, p90: Double?)] = [:]
        for row in try Row.fetchAll(db, sql: percentilesSQL, arguments: arguments) {
            let m: Int = row["m"]
            func pick(_ name: String, _ q: Double) -> Double? {
                guard let lower: Double = row[name + "lo"] else { return nil }
                let position = q * Double(m - 1)
                return Percentile.interpolate(lower: lower, upper: row[name + "hi"], fraction: position - Double(Int(position)))
            }
            percentiles[Key(trainee: row["traineeId"], scenario: row["scenarioId"])] =
                (pick("p10", 0.1), pick("p50", 0.5), pick("p90", 0.9))
        }

        var weeks: [Key: [WeekBucket]] = [:]
        for row in try Row.fetchAll(db, sql: weeksSQL, arguments: arguments) {
            let m: Int = row["m"]
            let median: Double? = (row["lo"] as Double?).map {
                let position = 0.5 * Double(m - 1)
                return Percentile.interpolate(lower: $0, upper: row["hi"], fraction: position - Double(Int(position)))
            }
            weeks[Key(trainee: row["traineeId"], scenario: row["scenarioId"]), default: []]
                .append(WeekBucket(week: row["week"], takes: row["n"], onTarget: row["onTarget"] ?? 0, medianPause: median))
        }

        var groups: [ProgressGroup] = []
        for row in try Row.fetchAll(db, sql: countsSQL, arguments: arguments) {
            let key = Key(trainee: row["traineeId"], scenario: row["scenarioId"])
            let groupArguments = arguments + [key.trainee, key.scenario]
            let recentRows = try Row.fetchAll(db, sql: pointsSQL(newestFirst: true, limit: Self.recentCount), arguments: groupArguments)
            let firstRow = try Row.fetchOne(db, sql: pointsSQL(newestFirst: false, limit: 1), arguments: groupArguments)
            let target = recentRows.first.map { PauseTarget(seconds: $0["targetSeconds"], tolerance: $0["targetTolerance"]) } ?? PauseTarget()
            let recent = recentRows.reversed().map(Self.point)
            let stats = percentiles[key]
            groups.append(ProgressGroup(
                trainee: names[key.trainee] ?? "#\(key.trainee)", scenarioId: key.scenario,
                takes: row["n"], measured: row["measured"], onTarget: row["onTarget"] ?? 0, target: target,
                medianPause: stats?.p50, p10Pause: stats?.p10, p90Pause: stats?.p90,
                first: firstRow.map(Self.point), latest: recent.last, recent: recent, weeks: weeks[key] ?? []))
        }
        groups.sort { ($0.trainee, $0.scenarioId) < ($1.trainee, $1.scenarioId) }
        return ProgressReport(groups: groups)
    }

    private static func point(_ row: Row) -> ProgressPoint {
        ProgressPoint(takeId: row["id"], createdAt: row["createdAt"], pauseDuration: row["pauseDuration"],
                      verdict: (row["verdict"] as String?).flatMap(Verdict.init(rawValue:)))
    }
}

extension SQLiteSessionLog {
    public func progress(_ filter: TakeFilter) throws -> ProgressReport {
        try read { db in
            guard let query = try ProgressQuery(filter, db) else { return ProgressReport(groups: []) }
            return try query.run(db)
        }
    }

    /// `EXPLAIN QUERY PLAN` of each progress statement for `filter`, to check index use.
    public func progressQueryPlans(_ filter: TakeFilter) throws -> [(sql: String, plan: [String])] {
        try read { db in
            guard let query = try ProgressQuery(filter, db) else { return [] }
            return try query.statements.map { sql in
                let extra: StatementArguments = sql.contains("traineeId = ? AND scenarioId = ?") ? [0, ""] : []
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: query.arguments + extra)
                    .map { $0["detail"] as String? ?? "" }
                return (sql, plan)
            }
        }
    }
}
