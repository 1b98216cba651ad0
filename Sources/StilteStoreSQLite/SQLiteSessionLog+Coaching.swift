import Foundation
import GRDB
import StilteCore

extension SQLiteSessionLog: CoachingLog {
    public func preferences(trainee: String) throws -> TraineePreferences {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT p.* FROM trainee_preference p JOIN trainee t ON t.id = p.traineeId WHERE t.name = ?
                """, arguments: [trainee]) else { return TraineePreferences() }
            // Stored text is read as hostile: an unknown value is no preference.
            return TraineePreferences(language: (row["language"] as String?).flatMap(Language.init(rawValue:)),
                                      secondsPerCount: row["secondsPerCount"],
                                      liveMode: (row["liveMode"] as String?).flatMap(LiveMode.init(rawValue:)),
                                      graduatedTarget: row["graduatedTarget"] ?? false)
        }
    }

    public func savePreferences(_ preferences: TraineePreferences, trainee: String) throws {
        try write { db in
            let owner = try self.trainee(named: trainee, in: db)
            try db.execute(sql: """
                INSERT INTO trainee_preference (traineeId, language, secondsPerCount, liveMode, graduatedTarget)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(traineeId) DO UPDATE SET language = excluded.language, secondsPerCount = excluded.secondsPerCount,
                    liveMode = excluded.liveMode, graduatedTarget = excluded.graduatedTarget
                """, arguments: [owner.id, preferences.language?.rawValue, preferences.secondsPerCount,
                                 preferences.liveMode?.rawValue, preferences.graduatedTarget])
        }
    }

    public func record(_ event: CoachingEvent, trainee: String) throws {
        try write { db in
            let owner = try self.trainee(named: trainee, in: db)
            try db.execute(sql: """
                INSERT INTO coaching_event (traineeId, takeId, kind, value, measured, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [owner.id, event.takeId, event.kind.rawValue, event.value, event.measured, event.createdAt])
        }
    }

    public func coachingEvents(trainee: String) throws -> [CoachingEvent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.* FROM coaching_event e JOIN trainee t ON t.id = e.traineeId WHERE t.name = ? ORDER BY e.createdAt, e.id
                """, arguments: [trainee]).compactMap { row in
                guard let kind = (row["kind"] as String?).flatMap(CoachingEvent.Kind.init(rawValue:)),
                      let value = row["value"] as Double?, value.isFinite else { return nil }
                return CoachingEvent(kind: kind, takeId: row["takeId"], value: value, measured: row["measured"],
                                     createdAt: row["createdAt"] ?? Date(timeIntervalSince1970: 0))
            }
        }
    }
}
