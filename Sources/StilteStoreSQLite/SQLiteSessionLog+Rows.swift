import Foundation
import GRDB
import StilteCore

/// Decoding rows without trapping: GRDB's non-optional subscripts (`row["createdAt"]`) and
/// record fetches stop the process on a value they cannot convert (a date in year 10000, a
/// damaged analysis). The log decodes every take and review through these functions instead,
/// so a bad row is an error that names it and says how to remove it.
extension SQLiteSessionLog {
    /// The takes `request` selects, in its order.
    static func fetchTakes(_ db: Database, _ request: QueryInterfaceRequest<Take>) throws -> [Take] {
        try Row.fetchAll(db, request).map(decodeTake)
    }

    /// The take with `id`, nil when there is none.
    static func fetchTake(_ db: Database, id: Int64) throws -> Take? {
        try Row.fetchOne(db, Take.filter(key: id)).map(decodeTake)
    }

    /// The reviews `request` selects, in its order.
    static func fetchReviews(_ db: Database, _ request: QueryInterfaceRequest<Review>) throws -> [Review] {
        try Row.fetchAll(db, request).map(decodeReview)
    }

    static func decodeTake(_ row: Row) throws -> Take {
        do { return try Take(row: row) } catch {
            let id = (try? row.decode(Int64?.self, forColumn: "id")).flatMap { $0 } ?? 0
            throw StoreError(.unreadableRow, "take \(id) cannot be read (\(badColumn(row, error))); remove it with `stilte delete \(id) --yes`")
        }
    }

    static func decodeReview(_ row: Row) throws -> Review {
        do { return try Review(row: row) } catch {
            let id = (try? row.decode(Int64?.self, forColumn: "id")).flatMap { $0 } ?? 0
            let take = (try? row.decode(Int64?.self, forColumn: "takeId")).flatMap { $0 } ?? 0
            throw StoreError(.unreadableRow, "review \(id) of take \(take) cannot be read (\(badColumn(row, error))); remove the take with `stilte delete \(take) --yes`")
        }
    }

    /// Decodes `column` of `row` as `Value`; a value that does not convert throws a
    /// ``StoreError`` naming the take (`takeColumn` holds its id) instead of trapping.
    static func value<Value: DatabaseValueConvertible>(_ row: Row, _ column: String, as type: Value.Type = Value.self,
                                                       takeColumn: String = "id") throws -> Value {
        do { return try row.decode(Value.self, forColumn: column) } catch {
            let id = (try? row.decode(Int64?.self, forColumn: takeColumn)).flatMap { $0 }
            let owner = id.map { "take \($0)" } ?? "a take"
            let fix = id.map { "; remove it with `stilte delete \($0) --yes`" } ?? "; find it with `stilte takes`"
            throw StoreError(.unreadableRow, "\(owner) has an unreadable \(column)\(fix)")
        }
    }

    /// The column GRDB's decoding error names, in words.
    private static func badColumn(_ row: Row, _ error: Error) -> String {
        let text = String(describing: error)
        guard let name = row.columnNames.first(where: { text.contains("column: \"\($0)\"") }) else {
            return "a stored value is damaged"
        }
        return "its \(name) is out of range or damaged"
    }
}
