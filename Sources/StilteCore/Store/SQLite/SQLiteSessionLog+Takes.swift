import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif
import StilteAnalysis

extension SQLiteSessionLog {
    public func beginTake(_ draft: TakeDraft) throws -> Take {
        let uuid = UUID()
        let ext = draft.fileExtension.isEmpty ? "wav" : draft.fileExtension
        let relative = "recordings/\(uuid.uuidString.lowercased()).\(ext)"
        guard let file = home.resolve(relative), !ext.contains("/") else { throw StoreError(.invalidInput, "bad file extension \(ext)") }
        // The file exists and is locked before the row appears, so no recovery in another
        // process can take it for an interrupted one.
        let lock = try recordingLocks.createAndLock(file.path)
        do {
            let take = try write { db in
                guard let session = try PracticeSession.fetchOne(db, key: draft.sessionId) else {
                    throw StoreError(.notFound, "no session \(draft.sessionId); begin one with beginSession")
                }
                var take = Take(uuid: uuid, traineeId: session.traineeId, sessionId: session.id, scenarioId: draft.scenarioId,
                                turn: draft.turn, state: .recording, recordingPath: relative, sampleRate: draft.sampleRate,
                                target: draft.target)
                try take.insert(db)
                return take
            }
            recordingLocks.keep(lock, for: take.id ?? 0)
            return take
        } catch {
            close(lock)
            try? FileManager.default.removeItem(at: file)
            throw error
        }
    }

    public func finishTake(_ takeId: Int64, measurement: TakeMeasurement) throws -> Take {
        let take = try write { db in
            guard var take = try Take.fetchOne(db, key: takeId) else { throw StoreError(.notFound, "no take \(takeId)") }
            take.apply(measurement)
            take.state = measurement.state == .recording ? .complete : measurement.state
            try take.update(db)
            return take
        }
        recordingLocks.release(takeId)
        return take
    }

    /// True when a take is still marked as recording while no process holds its lock:
    /// ``recoverInterruptedTakes(measure:)`` has something to finish.
    public func hasInterruptedTakes() throws -> Bool {
        let pending = try read { db in try Take.filter(Column("state") == Take.State.recording.rawValue).fetchAll(db) }
        return pending.contains { take in
            guard let file = home.resolve(take.recordingPath) else { return false }
            return !RecordingLocks.isLocked(file.path)
        }
    }

    public func recoverInterruptedTakes(measure: (Take, URL) throws -> TakeMeasurement) throws -> [RecoveredTake] {
        let pending = try read { db in try Take.filter(Column("state") == Take.State.recording.rawValue).fetchAll(db) }
        var outcomes: [RecoveredTake] = []
        for take in pending {
            guard let id = take.id, let file = home.resolve(take.recordingPath) else { continue }
            // Still being recorded (by this or another process): not interrupted.
            if RecordingLocks.isLocked(file.path) { continue }
            let size = ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int) ?? 0
            var measurement: TakeMeasurement?
            if size > 0 { measurement = try? measure(take, file) }
            let outcome: RecoveredTake.Outcome? = try write { db in
                // Only if nobody finished it meanwhile.
                guard var current = try Take.fetchOne(db, key: id), current.state == .recording else { return nil }
                if size == 0 {
                    _ = try Take.deleteOne(db, key: id)
                    try? FileManager.default.removeItem(at: file)
                    return .removed
                }
                if let measurement { current.apply(measurement) }
                // A header and no audio: the process ended during the client's prompt.
                current.state = measurement?.duration == 0 ? .empty : .interrupted
                current.unreliable = true
                try current.update(db)
                return measurement == nil ? .unmeasured : .recovered
            }
            if let outcome { outcomes.append(RecoveredTake(takeId: id, recordingPath: take.recordingPath, outcome: outcome)) }
        }
        return outcomes
    }

    public func saveTake(_ new: NewTake) throws -> (take: Take, added: Bool) {
        guard home.resolve(new.recordingPath) != nil else {
            throw StoreError(.invalidInput, "recording path \(new.recordingPath) must be relative to the Stilte home")
        }
        return try write { db in
            if let existing = try Take.filter(Column("uuid") == new.uuid.uuidString.lowercased()).fetchOne(db) {
                return (existing, false)
            }
            let owner = try self.trainee(named: new.trainee, in: db)
            var take = Take(uuid: new.uuid, traineeId: owner.id ?? 0, sessionId: new.sessionId, scenarioId: new.scenarioId,
                            turn: new.turn, state: new.measurement.state == .recording ? .complete : new.measurement.state,
                            recordingPath: new.recordingPath, sampleRate: new.sampleRate,
                            target: new.target, createdAt: new.createdAt)
            take.apply(new.measurement)
            try take.insert(db)
            return (take, true)
        }
    }

    /// Saves many complete takes in one transaction (bulk import, benchmarks).
    public func saveTakes(_ news: [NewTake]) throws {
        try write { db in
            var trainees: [String: Int64] = [:]
            for new in news {
                let traineeId: Int64
                if let known = trainees[new.trainee] { traineeId = known } else {
                    traineeId = try self.trainee(named: new.trainee, in: db).id ?? 0
                    trainees[new.trainee] = traineeId
                }
                var take = Take(uuid: new.uuid, traineeId: traineeId, sessionId: new.sessionId, scenarioId: new.scenarioId,
                                turn: new.turn, state: new.measurement.state == .recording ? .complete : new.measurement.state,
                            recordingPath: new.recordingPath, sampleRate: new.sampleRate,
                                target: new.target, createdAt: new.createdAt)
                take.apply(new.measurement)
                try take.insert(db)
            }
        }
    }

    public func take(id: Int64) throws -> Take? {
        try read { db in try Take.fetchOne(db, key: id) }
    }

    public func take(uuid: UUID) throws -> Take? {
        try read { db in try Take.filter(Column("uuid") == uuid.uuidString.lowercased()).fetchOne(db) }
    }

    public func takes(_ filter: TakeFilter) throws -> [Take] {
        try read { db in
            guard let request = try takeRequest(filter, db) else { return [] }
            return try request.order(Column("createdAt"), Column("id")).fetchAll(db)
        }
    }

    /// The takes matching `filter` (not those still recording); nil when the named trainee does not exist.
    func takeRequest(_ filter: TakeFilter, _ db: Database) throws -> QueryInterfaceRequest<Take>? {
        var request = Take.filter(Column("state") != Take.State.recording.rawValue)
        if let name = filter.trainee {
            guard let trainee = try Trainee.filter(Column("name") == name).fetchOne(db) else { return nil }
            request = request.filter(Column("traineeId") == trainee.id)
        }
        if let scenario = filter.scenarioId { request = request.filter(Column("scenarioId") == scenario) }
        if let since = filter.since { request = request.filter(Column("createdAt") >= since) }
        if filter.unreviewedOnly {
            request = request.filter(sql: "NOT EXISTS (SELECT 1 FROM review WHERE review.takeId = take.id)")
        }
        return request
    }

    public func deleteTake(id: Int64) throws {
        try write { db in
            guard let take = try Take.fetchOne(db, key: id) else { throw StoreError(.notFound, "no take \(id); see `stilte takes`") }
            _ = try Take.deleteOne(db, key: id)
            // Inside the transaction: if the file cannot be removed, the row stays too.
            guard let file = home.resolve(take.recordingPath) else { return }
            do {
                try FileManager.default.removeItem(at: file)
            } catch CocoaError.fileNoSuchFile {
                // Already gone; the row goes with it.
            } catch {
                throw StoreError(.io, "cannot remove the recording (\(FileProblem(error).en)); the take was kept", path: file.path)
            }
        }
    }
}

extension Take {
    /// Stores a measurement's values on the take.
    mutating func apply(_ measurement: TakeMeasurement) {
        setMeasurement(duration: measurement.duration, analysis: measurement.analysis)
        reactionTime = measurement.reactionTime
        overruns = measurement.overruns
        unreliable = measurement.unreliable
    }
}
