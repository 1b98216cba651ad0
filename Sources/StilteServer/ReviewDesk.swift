import Foundation
import StilteAnalysis
import StilteCore

/// What the pages and the JSON API do with the log: the same rules as the CLI's
/// review commands (the log checks the correction lies inside the take and makes the
/// latest correction win), every review stored with the reviewer's name.
struct ReviewDesk: Sendable {
    let log: any SessionLog & ReviewBrowsing
    /// Scenarios by id, for the client line and the example answer (empty without a library).
    let scenarios: [String: Scenario]
    /// Who saves reviews from this server (`--reviewer`).
    let reviewer: String
    let waveforms = WaveformCache()

    /// The take with `id`, or a not-found error.
    func take(_ id: Int64) throws -> Take {
        guard let take = try log.take(id: id) else { throw StoreError(.notFound, "no take \(id)") }
        return take
    }

    /// Everything the take page shows, except the waveform.
    func detail(of id: Int64) throws -> TakeDetail {
        let take = try take(id)
        let scenario = scenarios[take.scenarioId]
        let turn = scenario.flatMap { $0.turns.indices.contains(take.turn - 1) ? $0.turns[take.turn - 1] : nil }
        let trainee = try log.trainee(id: take.traineeId)?.name ?? "?"
        return TakeDetail(
            take: take, record: TakeJSON(take, trainee: trainee), trainee: trainee,
            scenario: scenario.map { ScenarioLines(title: $0.title, client: $0.client.name, prompt: turn?.prompt, example: turn?.example) },
            parts: take.effectiveAnalysis.map { AnswerParts.of($0).map { LabelledSpan(label: $0.label, start: $0.span.start, end: $0.span.end) } } ?? [],
            detectedPause: take.detectedPause, correctedPause: take.correctedPause, events: take.analysis?.pause?.events ?? [],
            reviews: try log.reviews(takeId: id), unreviewed: try log.unreviewedNeighbours(of: take),
            recordingPresent: RecordingFile(of: take, in: log.home) != nil)
    }

    /// The waveform of take `id` (computed on first use, then cached).
    func waveform(of id: Int64) async throws -> Waveform {
        let take = try take(id)
        guard let file = RecordingFile(of: take, in: log.home) else {
            throw StoreError(.missingRecording, "the recording of take \(id) is missing")
        }
        return try await waveforms.waveform(takeId: id, path: file.path, size: file.size, modified: file.modified)
    }

    /// Stores a review by ``reviewer``; returns the take as it reads afterwards.
    func save(_ input: ReviewInput, takeId: Int64) throws -> TakeDetail {
        let review = try input.review(takeId: try take(takeId).id ?? takeId, reviewer: reviewer)
        _ = try log.addReview(review)
        FileHandle.standardError.write(Data("stilte serve: \(reviewer) reviewed take \(takeId): \(input.summary)\n".utf8))
        return try detail(of: takeId)
    }
}

/// A take as the take page and `GET /api/takes/ID` show it.
struct TakeDetail: Encodable, Sendable {
    /// The stored take, for the pages.
    var take: Take
    /// The stored take as JSON (``TakeJSON``, the shape of `stilte takes --json`): the `take` key.
    var record: TakeJSON
    var trainee: String
    /// Nil when the scenario is not in the library.
    var scenario: ScenarioLines?
    /// Refusal, pause and solution of the effective analysis (a correction wins).
    var parts: [LabelledSpan]
    var detectedPause: TimeSpan?
    var correctedPause: TimeSpan?
    /// Breaths, clicks, noises and a filler the detector found in its pause.
    var events: [PauseEvent]
    /// Oldest first.
    var reviews: [Review]
    var unreviewed: UnreviewedNeighbours
    var recordingPresent: Bool

    enum CodingKeys: String, CodingKey {
        case record = "take", trainee, scenario, parts, detectedPause, correctedPause, events, reviews, unreviewed, recordingPresent
    }
}

/// The scenario lines a reviewer reads beside a take.
struct ScenarioLines: Codable, Sendable {
    var title: String
    var client: String
    /// What the client says in this turn.
    var prompt: String?
    var example: String?
}

/// A named stretch of a take (`refusal`, `pause`, `solution`).
struct LabelledSpan: Codable, Sendable, Equatable {
    var label: String
    var start: Double
    var end: Double
}

/// A review as the page or a tool sends it (`POST /api/takes/ID/reviews`).
struct ReviewInput: Codable, Sendable, Equatable {
    var rating: Int?
    var comment: String?
    /// Both or neither: the corrected pause, in seconds from the start of the recording.
    var pauseStart: Double?
    var pauseEnd: Double?

    /// The review to store, or a one-line reason why not (the log checks the rest).
    func review(takeId: Int64, reviewer: String) throws -> Review {
        if let rating, !(1...5).contains(rating) {
            throw StoreError(.invalidInput, "rating \(rating) is out of range; give 1 (poor) to 5 (excellent)")
        }
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let comment, comment.count > ServerLimits.maxCommentCharacters {
            throw StoreError(.invalidInput, "the comment is longer than \(ServerLimits.maxCommentCharacters) characters")
        }
        var span: TimeSpan?
        switch (pauseStart, pauseEnd) {
        case let (start?, end?):
            guard start.isFinite, end.isFinite else { throw StoreError(.invalidInput, "pause start and end must be numbers") }
            span = TimeSpan(start: start, end: end)
        case (nil, nil): span = nil
        default: throw StoreError(.invalidInput, "give both pauseStart and pauseEnd, or neither")
        }
        let text = (comment?.isEmpty ?? true) ? nil : comment
        guard rating != nil || text != nil || span != nil else {
            throw StoreError(.invalidInput, "a review needs a rating, a comment or a corrected pause")
        }
        return Review(takeId: takeId, reviewer: reviewer, rating: rating, comment: text, correctedPause: span)
    }

    /// For the server's log line.
    var summary: String {
        var parts: [String] = []
        if let pauseStart, let pauseEnd { parts.append(String(format: "pause %.2f–%.2f s", pauseStart, pauseEnd)) }
        if let rating { parts.append("rating \(rating)") }
        if let comment, !comment.isEmpty { parts.append("comment (\(comment.count) characters)") }
        return parts.joined(separator: ", ")
    }
}
