import Foundation
import StilteCore

/// Who is practising and what they prefer, shared by the trainee's commands.
struct TraineeContext {
    let name: String
    let preferences: TraineePreferences
    /// The interface language for this trainee (``LanguageChoice/resolved(stored:)``).
    let language: Language

    /// The trainee named `option`, else `$STILTE_TRAINEE`, else `$USER`.
    static func name(_ option: String?) -> String {
        if let option { return option }
        let environment = ProcessInfo.processInfo.environment
        return [environment["STILTE_TRAINEE"], environment["USER"]].compactMap { $0 }.first { !$0.isEmpty } ?? "trainee"
    }

    /// Reads the trainee's preferences from `log`. With `remember`, a `--lang` given on this run
    /// becomes the trainee's stored preference.
    static func load(_ option: String?, log: any SessionLog, remember: Bool) throws -> TraineeContext {
        let name = name(option)
        guard let coaching = log as? any CoachingLog else {
            return TraineeContext(name: name, preferences: TraineePreferences(), language: Interface.language)
        }
        var preferences = try coaching.preferences(trainee: name)
        if remember, let flag = Interface.choice.flag, preferences.language != flag {
            preferences.language = flag
            try coaching.savePreferences(preferences, trainee: name)
        }
        return TraineeContext(name: name, preferences: preferences, language: Interface.choice.resolved(stored: preferences.language))
    }

    /// This trainee's schedule over `scenarios`, those in their language first choice. The demo
    /// rotates through its own takes (as `Rehearsal.pickNext` does); practice counts practice only.
    func schedule(_ scenarios: [Scenario], log: any SessionLog, demo: Bool = false) throws -> PracticeSchedule {
        let preferred = PracticeSchedule.preferred(scenarios, language: language)
        var takes = try log.takes(TakeFilter(trainee: name))
        if demo {
            takes = takes.filter { $0.state == .demo }.map { take in
                var practice = take
                practice.state = .complete
                return practice
            }
        }
        return PracticeSchedule(scenarioIds: preferred.map(\.id), takes: takes, calendar: Self.calendar)
    }

    /// Days are cut in the local time zone.
    static let calendar = Calendar(identifier: .gregorian)

    /// Now, or `$STILTE_NOW` (ISO 8601) so tests can move the clock.
    static var now: Date {
        if let text = ProcessInfo.processInfo.environment["STILTE_NOW"], let date = ISO8601DateFormatter().date(from: text) { return date }
        return Date()
    }
}
