import ArgumentParser

extension Stilte {
    /// `stilte prompt`: the client's prompt recordings.
    struct Prompt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Work on the client's prompt recordings.", nl: "Werk aan de opnames van wat de klant zegt."),
            subcommands: [Record.self]
        )
    }
}
