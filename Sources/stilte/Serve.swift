import ArgumentParser
import Foundation
import StilteCore
import StilteServer

extension Stilte {
    /// `stilte serve`: the trainer's review pages in the browser, over the same log.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Review takes in the browser: waveform, audio, drag the pause, rate and comment.",
            discussion: """
            Prints an address with a random access token; open it in a browser on this machine. \
            Only this machine can connect unless --listen names another address. \
            The JSON API is described in the README (stilte serve).
            """)

        @Option(help: "The TCP port (0: any free port).")
        var port = 8421

        @Option(help: ArgumentHelp("The address to listen on; anything but 127.0.0.1 lets other machines connect (with the token).",
                                   valueName: "address"))
        var listen = "127.0.0.1"

        @Option(help: "Who reviews (default $STILTE_REVIEWER, else $USER).")
        var reviewer: String?

        @OptionGroup var library: ScenarioLibraryOptions

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) is not a TCP port; give 1–65535 (or 0 for any free one)") }
            guard !listen.isEmpty else { throw ValidationError("--listen needs an address, e.g. 127.0.0.1") }
        }

        func run() async throws {
            guard let log = try LogAccess.openRecovering() as? SQLiteSessionLog else { return }
            let scenarios = (try? library.load(requireAudio: false))?.scenarios ?? []
            let configuration = ReviewServer.Configuration(host: listen, port: port, reviewer: reviewer ?? LogAccess.defaultReviewer)
            if !configuration.isLoopback {
                FileHandle.standardError.write(Data("note: listening on \(listen): other machines can reach this server; anyone with the address and its token can review\n".utf8))
            }
            let server = ReviewServer(configuration: configuration, log: log, scenarios: scenarios)
            do {
                try await server.run { url in
                    FileHandle.standardOutput.write(Data("Stilte review pages: \(url.absoluteString)\n(Ctrl-C stops the server)\n".utf8))
                }
            } catch {
                throw CommandFailure("cannot serve on \(listen):\(port) (\(error)); choose another --port or --listen")
            }
        }
    }
}
