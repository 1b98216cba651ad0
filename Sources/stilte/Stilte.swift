import ArgumentParser

@main
struct Stilte: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stilte",
        abstract: "Practise the pause after saying no.",
        version: StilteVersion.current,
        subcommands: [
            Analyze.self,
        ]
    )
}
