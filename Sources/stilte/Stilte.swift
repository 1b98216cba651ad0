import ArgumentParser

@main
struct Stilte: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stilte",
        abstract: "Practise the pause after saying no.",
        version: StilteVersion.current,
        subcommands: [
            Scenarios.self,
            Takes.self,
            ReviewCommand.self,
            Import.self,
            Export.self,
            ImportBundle.self,
            Progress.self,
            Delete.self,
            GenerateLog.self,
            Devices.self,
            Play.self,
            Record.self,
            Analyze.self,
            Rehearse.self,
            Prompt.self,
        ]
    )
}
