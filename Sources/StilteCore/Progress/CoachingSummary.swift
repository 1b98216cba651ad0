import Foundation
import StilteAnalysis

/// What `stilte progress` tells one trainee as a coach would: are they closer to the target than
/// two weeks ago, where their recent pauses lie against the target band, how well they judge
/// their own silence, and how many days in a row they practised. From their takes and coaching
/// events alone; medians throughout (a single very long or very short take does not swing them).
public struct CoachingSummary: Sendable, Equatable {
    /// The recent takes the median and spread are taken over.
    public static let recentTakes = 10
    /// The length of the two windows compared for the trend, in days.
    public static let trendDays = 14

    /// Whether the trainee came closer to the target.
    public enum Trend: Sendable, Equatable {
        /// The median distance to the target: the last ``trendDays`` days against the ``trendDays`` before.
        case closer(now: Double, before: Double)
        case further(now: Double, before: Double)
        case same(Double)
        /// No measured take in one of the two windows.
        case tooFew
    }

    public var trainee: String
    /// Measured pauses of the last ``recentTakes`` practice takes, oldest first.
    public var recent: [Double]
    /// The target of the newest take (each panel of a plot has its own).
    public var target: PauseTarget?
    public var trend: Trend
    /// Mean absolute error of the trainee's own estimates, and how many there were.
    public var estimateError: Double?
    public var estimates: Int
    /// Calendar days in a row, up to today or yesterday, with at least one practice take.
    public var streakDays: Int

    /// The summary at `now` from the trainee's takes (any order; practice only counts) and
    /// coaching events; days are cut in `calendar`'s time zone.
    public init(trainee: String, takes: [Take], events: [CoachingEvent], now: Date, calendar: Calendar) {
        self.trainee = trainee
        let practice = takes.filter { $0.state.isPractice }.sorted { ($0.createdAt, $0.id ?? 0) < ($1.createdAt, $1.id ?? 0) }
        let measured = practice.filter { $0.pauseDuration != nil }
        recent = measured.suffix(Self.recentTakes).compactMap(\.pauseDuration)
        target = practice.last?.target
        let window = Double(Self.trendDays) * 86_400
        func distance(_ from: Date, _ to: Date) -> Double? {
            let distances = measured.filter { $0.createdAt >= from && $0.createdAt < to }
                .compactMap { take in take.pauseDuration.map { abs($0 - take.targetSeconds) } }.sorted()
            return Percentile.of(sorted: distances, 0.5)
        }
        let latest = distance(now.addingTimeInterval(-window), now.addingTimeInterval(1))
        let earlier = distance(now.addingTimeInterval(-2 * window), now.addingTimeInterval(-window))
        trend = switch (latest, earlier) {
        case let (now?, before?) where now < before - 0.005: .closer(now: now, before: before)
        case let (now?, before?) where now > before + 0.005: .further(now: now, before: before)
        case let (now?, _?): .same(now)
        default: .tooFew
        }
        let pairs = events.filter { $0.kind == .selfEstimate }.compactMap { event in event.measured.map { (estimate: event.value, measured: $0) } }
        estimateError = SelfEstimate.meanError(pairs)
        estimates = pairs.count
        let days = Set(practice.map { calendar.startOfDay(for: $0.createdAt) })
        var day = calendar.startOfDay(for: now)
        if !days.contains(day), let yesterday = calendar.date(byAdding: .day, value: -1, to: day) { day = yesterday }
        var streak = 0
        while days.contains(day), let before = calendar.date(byAdding: .day, value: -1, to: day) {
            streak += 1
            day = before
        }
        streakDays = streak
    }

    /// The median of ``recent``.
    public var median: Double? { Percentile.of(sorted: recent.sorted(), 0.5) }
    /// How many of ``recent`` lie inside the target band.
    public var inBand: Int {
        guard let target else { return 0 }
        return recent.filter { $0 >= target.lowerBound && $0 <= target.upperBound }.count
    }

    /// The coaching lines, in `language`; `due` is what the schedule says to practise next, if known.
    public func lines(due: String?, _ language: Language) -> [String] {
        func s(_ value: Double) -> String { NumberFormat.seconds(value, language) }
        var lines = [Phrase(en: "\(trainee.terminalSafe) — coaching", nl: "\(trainee.terminalSafe) — coaching").text(language)]
        let trendText: Phrase = switch trend {
        case let .closer(now, before):
            Phrase(en: "closer to the target than two weeks ago (median \(s(now)) off, was \(s(before)))",
                   nl: "dichter bij het doel dan twee weken geleden (mediaan \(s(now)) ernaast, was \(s(before)))")
        case let .further(now, before):
            Phrase(en: "further from the target than two weeks ago (median \(s(now)) off, was \(s(before)))",
                   nl: "verder van het doel dan twee weken geleden (mediaan \(s(now)) ernaast, was \(s(before)))")
        case let .same(now):
            Phrase(en: "as close to the target as two weeks ago (median \(s(now)) off)",
                   nl: "even dicht bij het doel als twee weken geleden (mediaan \(s(now)) ernaast)")
        case .tooFew:
            Phrase(en: "not enough takes to compare with two weeks ago", nl: "te weinig opnamen om met twee weken geleden te vergelijken")
        }
        lines.append("  " + trendText.text(language))
        if let median, let target, let low = recent.min(), let high = recent.max() {
            let band = NumberFormat.target(target, language)
            lines.append("  " + Phrase(
                en: "last \(recent.count): median \(s(median)), from \(s(low)) to \(s(high)); \(inBand) of \(recent.count) in the band \(band)",
                nl: "laatste \(recent.count): mediaan \(s(median)), van \(s(low)) tot \(s(high)); \(inBand) van de \(recent.count) binnen \(band)")
                .text(language))
        }
        if let estimateError {
            let count = Phrase.count(estimates, en: ("estimate", "estimates"), nl: ("schatting", "schattingen"))
            lines.append("  " + Phrase(en: "your own estimate: \(s(estimateError)) off on average (\(count.en))",
                                       nl: "je eigen schatting: gemiddeld \(s(estimateError)) ernaast (\(count.nl))").text(language))
        }
        let days = Phrase.count(streakDays, en: ("day", "days"), nl: ("dag", "dagen"))
        lines.append("  " + Phrase(en: "streak: \(days.en) in a row", nl: "reeks: \(days.nl) op rij").text(language))
        if let due {
            lines.append("  " + Phrase(en: "next: \(due)", nl: "volgende: \(due)").text(language))
        }
        return lines
    }
}
