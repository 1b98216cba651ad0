import ArgumentParser
import Foundation
import StilteCore

extension Stilte.Scenarios {
    /// `stilte scenarios [list] [--json]`: every valid scenario; problems go to stderr and make it exit 1.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "List the scenarios (id, language, turns, title).", nl: "Toon de scenario's (id, taal, beurten, titel)."),
            discussion: Interface.text(en: """
                Scenario files with problems are reported on standard error, one line each \
                (file:line: field: what to do); the valid ones are still listed, and the command exits 1.
                """, nl: "Scenariobestanden met fouten worden op standaardfout gemeld, één regel per fout (bestand:regel: veld: wat te doen); de goede worden toch getoond, en de afsluitcode is 1.")
        )

        @OptionGroup var library: ScenarioLibraryOptions

        @Flag(help: .text(en: "Print a JSON array with every scenario and its turns (prompt, audio, target).", nl: "Geef een JSON-lijst met elk scenario en zijn beurten (tekst van de klant, audio, doel)."))
        var json = false

        @Flag(help: .text(en: "Accept turns whose prompt file does not exist yet (scripts/make-prompts uses this).", nl: "Accepteer beurten waarvan het geluidsbestand van de klant nog niet bestaat (scripts/make-prompts gebruikt dit)."))
        var allowMissingAudio = false

        @Option(help: .text(en: "Whose practice to show: takes, last practised and when due (default: $STILTE_TRAINEE, else $USER).", nl: "Wiens oefenschema je wilt zien: opnames, laatst geoefend en wanneer weer aan de beurt (standaard: $STILTE_TRAINEE, anders $USER)."),
                completion: Completions.traineeNames)
        var trainee: String?

        func run() throws {
            let library = try library.load(requireAudio: !allowMissingAudio)
            if json {
                let data = try JSONOutput.encoder().encode(library.scenarios.map(ScenarioJSON.init))
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            } else if let schedule = try schedule(library.scenarios) {
                print(schedule.joined(separator: "\n"))
            } else {
                print(Self.table(library.scenarios))
            }
            reportScenarioErrors(library.errors)
            if !library.errors.isEmpty { throw ScenarioFilesInvalid(count: library.errors.count) }
        }

        /// The trainee's schedule over `scenarios` as a table; nil when the trainee has no takes yet.
        func schedule(_ scenarios: [Scenario]) throws -> [String]? {
            let log = try LogAccess.open(.readOnly)
            let takes = try log.takes(TakeFilter(trainee: TraineeContext.name(trainee)))
            guard !takes.isEmpty else { return nil }
            let schedule = PracticeSchedule(scenarioIds: scenarios.map(\.id), takes: takes, calendar: TraineeContext.calendar)
            return ScheduleText.table(schedule.entries, languages: Dictionary(scenarios.map { ($0.id, $0.language.rawValue) }) { a, _ in a },
                                      now: TraineeContext.now, calendar: TraineeContext.calendar, Interface.language)
        }

        /// One line per scenario, at most 80 columns wide.
        static func table(_ scenarios: [Scenario]) -> String {
            let idWidth = min(max(scenarios.map(\.id.count).max() ?? 2, 2), 30)
            func row(_ id: String, _ language: String, _ turns: String, _ title: String) -> String {
                let left = id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                    + "  " + language.padding(toLength: 4, withPad: " ", startingAt: 0)
                    + "  " + turns.padding(toLength: 5, withPad: " ", startingAt: 0) + "  "
                let room = 80 - left.count
                let shown = title.count <= room ? title : String(title.prefix(room - 1)) + "…"
                return left + shown
            }
            var lines = [row("ID", "LANG", "TURNS", "TITLE")]
            for scenario in scenarios {
                lines.append(row(scenario.id, scenario.language.rawValue, "\(scenario.turns.count)", scenario.title))
            }
            if scenarios.isEmpty { lines.append("(no scenarios)") }
            return lines.joined(separator: "\n")
        }
    }
}

/// A scenario as `stilte scenarios --json` prints it.
struct ScenarioJSON: Encodable {
    struct Turn: Encodable {
        var index: Int
        var prompt: String
        /// Relative to `Audio/`, as written in the scenario file.
        var audio: String
        /// The absolute path of the prompt file.
        var audioPath: String
        var target: Double
        var tolerance: Double
        var minPause: Double
        var example: String?
        var tip: String?
    }

    var id: String
    var title: String
    var language: String
    var pair: String?
    var client: String
    var voice: String?
    var moment: String
    var context: String
    var tip: String?
    var file: String
    var turns: [Turn]

    init(_ scenario: Scenario) {
        id = scenario.id
        title = scenario.title
        language = scenario.language.rawValue
        pair = scenario.pair
        client = scenario.client.name
        voice = scenario.client.voice
        moment = scenario.moment.rawValue
        context = scenario.context
        tip = scenario.tip
        file = scenario.file.path
        turns = scenario.turns.enumerated().map { index, turn in
            Turn(index: index, prompt: turn.prompt, audio: turn.audio, audioPath: turn.audioURL.path,
                 target: turn.target.seconds, tolerance: turn.target.tolerance, minPause: turn.minPause,
                 example: turn.example, tip: turn.tip)
        }
    }
}
