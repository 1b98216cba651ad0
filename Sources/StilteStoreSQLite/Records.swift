import GRDB
import StilteAnalysis
import StilteCore

// GRDB persistence of Core's Codable rows, one per table (conformances declared here, in the
// adapter, so Core does not link GRDB).
// Identifiers are stored as lowercase text so the file reads well in `sqlite3`.

extension Trainee: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "trainee"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PracticeSession: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "session"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Take: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "take"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Review: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "review"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Take.State: DatabaseValueConvertible {}
extension Verdict: DatabaseValueConvertible {}
