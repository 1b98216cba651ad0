import Foundation
import PostgresNIO
import StilteAnalysis
import StilteCore

/// Rows of the shared log decoded into Core's values without trapping: a value that does not
/// decode (a damaged analysis, an unknown state) is an error naming the row.
enum PostgresRows {
    /// The columns ``take(_:)`` reads, in a `SELECT` (prefix with a table alias where needed).
    static let takeColumns = """
        id, uuid, trainee_id, session_id, scenario_id, turn, state, recording_path, sample_rate, duration, analysis,
        detected_pause_start, detected_pause_end, detected_pause_duration, detected_verdict,
        corrected_pause_start, corrected_pause_end, pause_duration, verdict, target_seconds, target_tolerance,
        min_pause, reaction_time, overruns, unreliable, created_at
        """

    /// The columns ``review(_:)`` reads.
    static let reviewColumns = """
        id, uuid, take_id, reviewer, rating, comment, corrected_pause_start, corrected_pause_end, created_at
        """

    static func take(_ row: PostgresRow) throws -> Take {
        let cells = row.makeRandomAccess()
        let id = (try? cells["id"].decode(Int64.self)) ?? 0
        do {
            var take = Take(id: id, uuid: try cells["uuid"].decode(UUID.self), traineeId: try cells["trainee_id"].decode(Int64.self),
                            sessionId: try cells["session_id"].decode(Int64?.self), scenarioId: try cells["scenario_id"].decode(String.self),
                            turn: try cells["turn"].decode(Int.self), state: try state(cells["state"].decode(String.self)),
                            recordingPath: try cells["recording_path"].decode(String.self),
                            sampleRate: try cells["sample_rate"].decode(Int.self),
                            target: PauseTarget(seconds: try cells["target_seconds"].decode(Double.self),
                                                tolerance: try cells["target_tolerance"].decode(Double.self)),
                            reactionTime: try cells["reaction_time"].decode(Double?.self),
                            overruns: try cells["overruns"].decode(Int.self), unreliable: try cells["unreliable"].decode(Bool.self),
                            createdAt: try cells["created_at"].decode(Date.self), minPause: try cells["min_pause"].decode(Double.self))
            // The stored values as they are (not recomputed): what the row says is what was saved.
            take.duration = try cells["duration"].decode(Double?.self)
            take.analysis = try cells["analysis"].decode(String?.self).map { try JSONDecoder().decode(Analysis.self, from: Data($0.utf8)) }
            take.detectedPauseStart = try cells["detected_pause_start"].decode(Double?.self)
            take.detectedPauseEnd = try cells["detected_pause_end"].decode(Double?.self)
            take.detectedPauseDuration = try cells["detected_pause_duration"].decode(Double?.self)
            take.detectedVerdict = try verdict(cells["detected_verdict"].decode(String?.self))
            take.correctedPauseStart = try cells["corrected_pause_start"].decode(Double?.self)
            take.correctedPauseEnd = try cells["corrected_pause_end"].decode(Double?.self)
            take.pauseDuration = try cells["pause_duration"].decode(Double?.self)
            take.verdict = try verdict(cells["verdict"].decode(String?.self))
            return take
        } catch {
            throw StoreError(.unreadableRow, PostgresText.unreadable("take", id: id))
        }
    }

    static func review(_ row: PostgresRow) throws -> Review {
        let cells = row.makeRandomAccess()
        let takeId = (try? cells["take_id"].decode(Int64.self)) ?? 0
        do {
            var review = Review(id: try cells["id"].decode(Int64.self), uuid: try cells["uuid"].decode(UUID.self), takeId: takeId,
                                reviewer: try cells["reviewer"].decode(String.self), rating: try cells["rating"].decode(Int?.self),
                                comment: try cells["comment"].decode(String?.self), createdAt: try cells["created_at"].decode(Date.self))
            review.correctedPauseStart = try cells["corrected_pause_start"].decode(Double?.self)
            review.correctedPauseEnd = try cells["corrected_pause_end"].decode(Double?.self)
            return review
        } catch {
            throw StoreError(.unreadableRow, PostgresText.unreadable("take", id: takeId))
        }
    }

    static func trainee(_ row: PostgresRow) throws -> Trainee {
        let (id, name, createdAt) = try row.decode((Int64, String, Date).self)
        return Trainee(id: id, name: name, createdAt: createdAt)
    }

    private struct Undecodable: Error {}

    private static func state(_ text: String) throws -> Take.State {
        guard let state = Take.State(rawValue: text) else { throw Undecodable() }
        return state
    }

    private static func verdict(_ text: String?) throws -> Verdict? {
        guard let text else { return nil }
        guard let verdict = Verdict(rawValue: text) else { throw Undecodable() }
        return verdict
    }

    /// The analysis as stored: JSON text, nil for none.
    static func analysisText(_ analysis: Analysis?) throws -> String? {
        guard let analysis else { return nil }
        return String(decoding: try JSONEncoder().encode(analysis), as: UTF8.self)
    }
}
