import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PostgresNIO
import StilteAnalysis
import StilteCore

extension PostgresSessionLog {
    public func beginTake(_ draft: TakeDraft) throws -> Take {
        let uuid = UUID()
        let relative = RecordingStore.name(for: uuid, fileExtension: draft.fileExtension.isEmpty ? "wav" : draft.fileExtension)
        // The file exists and is locked before the row appears, so no recovery elsewhere takes it for an interrupted one.
        guard let file = recordings.url(of: relative) else { throw StoreError(.invalidInput, "bad file extension \(draft.fileExtension)") }
        let lock = try recordingLocks.createAndLock(file.path)
        do {
            let take = try transaction { sql in
                guard let owner = try sql.value("SELECT trainee_id FROM session WHERE id = \(draft.sessionId)", as: Int64.self) else {
                    throw StoreError(.notFound, "no session \(draft.sessionId); begin one with beginSession")
                }
                var take = Take(uuid: uuid, traineeId: owner, sessionId: draft.sessionId, scenarioId: draft.scenarioId, turn: draft.turn,
                                state: .recording, recordingPath: relative, sampleRate: draft.sampleRate, target: draft.target,
                                minPause: draft.minPause)
                take.id = try insert(take, sql)
                return take
            }
            recordingLocks.keep(lock, for: take.id ?? 0)
            return take
        } catch {
            Glibc.close(lock)
            try? recordings.remove(relative)
            throw error
        }
    }

    public func finishTake(_ takeId: Int64, measurement: TakeMeasurement) throws -> Take {
        let take = try transaction { sql in
            guard var take = try fetchTake(id: takeId, sql, forUpdate: true) else { throw StoreError(.notFound, "no take \(takeId)") }
            take.apply(measurement)
            take.state = measurement.state == .recording ? .complete : measurement.state
            try update(take, sql)
            return take
        }
        recordingLocks.release(takeId)
        return take
    }

    public func recoverInterruptedTakes(measure: (Take, URL) throws -> TakeMeasurement) throws -> [RecoveredTake] {
        let pending = try transaction { sql in
            try sql.rows("SELECT \(unescaped: PostgresRows.takeColumns) FROM take WHERE state = 'recording' ORDER BY id").map(PostgresRows.take)
        }
        var outcomes: [RecoveredTake] = []
        for take in pending {
            // Still being recorded by a process on this machine, or no valid file: left alone.
            guard let id = take.id, let found = InterruptedTake(take, recordings: recordings, measure: measure) else { continue }
            let finished: Bool = try transaction { sql in
                // Only if nobody finished it meanwhile.
                guard let current = try fetchTake(id: id, sql, forUpdate: true), current.state == .recording else { return false }
                if found.isEmpty {
                    try sql.run("DELETE FROM take WHERE id = \(id)")
                    try? recordings.remove(take.recordingPath)
                } else {
                    try update(found.finished(current), sql)
                }
                return true
            }
            if finished { outcomes.append(found.recovered) }
        }
        return outcomes
    }

    public func saveTake(_ new: NewTake) throws -> (take: Take, added: Bool) {
        try transaction { sql in try insertTake(new, sql) }
    }

    public func saveImport(_ batch: ImportBatch) throws -> ImportBatch.Outcome {
        try transaction { sql in
            try batch.save(insertTake: { try insertTake($0, sql) },
                           storedTakeId: { uuid in try sql.value("SELECT id FROM take WHERE uuid = \(uuid)", as: Int64.self) },
                           insertReview: { try insertReview($0, sql).added })
        }
    }

    /// Inserts a complete take unless its uuid is already in the log (then the stored one is
    /// returned). Two servers saving the same uuid at once: one inserts, the other gets its row.
    func insertTake(_ new: NewTake, _ sql: PostgresStatements) throws -> (take: Take, added: Bool) {
        guard RecordingStore.isValidName(new.recordingPath) else {
            throw StoreError(.invalidInput, "recording path \(new.recordingPath) must be recordings/NAME in the Stilte home")
        }
        if let problem = new.problem { throw StoreError(.invalidInput, problem) }
        if let existing = try fetchTake(uuid: new.uuid, sql) { return (existing, false) }
        let owner = try traineeId(named: new.trainee, sql)
        var take = Take(uuid: new.uuid, traineeId: owner, sessionId: new.sessionId, scenarioId: new.scenarioId, turn: new.turn,
                        state: new.measurement.state == .recording ? .complete : new.measurement.state,
                        recordingPath: new.recordingPath, sampleRate: new.sampleRate, target: new.target,
                        createdAt: new.createdAt, minPause: new.minPause)
        take.apply(new.measurement)
        guard let id = try insert(take, sql) else {
            guard let existing = try fetchTake(uuid: new.uuid, sql) else { throw StoreError(.notFound, "no take \(new.uuid)") }
            return (existing, false)
        }
        take.id = id
        return (take, true)
    }

    public func take(id: Int64) throws -> Take? {
        try transaction { sql in try fetchTake(id: id, sql) }
    }

    public func take(uuid: UUID) throws -> Take? {
        try transaction { sql in try fetchTake(uuid: uuid, sql) }
    }

    public func takes(_ filter: TakeFilter) throws -> [Take] {
        try transaction { sql in
            guard let condition = try TakeCondition(filter, practiceOnly: false, sql) else { return [] }
            return try sql.rows(PostgresQuery(unsafeSQL: """
                SELECT \(PostgresRows.takeColumns) FROM take WHERE \(condition.sql) ORDER BY created_at, id
                """, binds: condition.binds)).map(PostgresRows.take)
        }
    }

    public func deleteTake(id: Int64) throws {
        try transaction { sql in
            // Only the path is read, so a take whose other values cannot be decoded can still be removed.
            guard let path = try sql.value("DELETE FROM take WHERE id = \(id) RETURNING recording_path", as: String.self) else {
                throw StoreError(.notFound, "no take \(id); see `stilte takes`")
            }
            // Inside the transaction: if the file cannot be removed, the row stays too.
            try recordings.remove(path)
        }
    }

    // MARK: Rows

    func fetchTake(id: Int64, _ sql: PostgresStatements, forUpdate: Bool = false) throws -> Take? {
        try sql.rows("SELECT \(unescaped: PostgresRows.takeColumns) FROM take WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")")
            .first.map(PostgresRows.take)
    }

    func fetchTake(uuid: UUID, _ sql: PostgresStatements) throws -> Take? {
        try sql.rows("SELECT \(unescaped: PostgresRows.takeColumns) FROM take WHERE uuid = \(uuid)").first.map(PostgresRows.take)
    }

    /// Inserts `take`; its id, or nil when a take with its uuid is already there.
    private func insert(_ take: Take, _ sql: PostgresStatements) throws -> Int64? {
        try sql.value("""
            INSERT INTO take (uuid, trainee_id, session_id, scenario_id, turn, state, recording_path, sample_rate, duration, analysis,
                detected_pause_start, detected_pause_end, detected_pause_duration, detected_verdict,
                corrected_pause_start, corrected_pause_end, pause_duration, verdict, target_seconds, target_tolerance,
                min_pause, reaction_time, overruns, unreliable, created_at)
            VALUES (\(take.uuid), \(take.traineeId), \(take.sessionId), \(take.scenarioId), \(take.turn), \(take.state.rawValue),
                \(take.recordingPath), \(take.sampleRate), \(take.duration), \(try PostgresRows.analysisText(take.analysis)),
                \(take.detectedPauseStart), \(take.detectedPauseEnd), \(take.detectedPauseDuration), \(take.detectedVerdict?.rawValue),
                \(take.correctedPauseStart), \(take.correctedPauseEnd), \(take.pauseDuration), \(take.verdict?.rawValue),
                \(take.targetSeconds), \(take.targetTolerance), \(take.minPause), \(take.reactionTime), \(take.overruns),
                \(take.unreliable), \(take.createdAt))
            ON CONFLICT (uuid) DO NOTHING RETURNING id
            """, as: Int64.self)
    }

    /// Writes every measured and effective value of `take` back to its row.
    func update(_ take: Take, _ sql: PostgresStatements) throws {
        try sql.run("""
            UPDATE take SET state = \(take.state.rawValue), duration = \(take.duration),
                analysis = \(try PostgresRows.analysisText(take.analysis)),
                detected_pause_start = \(take.detectedPauseStart), detected_pause_end = \(take.detectedPauseEnd),
                detected_pause_duration = \(take.detectedPauseDuration), detected_verdict = \(take.detectedVerdict?.rawValue),
                corrected_pause_start = \(take.correctedPauseStart), corrected_pause_end = \(take.correctedPauseEnd),
                pause_duration = \(take.pauseDuration), verdict = \(take.verdict?.rawValue), reaction_time = \(take.reactionTime),
                overruns = \(take.overruns), unreliable = \(take.unreliable)
            WHERE id = \(take.id ?? 0)
            """)
    }
}
