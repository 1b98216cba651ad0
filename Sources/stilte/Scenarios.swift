import ArgumentParser

extension Stilte {
    /// `stilte scenarios`: the practice scenarios (lists them unless told to show one).
    struct Scenarios: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "List the practice scenarios, or show one.", nl: "Toon de oefenscenario's, of één ervan."),
            subcommands: [List.self, Show.self],
            defaultSubcommand: List.self
        )
    }
}
