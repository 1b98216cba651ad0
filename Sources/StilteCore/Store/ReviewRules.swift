import Foundation
import StilteAnalysis

/// The rules every review meets in every session log, so that a second store applies them by
/// calling these instead of copying them: the rating range, a correction that lies inside its
/// take, and the latest correction being the one that counts.
extension Review {
    /// The ratings a review may give: 1 (poor) to 5 (excellent).
    public static let ratings = 1...5

    /// How far past a take's end, in seconds, a corrected pause may end: one millisecond of
    /// rounding between a waveform drawn in the browser and the stored duration.
    public static let endSlack = 0.001

    /// Why this review may not be added to `take`, nil when it may: its own fields
    /// (``problem``) and a corrected pause inside the take (from 0 to its duration, ending
    /// after it starts).
    public func problem(on take: Take) -> String? {
        if let problem { return problem }
        guard let span = correctedPause else { return nil }
        guard span.start >= 0, span.end > span.start, span.end <= (take.duration ?? .infinity) + Self.endSlack else {
            let limit = take.duration.map { String(format: "%.2f", $0) } ?? "?"
            return String(format: "corrected pause %.2f–%.2f s is not inside take %lld (0–%@ s) or ends before it starts",
                          span.start, span.end, take.id ?? takeId, limit)
        }
        return nil
    }

    /// The correction that counts for a take with these reviews: the latest one (by creation
    /// time, then by id) that corrects the pause, whatever order they were added in (a bundle
    /// may bring older reviews later). Nil when none corrects it.
    public static func effectiveCorrection(among reviews: [Review]) -> TimeSpan? {
        reviews.filter { $0.correctedPause != nil }
            .max { ($0.createdAt, $0.id ?? .max) < ($1.createdAt, $1.id ?? .max) }?
            .correctedPause
    }
}
