import GRDB
import StilteCore

/// The session log's schema: named migrations, applied in order, never edited
/// once released (add a new one instead).
enum Schema {
    /// Stored in `PRAGMA user_version` by the last migration; a file with a larger
    /// value was written by a newer Stilte.
    static let version = 5

    /// The Monday (UTC) of a take's week, as `YYYY-MM-DD`; queries must spell it
    /// exactly like this to use the `take_progress_week` index.
    static let weekExpression = "date(createdAt, 'weekday 0', '-6 days')"

    /// The first migration's identifier: a database whose `grdb_migrations` lacks it is not a Stilte log.
    static let firstMigration = "v1: trainees, sessions, takes, reviews"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try db.create(table: "trainee") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "session") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("trainee", onDelete: .cascade).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("endedAt", .datetime)
                t.column("devices", .text).notNull()
                t.column("appVersion", .text).notNull()
            }
            try db.create(table: "take") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("uuid", .text).notNull().unique()
                t.belongsTo("trainee", onDelete: .cascade).notNull()
                t.belongsTo("session", onDelete: .setNull)
                t.column("scenarioId", .text).notNull()
                t.column("turn", .integer).notNull()
                t.column("state", .text).notNull()
                t.column("recordingPath", .text).notNull()
                t.column("sampleRate", .integer).notNull()
                t.column("duration", .double)
                t.column("analysis", .jsonText)
                t.column("detectedPauseStart", .double)
                t.column("detectedPauseEnd", .double)
                t.column("detectedPauseDuration", .double)
                t.column("detectedVerdict", .text)
                t.column("correctedPauseStart", .double)
                t.column("correctedPauseEnd", .double)
                t.column("pauseDuration", .double)
                t.column("verdict", .text)
                t.column("targetSeconds", .double).notNull()
                t.column("targetTolerance", .double).notNull()
                t.column("reactionTime", .double)
                t.column("overruns", .integer).notNull()
                t.column("unreliable", .boolean).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            // Progress: percentiles walk this index in pause order per trainee × scenario
            // (covering, so no table lookups).
            try db.create(index: "take_progress_pause", on: "take",
                          columns: ["traineeId", "scenarioId", "pauseDuration", "state", "createdAt", "verdict"])
            // Progress: first, latest and recent takes per trainee × scenario, in
            // (createdAt, id) order (the rowid ends every index).
            try db.create(index: "take_progress_time", on: "take", columns: ["traineeId", "scenarioId", "createdAt"])
            // The log (`stilte takes`) in time order, and `--since`.
            try db.create(index: "take_created", on: "take", columns: ["createdAt"])
            // Recovery of interrupted takes on start.
            try db.create(index: "take_recording", on: "take", columns: ["state"], condition: Column("state") == "recording")

            try db.create(table: "review") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("uuid", .text).notNull().unique()
                t.belongsTo("take", onDelete: .cascade).notNull()
                t.column("reviewer", .text).notNull()
                t.column("rating", .integer).check { $0 == nil || ($0 >= 1 && $0 <= 5) }
                t.column("comment", .text)
                t.column("correctedPauseStart", .double)
                t.column("correctedPauseEnd", .double)
                t.column("createdAt", .datetime).notNull()
            }
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2: week index for progress") { db in
            // Progress: takes per trainee × scenario × week, in index order (no sort), covering.
            try db.execute(sql: """
                CREATE INDEX take_progress_week
                ON take(traineeId, scenarioId, \(weekExpression), state, pauseDuration, verdict, createdAt)
                """)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3: demo and empty takes") { db in
            // Takes that are not practice say so in their state (`demo`, `empty`), so progress
            // leaves them out: before, a demo take counted as the user's practice, and a take
            // killed during the prompt (no audio) as an interrupted answer.
            try db.execute(sql: """
                UPDATE take SET state = 'demo'
                WHERE state IN ('complete', 'interrupted')
                  AND sessionId IN (SELECT id FROM session WHERE devices LIKE '% demo')
                """)
            try db.execute(sql: "UPDATE take SET state = 'empty' WHERE state = 'interrupted' AND duration = 0")
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration("v4: trainee preferences and coaching events") { db in
            try db.create(table: "trainee_preference") { t in
                t.primaryKey("traineeId", .integer).references("trainee", onDelete: .cascade)
                t.column("language", .text)
                t.column("secondsPerCount", .double)
                t.column("liveMode", .text)
                t.column("graduatedTarget", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "coaching_event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("trainee", onDelete: .cascade).notNull()
                t.belongsTo("take", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("value", .double).notNull()
                t.column("measured", .double)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(index: "coaching_event_trainee", on: "coaching_event", columns: ["traineeId", "createdAt"])
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        migrator.registerMigration("v5: min-pause per take") { db in
            // Each take keeps the min-pause it was measured with, so recovery, import and
            // re-analysis measure it again the same way. Older takes were all measured with
            // 0.6 s, the default when this migration was written (frozen here on purpose).
            try db.alter(table: "take") { t in
                t.add(column: "minPause", .double).notNull().defaults(to: 0.6)
            }
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        return migrator
    }
}
