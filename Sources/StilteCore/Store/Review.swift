import Foundation
import StilteAnalysis

/// A trainer's review of a take: a rating, a comment, a corrected pause, or any of these.
public struct Review: Codable, Sendable, Equatable {
    public var id: Int64?
    /// Stable across machines, so importing a bundle twice adds nothing.
    public var uuid: UUID
    public var takeId: Int64
    public var reviewer: String
    /// 1 (poor) to 5 (excellent).
    public var rating: Int?
    public var comment: String?
    /// The pause as the trainer hears it, in seconds from the start of the recording.
    public var correctedPauseStart: Double?
    public var correctedPauseEnd: Double?
    public var createdAt: Date

    public init(id: Int64? = nil, uuid: UUID = UUID(), takeId: Int64, reviewer: String, rating: Int? = nil, comment: String? = nil,
                correctedPause: TimeSpan? = nil, createdAt: Date = Date()) {
        self.id = id
        self.uuid = uuid
        self.takeId = takeId
        self.reviewer = reviewer
        self.rating = rating
        self.comment = comment
        self.correctedPauseStart = correctedPause?.start
        self.correctedPauseEnd = correctedPause?.end
        self.createdAt = createdAt
    }

    /// The corrected pause, when this review corrects it.
    public var correctedPause: TimeSpan? {
        guard let start = correctedPauseStart, let end = correctedPauseEnd else { return nil }
        return TimeSpan(start: start, end: end)
    }
}
