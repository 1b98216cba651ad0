import ArgumentParser

@main
struct Stilte: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stilte",
        abstract: "Practise the pause after saying no.",
        version: StilteVersion.current,
        subcommands: [
            Rehearse.self,
            Scenarios.self,
            Prompt.self,
            Analyze.self,
            Takes.self,
            Progress.self,
            ReviewCommand.self,
            Import.self,
            Export.self,
            ImportBundle.self,
            Delete.self,
            Devices.self,
            Play.self,
            Record.self,
            GenerateLog.self,
            Serve.self,
        ]
    )
}
