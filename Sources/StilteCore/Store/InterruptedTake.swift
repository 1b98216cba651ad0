import Foundation

/// Crash recovery's rule for a take left in state `.recording` (the program died while
/// recording), the same for every store: ``SessionLog/recoverInterruptedTakes(measure:)``
/// fetches the rows, asks this what to do, and updates or deletes them in a transaction.
///
/// - A take whose recording a process still locks is being recorded: left alone (no value).
/// - An empty recording: nothing to keep; the row and the file are removed.
/// - Otherwise the take is measured from its file when it can be and kept, marked
///   `.interrupted` (`.empty` when the file holds a header and no audio) and unreliable.
public struct InterruptedTake: Sendable {
    /// The take as fetched before the store's transaction.
    public let take: Take
    /// Bytes in its recording; 0 when nothing was written.
    public let size: Int
    /// The measurement of its recording; nil when the file is empty or could not be measured.
    public let measurement: TakeMeasurement?

    /// What to do with `take`, measured with `measure`; nil when it is still being recorded
    /// (its lock is held) or names no valid recording.
    public init?(_ take: Take, recordings: RecordingStore, measure: (Take, URL) throws -> TakeMeasurement) {
        guard let file = recordings.url(of: take.recordingPath), !RecordingLocks.isLocked(file.path) else { return nil }
        self.take = take
        size = ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int) ?? 0
        measurement = size > 0 ? try? measure(take, file) : nil
    }

    /// True when the row and its file are to be removed rather than kept.
    public var isEmpty: Bool { size == 0 }

    /// `current` (the row as read again inside the store's transaction) as it is kept.
    public func finished(_ current: Take) -> Take {
        var take = current
        if let measurement { take.apply(measurement) }
        // A header and no audio: the process ended during the client's prompt.
        take.state = measurement?.duration == 0 ? .empty : .interrupted
        take.unreliable = true
        return take
    }

    /// What recovery did with the take.
    public var recovered: RecoveredTake {
        RecoveredTake(takeId: take.id ?? 0, recordingPath: take.recordingPath,
                      outcome: isEmpty ? .removed : measurement == nil ? .unmeasured : .recovered)
    }
}
