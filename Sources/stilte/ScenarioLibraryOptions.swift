import ArgumentParser
import Foundation
import StilteCore

/// Where the scenario library is: shared by every subcommand that reads scenarios.
struct ScenarioLibraryOptions: ParsableArguments {
    @Option(name: .customLong("scenarios"), help: ArgumentHelp(
        Interface.text(en: "The directory holding the scenario files; prompts are read from Audio/ next to it.",
                       nl: "De map met de scenariobestanden; de klantteksten worden gelezen uit Audio/ ernaast."),
        discussion: Interface.text(en: "Default: $STILTE_SCENARIOS, else the Scenarios/ directory found above the stilte executable.",
                                   nl: "Standaard: $STILTE_SCENARIOS, anders de map Scenarios/ boven het programma stilte."),
        valueName: "dir"))
    var directory: String?

    /// Loads the library; only a directory that cannot be found or listed throws.
    func load(requireAudio: Bool = true) throws -> ScenarioLibrary {
        let directory = try ScenarioLibrary.locate(explicit: directory)
        return try ScenarioLibrary.load(scenariosDirectory: directory, requireAudio: requireAudio)
    }
}

/// Prints each problem of a library on its own line to standard error, in the interface language.
func reportScenarioErrors(_ errors: [ScenarioError]) {
    for error in errors {
        FileHandle.standardError.write(Data("\(error.text(Interface.language))\n".utf8))
    }
}

/// The error a scenarios command ends with when files had problems (already listed on stderr).
struct ScenarioFilesInvalid: Error, CustomStringConvertible {
    var count: Int
    var description: String {
        Phrase(en: "\(count) problem\(count == 1 ? "" : "s") in scenario files (listed above) — fix them; the format is in Scenarios/README.md",
               nl: "\(count) \(count == 1 ? "probleem" : "problemen") in scenariobestanden (hierboven) — los ze op; het formaat staat in Scenarios/README.md")
            .text(Interface.language)
    }
}
