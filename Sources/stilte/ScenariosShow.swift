import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte.Scenarios {
    /// `stilte scenarios show ID`: one scenario in full, as the trainee sees it.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Show one scenario: context, the client's turns with their targets, the tips.", nl: "Toon één scenario: de situatie, de beurten van de klant met hun doel, de tips.")
        )

        @OptionGroup var library: ScenarioLibraryOptions

        @Argument(help: .text(en: "The scenario's id (see `stilte scenarios`).", nl: "De id van het scenario (zie `stilte scenarios`)."), completion: Completions.scenarioIds)
        var id: String

        func run() throws {
            let library = try library.load()
            guard let scenario = library.scenario(id: id) else {
                let problems = library.errors(forID: id)
                if !problems.isEmpty {
                    reportScenarioErrors(problems)
                    throw ScenarioFilesInvalid(count: problems.count)
                }
                throw ScenarioNotFound(id: id)
            }
            print(Self.render(scenario))
        }

        static func render(_ scenario: Scenario) -> String {
            var lines = ["\(scenario.id) — \(scenario.title)"]
            var language = "Language: \(scenario.language.rawValue)"
            if let pair = scenario.pair { language += " (other language: \(pair))" }
            lines.append(language)
            lines.append("Client:   \(scenario.client.name)")
            lines.append("Moment:   \(scenario.moment.rawValue)")
            lines.append("")
            lines += wrap(scenario.context, indent: "", hanging: "")
            for (index, turn) in scenario.turns.enumerated() {
                lines.append("")
                lines.append("Turn \(index + 1) of \(scenario.turns.count)")
                lines += wrap("Client: \"\(turn.prompt)\"", indent: "  ")
                lines.append("  Prompt: Audio/\(turn.audio)")
                var measured = "Measured: the silence after your no, target "
                    + "\(seconds(turn.target.seconds)) ± \(seconds(turn.target.tolerance))"
                if turn.minPause != AnalysisParameters().minPause {
                    measured += " (the no ends after \(seconds(turn.minPause)) of silence)"
                }
                lines += wrap(measured, indent: "  ")
                if let example = turn.example { lines += wrap("Example: \(example)", indent: "  ") }
                if let tip = turn.tip { lines += wrap("Tip: \(tip)", indent: "  ") }
            }
            if let tip = scenario.tip {
                lines.append("")
                lines += wrap("Tip: \(tip)", indent: "")
            }
            return lines.joined(separator: "\n")
        }

        private static func seconds(_ value: Double) -> String {
            String(format: "%.1f s", value)
        }

        /// `text` folded into lines of at most `width` columns; continuation lines indented by `hanging` more.
        static func wrap(_ text: String, indent: String, hanging: String = "  ", width: Int = 80) -> [String] {
            var lines: [String] = []
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var line = lines.isEmpty ? indent : indent + hanging
                var hasWords = false
                for word in paragraph.split(separator: " ") {
                    if hasWords, line.count + 1 + word.count > width {
                        lines.append(line)
                        line = indent + hanging
                        hasWords = false
                    }
                    line += (hasWords ? " " : "") + word
                    hasWords = true
                }
                lines.append(line)
            }
            return lines
        }
    }
}

/// `stilte scenarios show ID` with an id no scenario has.
struct ScenarioNotFound: Error, CustomStringConvertible {
    var id: String
    var description: String { "no scenario \"\(id)\" — run `stilte scenarios` to see the ids" }
}
