import ArgumentParser

extension Stilte {
    /// `stilte review …`: the trainer's commands.
    struct ReviewCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: Interface.text(en: "Review takes: list, show, play, rate, correct the pause, export.", nl: "Opnames beoordelen: tonen, afspelen, een cijfer geven, de pauze corrigeren, exporteren."),
            subcommands: [
                List.self,
                Show.self,
                Play.self,
                Rate.self,
                Correct.self,
                Agreement.self,
                Export.self,
                ImportTextGrid.self,
            ]
        )
    }
}
