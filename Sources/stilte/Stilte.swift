import ArgumentParser

@main
struct Stilte: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stilte",
        abstract: Interface.text(en: "Practise the pause after saying no.", nl: "Oefen de stilte na je nee."),
        discussion: Interface.text(en: """
            Every command takes --lang en|nl (English, Nederlands). Without it the language is \
            $STILTE_LANG, else the trainee's stored preference, else LC_ALL / LC_MESSAGES / LANG, else English.
            """, nl: "Elk commando kent --lang en|nl (English, Nederlands). Zonder die optie is de taal $STILTE_LANG, anders de bewaarde voorkeur van de cursist, anders LC_ALL / LC_MESSAGES / LANG, anders Engels."),
        version: StilteVersion.current,
        subcommands: [
            Rehearse.self,
            Next.self,
            Calibrate.self,
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
            Users.self,
            BenchSharedLog.self,
        ]
    )

    /// Takes `--lang` out of the arguments (every command accepts it) and runs the command
    /// (asynchronously: `stilte serve` is async; the others run as before).
    static func main() async {
        do {
            _ = try Interface.read()
        } catch {
            exit(withError: ValidationError(error.description))
        }
        // As AsyncParsableCommand.main, with store errors said in the interface language.
        do {
            var command = try parseAsRoot(LanguageFlag.removed(from: Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: CommandFailure.translated(error))
        }
    }
}
