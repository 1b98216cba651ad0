import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif
import StilteAnalysis
import StilteCore

extension SQLiteSessionLog {
    public func beginTake(_ draft: TakeDraft) throws -> Take {
        let uuid = UUID()
        let relative = RecordingStore.name(for: uuid, fileExtension: draft.fileExtension.isEmpty ? "wav" : draft.fileExtension)
        // The file exists and is locked before the row appears, so no recovery in another
        // process can take it for an interrupted one.
        guard let file = recordings.url(of: relative) else { throw StoreError(.invalidInput, "bad file extension \(draft.fileExtension)") }
        let lock = try recordingLocks.createAndLock(file.path)
        do {
            let take = try write { db in
                guard let session = try PracticeSession.fetchOne(db, key: draft.sessionId) else {
                    throw StoreError(.notFound, "no session \(draft.sessionId); begin one with beginSession")
                }
                var take = Take(uuid: uuid, traineeId: session.traineeId, sessionId: session.id, scenarioId: draft.scenarioId,
                                turn: draft.turn, state: .recording, recordingPath: relative, sampleRate: draft.sampleRate,
                                target: draft.target, minPause: draft.minPause)
                try take.insert(db)
                return take
            }
            recordingLocks.keep(lock, for: take.id ?? 0)
            return take
        } catch {
            close(lock)
            try? recordings.remove(relative)
            throw error
        }
    }

    public func finishTake(_ takeId: Int64, measurement: TakeMeasurement) throws -> Take {
        let take = try write { db in
            guard var take = try Self.fetchTake(db, id: takeId) else { throw StoreError(.notFound, "no take \(takeId)") }
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
            guard let file = recordings.url(of: take.recordingPath) else { return false }
            return !RecordingLocks.isLocked(file.path)
        }
    }

    public func recoverInterruptedTakes(measure: (Take, URL) throws -> TakeMeasurement) throws -> [RecoveredTake] {
        let pending = try read { db in try Self.fetchTakes(db, Take.filter(Column("state") == Take.State.recording.rawValue)) }
        var outcomes: [RecoveredTake] = []
        for take in pending {
            guard let id = take.id, let found = InterruptedTake(take, recordings: recordings, measure: measure) else { continue }
            let finished: Bool = try write { db in
                // Only if nobody finished it meanwhile.
                guard let current = try Self.fetchTake(db, id: id), current.state == .recording else { return false }
                if found.isEmpty {
                    _ = try Take.deleteOne(db, key: id)
                    try? recordings.remove(take.recordingPath)
                } else {
                    try found.finished(current).update(db)
                }
                return true
            }
            if finished { outcomes.append(found.recovered) }
        }
        return outcomes
    }

    public func saveTake(_ new: NewTake) throws -> (take: Take, added: Bool) {
        try write { db in try insertTake(new, db) }
    }

    public func saveImport(_ batch: ImportBatch) throws -> ImportBatch.Outcome {
        try write { db in
            try batch.save(insertTake: { try insertTake($0, db) },
                           storedTakeId: { uuid in
                               try Self.fetchTakes(db, Take.filter(Column("uuid") == uuid.uuidString.lowercased())).first.map { $0.id ?? 0 }
                           },
                           insertReview: { try insertReview($0, db).added })
        }
    }

    /// Inserts a complete take unless its uuid is already in the log (then the stored one is returned).
    private func insertTake(_ new: NewTake, _ db: Database) throws -> (take: Take, added: Bool) {
        guard RecordingStore.isValidName(new.recordingPath) else {
            throw StoreError(.invalidInput, "recording path \(new.recordingPath) must be recordings/NAME in the Stilte home")
        }
        if let problem = new.problem { throw StoreError(.invalidInput, problem) }
        if let existing = try Self.fetchTakes(db, Take.filter(Column("uuid") == new.uuid.uuidString.lowercased())).first {
            return (existing, false)
        }
        let owner = try self.trainee(named: new.trainee, in: db)
        var take = Take(uuid: new.uuid, traineeId: owner.id ?? 0, sessionId: new.sessionId, scenarioId: new.scenarioId,
                        turn: new.turn, state: new.measurement.state == .recording ? .complete : new.measurement.state,
                        recordingPath: new.recordingPath, sampleRate: new.sampleRate,
                        target: new.target, createdAt: new.createdAt, minPause: new.minPause)
        take.apply(new.measurement)
        try take.insert(db)
        return (take, true)
    }

    /// Saves many complete takes in one transaction (bulk import, benchmarks).
    public func saveTakes(_ news: [NewTake]) throws {
        try write { db in
            var trainees: [String: Int64] = [:]
            for new in news {
                if let problem = new.problem { throw StoreError(.invalidInput, problem) }
                let traineeId: Int64
                if let known = trainees[new.trainee] { traineeId = known } else {
                    traineeId = try self.trainee(named: new.trainee, in: db).id ?? 0
                    trainees[new.trainee] = traineeId
                }
                var take = Take(uuid: new.uuid, traineeId: traineeId, sessionId: new.sessionId, scenarioId: new.scenarioId,
                                turn: new.turn, state: new.measurement.state == .recording ? .complete : new.measurement.state,
                            recordingPath: new.recordingPath, sampleRate: new.sampleRate,
                                target: new.target, createdAt: new.createdAt, minPause: new.minPause)
                take.apply(new.measurement)
                try take.insert(db)
            }
        }
    }

    public func take(id: Int64) throws -> Take? {
        try read { db in try Self.fetchTake(db, id: id) }
    }

    public func take(uuid: UUID) throws -> Take? {
        try read { db in try Self.fetchTakes(db, Take.filter(Column("uuid") == uuid.uuidString.lowercased())).first }
    }

    public func takes(_ filter: TakeFilter) throws -> [Take] {
        try read { db in
            guard let request = try takeRequest(filter, db) else { return [] }
            return try Self.fetchTakes(db, request.order(Column("createdAt"), Column("id")))
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
            // Only the path is read, so a take whose other values cannot be decoded can still be removed.
            guard let row = try Row.fetchOne(db, sql: "SELECT recordingPath FROM take WHERE id = ?", arguments: [id]) else {
                throw StoreError(.notFound, "no take \(id); see `stilte takes`")
            }
            let recordingPath = try? row.decode(String.self, forColumn: "recordingPath")
            _ = try Take.deleteOne(db, key: id)
            // Inside the transaction: if the file cannot be removed, the row stays too.
            // A file already gone goes with the row without complaint.
            guard let recordingPath else { return }
            try recordings.remove(recordingPath)
        }
    }
}
