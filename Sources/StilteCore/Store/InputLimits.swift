import Foundation
import StilteAnalysis

/// The limits every take and review meets, whoever supplies it: the command line, an imported
/// file or a bundle from another machine. The store checks them on every insert, so every row it
/// holds reads back (a date in year 10000 once made `stilte progress` stop with SIGILL).
public enum InputLimits {
    /// Longest trainee or reviewer name, in characters: a full name with room to spare.
    public static let nameCharacters = 100
    /// Longest scenario id, in characters (ids are scenario file names).
    public static let scenarioIdCharacters = 100
    /// Longest review comment, in characters: a few paragraphs of feedback.
    public static let commentCharacters = 4_000
    /// Turn numbers: far above any scenario's turns, far below what breaks a sort.
    public static let turns = 1...1_000
    /// Sample rates, in Hz: what the analyser accepts (`PauseAnalyzer`).
    public static let sampleRates = 1...1_000_000
    /// Capture overruns a take may count: one per 10 ms period over a three-hour take.
    public static let overruns = 0...1_080_000
    /// Longest pause target, in seconds: the one limit of every entry (``AnalysisParameters/longestTarget``).
    public static let longestTarget = AnalysisParameters.longestTarget
    /// Longest recording, in seconds (three hours): also bounds reaction times and corrected pauses.
    public static let longestRecording = 3.0 * 3600
    /// The earliest date a take or review may carry: 2000-01-01 UTC, before any Stilte.
    public static let earliestDate = Date(timeIntervalSince1970: 946_684_800)
    /// How far past now a date may lie, in seconds: one day of clock difference between machines.
    public static let clockSlack: TimeInterval = 86_400

    /// The latest date accepted now.
    public static var latestDate: Date { Date().addingTimeInterval(clockSlack) }

    /// Whether `date` is inside the accepted range (see ``earliestDate``, ``clockSlack``).
    public static func isSane(_ date: Date) -> Bool {
        date >= earliestDate && date <= latestDate
    }

    /// Why `name` (a trainee or reviewer, `role`) is refused, nil when it is fine.
    public static func problem(name: String, role: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "the \(role) name is empty; give a name" }
        if trimmed.count > nameCharacters { return "the \(role) name has \(trimmed.count) characters; give at most \(nameCharacters)" }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the \(role) name contains control characters; give plain text"
        }
        return nil
    }

    /// Why `date` (`field`) is refused, nil when it is fine.
    public static func problem(date: Date, field: String) -> String? {
        guard !isSane(date) else { return nil }
        return "\(field) \(ISO8601DateFormatter().string(from: date)) is outside 2000-01-01 … tomorrow; fix the clock of the machine that made it"
    }

    /// Why `target` is refused, nil when it is fine: the limits of a scenario file.
    public static func problem(target: PauseTarget) -> String? {
        do { _ = try target.validated() } catch { return ParameterText.phrase(error, names: .fields).en }
        return nil
    }

    /// Why `minPause` is refused as a take's stored min-pause, nil when it is fine: above 0
    /// and below the shortest pause on `target` (``AnalysisParameters/validated()``).
    public static func problem(minPause: Double, target: PauseTarget) -> String? {
        do { _ = try AnalysisParameters(target: target, minPause: minPause).validated() } catch {
            return ParameterText.phrase(error, names: .fields).en
        }
        return nil
    }

    /// Why `seconds` (`field`) is refused as a time inside a recording, nil when it is fine.
    public static func problem(seconds: Double?, field: String) -> String? {
        guard let seconds else { return nil }
        guard seconds.isFinite, seconds >= 0, seconds <= longestRecording else {
            return "\(field) \(seconds) s is not between 0 and \(Int(longestRecording)) s"
        }
        return nil
    }
}

extension NewTake {
    /// Why this take may not be stored, nil when it may: every field within ``InputLimits``.
    public var problem: String? {
        if let problem = InputLimits.problem(name: trainee, role: "trainee") { return problem }
        if scenarioId.isEmpty || scenarioId.count > InputLimits.scenarioIdCharacters
            || scenarioId.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "/" }) {
            return "scenario id \"\(scenarioId.prefix(40))\" is not a scenario file name; give the id `stilte scenarios list` shows"
        }
        if !InputLimits.turns.contains(turn) { return "turn \(turn) is not between 1 and \(InputLimits.turns.upperBound)" }
        if !InputLimits.sampleRates.contains(sampleRate) { return "sample rate \(sampleRate) Hz is not between 1 Hz and 1 MHz" }
        if let problem = InputLimits.problem(minPause: minPause, target: target) { return problem }
        if let problem = InputLimits.problem(seconds: measurement.duration, field: "duration") { return problem }
        if let problem = InputLimits.problem(seconds: measurement.reactionTime, field: "reaction time") { return problem }
        if !InputLimits.overruns.contains(measurement.overruns) {
            return "\(measurement.overruns) overruns is not between 0 and \(InputLimits.overruns.upperBound)"
        }
        return InputLimits.problem(date: createdAt, field: "createdAt")
    }
}

extension Review {
    /// Why this review may not be stored, nil when it may (the corrected pause is checked
    /// against its take by the store).
    public var problem: String? {
        if let problem = InputLimits.problem(name: reviewer, role: "reviewer") { return problem }
        if let rating, !Review.ratings.contains(rating) { return "rating \(rating) is out of range; give 1 (poor) to 5 (excellent)" }
        if let comment, comment.count > InputLimits.commentCharacters {
            return "the comment has \(comment.count) characters; give at most \(InputLimits.commentCharacters)"
        }
        if (correctedPauseStart == nil) != (correctedPauseEnd == nil) { return "a corrected pause needs both a start and an end" }
        if let problem = InputLimits.problem(seconds: correctedPauseStart, field: "corrected pause start") { return problem }
        if let problem = InputLimits.problem(seconds: correctedPauseEnd, field: "corrected pause end") { return problem }
        return InputLimits.problem(date: createdAt, field: "createdAt")
    }
}
