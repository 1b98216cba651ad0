import PostgresNIO
import StilteCore

/// The `WHERE` clause of the takes a ``TakeFilter`` selects, with its bind values.
struct TakeCondition {
    let sql: String
    let binds: PostgresBindings
    /// The same filter over the takes that are not practice (demo, interrupted, empty);
    /// nil when the filter includes them anyway.
    let leftOutSQL: String?

    /// Nil when the filter names a trainee the log does not know (no takes).
    /// `practiceOnly`: only complete takes unless the filter says `includeAll`.
    init?(_ filter: TakeFilter, practiceOnly: Bool, _ statements: PostgresStatements) throws {
        var binds = PostgresBindings()
        var clauses: [String] = []
        if let name = filter.trainee {
            guard let id = try statements.value("SELECT id FROM trainee WHERE name = \(name)", as: Int64.self) else { return nil }
            binds.append(id)
            clauses.append("trainee_id = $\(binds.count)")
        }
        if let scenario = filter.scenarioId {
            binds.append(scenario)
            clauses.append("scenario_id = $\(binds.count)")
        }
        if let since = filter.since {
            binds.append(since)
            clauses.append("created_at >= $\(binds.count)")
        }
        if filter.unreviewedOnly {
            clauses.append("NOT EXISTS (SELECT 1 FROM review WHERE review.take_id = take.id)")
        }
        let practice = practiceOnly && !filter.includeAll
        sql = ([practice ? "state = 'complete'" : "state <> 'recording'"] + clauses).joined(separator: " AND ")
        leftOutSQL = practice ? (["state IN ('demo', 'interrupted', 'empty')"] + clauses).joined(separator: " AND ") : nil
        self.binds = binds
    }
}
