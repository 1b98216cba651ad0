import ArgumentParser
import Foundation
import StilteCore
import StilteServer

extension Stilte {
    /// `stilte serve`: the trainer's review pages in the browser, over the same log.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Review takes in the browser: waveform, audio, drag the pause, rate and comment.", nl: "Beoordeel opnames in de browser: golfvorm, geluid, pauze verslepen, cijfer en opmerking."),
            discussion: Interface.text(en: """
            Prints an address with a random access token; open it in a browser on this machine. \
            Only this machine can connect unless --listen names another address. \
            The JSON API is described in the README (stilte serve).
            """, nl: "Toont een adres met een willekeurig toegangstoken; open het in een browser op deze machine. Alleen deze machine kan verbinden, tenzij --listen een ander adres noemt. De JSON-API staat beschreven in de README (stilte serve)."))

        @Option(help: .text(en: "The TCP port (0: any free port).", nl: "De TCP-poort (0: een willekeurige vrije poort)."))
        var port = 8421

        @Option(help: ArgumentHelp(Interface.text(en: "The address to listen on; anything but 127.0.0.1 lets other machines connect (with the token).",
                                                  nl: "Het adres om op te luisteren; alles behalve 127.0.0.1 laat andere machines verbinden (met het token)."),
                                   valueName: "address"))
        var listen = "127.0.0.1"

        @Option(help: .text(en: "Who reviews (default $STILTE_REVIEWER, else $USER).", nl: "Wie beoordeelt (standaard $STILTE_REVIEWER, anders $USER)."))
        var reviewer: String?

        @Option(help: ArgumentHelp(Interface.text(en: "An organisation's shared log on PostgreSQL, postgres://USER:PASSWORD@HOST/DATABASE (default $STILTE_DATABASE_URL, else the embedded SQLite log).",
                                                  nl: "Het gedeelde logboek van een organisatie op PostgreSQL, postgres://USER:PASSWORD@HOST/DATABASE (standaard $STILTE_DATABASE_URL, anders het ingebouwde SQLite-logboek)."),
                                   valueName: "url"))
        var database: String?

        @OptionGroup var library: ScenarioLibraryOptions

        func validate() throws {
            let language = Interface.language
            guard (0...65_535).contains(port) else {
                throw ValidationError(Phrase(en: "--port \(port) is not a TCP port; give 1–65535 (or 0 for any free one)",
                                             nl: "--port \(port) is geen TCP-poort; geef 1–65535 (of 0 voor een vrije)").text(language))
            }
            guard !listen.isEmpty else {
                throw ValidationError(Phrase(en: "--listen needs an address, e.g. 127.0.0.1", nl: "--listen heeft een adres nodig, bijv. 127.0.0.1").text(language))
            }
        }

        func run() async throws {
            let language = Interface.language
            let log = try LogAccess.openRecoveringForReview(database: database)
            let scenarios = (try? library.load(requireAudio: false))?.scenarios ?? []
            let configuration = ReviewServer.Configuration(host: listen, port: port, reviewer: reviewer ?? LogAccess.defaultReviewer)
            if !configuration.isLoopback {
                let note = Phrase(en: "note: listening on \(listen): other machines can reach this server; anyone with the address and its token can review",
                                  nl: "let op: luistert op \(listen): andere computers kunnen deze server bereiken; iedereen met het adres en het token kan beoordelen")
                FileHandle.standardError.write(Data((note.text(language) + "\n").utf8))
            }
            let server = ReviewServer(configuration: configuration, log: log, scenarios: scenarios)
            do {
                let started = Phrase(en: "Stilte review pages: %@\n(Ctrl-C stops the server)\n",
                                     nl: "Stilte-beoordelingspagina's: %@\n(Ctrl-C stopt de server)\n").text(language)
                try await server.run { url in
                    FileHandle.standardOutput.write(Data(started.replacingOccurrences(of: "%@", with: url.absoluteString).utf8))
                }
            } catch {
                throw CommandFailure(Phrase(en: "cannot serve on \(listen):\(port) (\(error)); choose another --port or --listen",
                                            nl: "kan niet serveren op \(listen):\(port) (\(error)); kies een andere --port of --listen").text(language))
            }
        }
    }
}
