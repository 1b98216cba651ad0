import Foundation
import StilteAnalysis

/// Spaced practice: when each scenario is due again for a trainee, from the takes alone.
///
/// In the manner of Anki's scheduling, with a day as the unit: every day a scenario was
/// practised counts once. A day whose last take was on target is a success and the interval
/// grows (1 day, then 3, then ×``growth``, at most ``longestInterval``); a day whose last take
/// missed is a miss: the scenario is due again at once and its interval starts over.
/// Nothing is stored: replaying the same takes gives the same schedule.
public struct PracticeSchedule: Sendable {
    /// The interval after the first successful day, in days.
    public static let firstInterval = 1.0
    /// The interval after the second successful day in a row, in days.
    public static let secondInterval = 3.0
    /// Each later success multiplies the interval by this (Anki's default ease, 250 %).
    public static let growth = 2.5
    /// No scenario waits longer than this, in days.
    public static let longestInterval = 60.0

    /// Where one scenario stands.
    public struct Entry: Sendable, Equatable {
        public var scenarioId: String
        /// Takes of the scenario by the trainee.
        public var takes: Int
        /// When it was last practised; nil when never.
        public var lastPractised: Date?
        /// Whether the last practice day ended on target; nil when never practised.
        public var lastSucceeded: Bool?
        /// Days until the next practice after the last one (0 after a miss or before any practice).
        public var intervalDays: Double
        /// When it is due; nil when never practised (due at once).
        public var due: Date?

        /// Whether it is due at `now`.
        public func isDue(at now: Date) -> Bool { due.map { $0 <= now } ?? true }
    }

    /// One entry per scenario id given, in the order ``ordered(at:)`` explains.
    public let entries: [Entry]

    /// The schedule of `scenarioIds` for one trainee, from that trainee's complete takes
    /// (in any order; takes of other scenarios are ignored). Days are cut in `calendar`'s time zone.
    public init(scenarioIds: [String], takes: [Take], calendar: Calendar = Calendar(identifier: .gregorian)) {
        let byScenario = Dictionary(grouping: takes.filter { $0.state.isPractice }, by: \.scenarioId)
        entries = scenarioIds.map { id in
            Self.entry(id, takes: (byScenario[id] ?? []).sorted { ($0.createdAt, $0.id ?? 0) < ($1.createdAt, $1.id ?? 0) },
                       calendar: calendar)
        }
    }

    static func entry(_ id: String, takes: [Take], calendar: Calendar) -> Entry {
        var entry = Entry(scenarioId: id, takes: takes.count, lastPractised: takes.last?.createdAt, lastSucceeded: nil,
                          intervalDays: 0, due: nil)
        let days = Dictionary(grouping: takes) { calendar.startOfDay(for: $0.createdAt) }.sorted { $0.key < $1.key }
        var successesInARow = 0
        for (_, dayTakes) in days {
            guard let last = dayTakes.last else { continue }
            let success = last.verdict == .onTarget
            entry.lastSucceeded = success
            if success {
                successesInARow += 1
                entry.intervalDays = switch successesInARow {
                case 1: firstInterval
                case 2: secondInterval
                default: min(longestInterval, (entry.intervalDays * growth).rounded())
                }
            } else {
                successesInARow = 0
                entry.intervalDays = 0
            }
            entry.due = calendar.date(byAdding: .second, value: Int(entry.intervalDays * 86_400), to: last.createdAt)
        }
        return entry
    }

    /// Every entry, what to practise first at the top: first the scenarios missed, the most
    /// recent miss first; then the other due ones, longest unpractised first (never practised
    /// before all); then those not yet due, soonest due first. Ties keep the given order.
    public func ordered(at now: Date) -> [Entry] {
        func rank(_ e: Entry) -> (Int, Double) {
            if e.lastSucceeded == false { return (0, -(e.lastPractised?.timeIntervalSinceReferenceDate ?? 0)) }
            if e.isDue(at: now) { return (1, e.lastPractised?.timeIntervalSinceReferenceDate ?? -.greatestFiniteMagnitude) }
            return (2, e.due?.timeIntervalSinceReferenceDate ?? 0)
        }
        return entries.enumerated().sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// What to practise next at `now`: the first of ``ordered(at:)``; nil without scenarios.
    public func next(at now: Date) -> Entry? { ordered(at: now).first }
}

extension PracticeSchedule {
    /// The scenarios to schedule for a trainee who reads `language`: those written in it when
    /// there are any, else all of them.
    public static func preferred(_ scenarios: [Scenario], language: Language) -> [Scenario] {
        let own = scenarios.filter { $0.language.rawValue == language.rawValue }
        return own.isEmpty ? scenarios : own
    }
}
