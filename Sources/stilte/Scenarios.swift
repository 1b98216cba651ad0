import ArgumentParser

extension Stilte {
    /// `stilte scenarios`: the practice scenarios (lists them unless told to show one).
    struct Scenarios: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the practice scenarios, or show one.",
            subcommands: [List.self, Show.self],
            defaultSubcommand: List.self
        )
    }
}
