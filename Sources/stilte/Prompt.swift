import ArgumentParser

extension Stilte {
    /// `stilte prompt`: the client's prompt recordings.
    struct Prompt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work on the client's prompt recordings.",
            subcommands: [Record.self]
        )
    }
}
