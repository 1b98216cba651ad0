import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore
import StiltePractice
import StilteStoreSQLite

/// Opening the session log and finding takes in it, shared by the log's commands. The one
/// place the command line names its store (SQLite); commands see ``SessionLog``.
enum LogAccess {
    /// The log in `$STILTE_HOME` (or the XDG default); `.readOnly` for commands that only read,
    /// which then never create, migrate or grow the file.
    static func open(_ access: SQLiteSessionLog.Access = .readWrite) throws -> any SessionLog {
        if let url = SharedLog.url() { return try SharedLog.open(url) }
        return try openSQLite(access)
    }

    /// The SQLite log itself, for the hidden benchmark commands that use what only it has
    /// (bulk inserts, query plans).
    static func openSQLite(_ access: SQLiteSessionLog.Access = .readWrite) throws -> SQLiteSessionLog {
        try SQLiteSessionLog(home: .fromEnvironment(), access: access)
    }

    /// The log, after finishing takes whose recording was interrupted (the program
    /// died while recording): each is measured from its file and kept, marked
    /// interrupted and unreliable; a note on standard error says so. With `.readOnly`
    /// the log is opened for writing only when there is such a take to finish.
    static func openRecovering(_ access: SQLiteSessionLog.Access = .readWrite) throws -> any SessionLog {
        try openRecoveringForReview(access)
    }

    /// ``openRecovering(_:)`` with the lean queries of the review pages (`stilte serve`).
    static func openRecoveringForReview(_ access: SQLiteSessionLog.Access = .readWrite,
                                        database: String? = nil) throws -> any SessionLog & ReviewBrowsing {
        if let url = SharedLog.url(database) {
            let shared = try SharedLog.open(url)
            return report(try TakeRecovery.recoverInterruptedTakes(in: shared), shared)
        }
        if access == .readOnly {
            let reader = try openSQLite(.readOnly)
            if try !reader.hasInterruptedTakes() { return reader }
        }
        let log = try openSQLite()
        return report(try TakeRecovery.recoverInterruptedTakes(in: log), log)
    }

    /// Notes on standard error what recovery did; returns the log.
    private static func report<Log>(_ outcomes: [RecoveredTake], _ log: Log) -> Log {
        for outcome in outcomes {
            let note: String
            switch outcome.outcome {
            case .recovered: note = "take \(outcome.takeId) was interrupted while recording; kept what was recorded (marked unreliable)"
            case .unmeasured: note = "take \(outcome.takeId) was interrupted while recording; its file \(outcome.recordingPath) could not be analysed, kept unmeasured"
            case .removed: note = "take \(outcome.takeId) was interrupted before any audio was recorded; removed"
            }
            FileHandle.standardError.write(Data("note: \(note)\n".utf8))
        }
        return log
    }

    /// The take `reference` names (id, UUID or UUID start), or a one-line error saying how to find one.
    static func take(_ reference: TakeReference, in log: any SessionLog) throws -> Take {
        try reference.resolve(in: log)
    }

    /// The recording of `take`, or a one-line error saying it is missing.
    static func recording(of take: Take, in log: any SessionLog) throws -> URL {
        try log.recordings.requireFile(of: take)
    }

    /// The trainee names by id.
    static func traineeNames(_ log: any SessionLog) throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try log.trainees().map { ($0.id ?? 0, $0.name) })
    }

    /// Adds a review of the take `reference` names, by `reviewer` (default ``defaultReviewer``) and returns
    /// the take as it reads afterwards (a corrected pause changes its verdict).
    @discardableResult
    static func review(_ reference: TakeReference, reviewer: String?, rating: Int? = nil, comment: String? = nil,
                       correctedPause: TimeSpan? = nil) throws -> Take {
        let log = try open()
        let take = try take(reference, in: log)
        let id = take.id ?? 0
        _ = try log.addReview(Review(takeId: id, reviewer: reviewer ?? defaultReviewer, rating: rating,
                                     comment: comment, correctedPause: correctedPause))
        return try log.take(id: id) ?? take
    }

    /// The reviewer name when none is given: `$STILTE_REVIEWER`, else `$USER`, else "trainer".
    static var defaultReviewer: String {
        let env = ProcessInfo.processInfo.environment
        return env["STILTE_REVIEWER"] ?? env["USER"] ?? "trainer"
    }

    static let timestamp: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter
    }()

    /// The encoder of the log's `--json` outputs (``JSONOutput``).
    static func jsonEncoder() -> JSONEncoder { JSONOutput.encoder() }
}
