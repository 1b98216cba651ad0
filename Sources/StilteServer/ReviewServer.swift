import Foundation
import Hummingbird
import Logging
import StilteCore

/// `stilte serve`: the trainer's review pages and their JSON API over the session log.
///
/// ```swift
/// let server = ReviewServer(configuration: .init(host: "127.0.0.1", port: 8421, reviewer: "marit"),
///                           log: try SQLiteStore.open(home: .fromEnvironment()), scenarios: library.scenarios)
/// try await server.run { url in print("Open \(url)") }
/// ```
public struct ReviewServer: Sendable {
    /// Where the server listens and who reviews through it.
    public struct Configuration: Sendable {
        /// The address to listen on: loopback (`127.0.0.1`) unless the trainer says otherwise.
        public var host: String
        /// 0 picks a free port (tests).
        public var port: Int
        /// Stored with every review saved through the server.
        public var reviewer: String

        public init(host: String = "127.0.0.1", port: Int = 8421, reviewer: String) {
            self.host = host
            self.port = port
            self.reviewer = reviewer
        }

        /// True for addresses only this machine can reach.
        public var isLoopback: Bool {
            host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }

        /// The host names a request's `Host` header may carry (the port is not checked): on
        /// loopback the loopback names, so a page on another site cannot reach the server by
        /// pointing its own name at 127.0.0.1 (DNS rebinding); on a wildcard address any.
        var allowedHostNames: Set<String> {
            if isLoopback { return ["127.0.0.1", "localhost", "[::1]", host.lowercased()] }
            if host == "0.0.0.0" || host == "::" { return [] }
            return [host.contains(":") ? "[\(host.lowercased())]" : host.lowercased()]
        }
    }

    let configuration: Configuration
    let secrets: AccessSecrets
    let desk: ReviewDesk

    public init(configuration: Configuration, log: any SessionLog & ReviewBrowsing, scenarios: [Scenario],
                secrets: AccessSecrets = AccessSecrets()) {
        self.configuration = configuration
        self.secrets = secrets
        self.desk = ReviewDesk(log: log, scenarios: Dictionary(scenarios.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                               reviewer: configuration.reviewer)
    }

    /// Serves until SIGINT or SIGTERM; `onStart` gets the address with the token once it listens.
    public func run(onStart: @escaping @Sendable (URL) -> Void) async throws {
        var logger = Logger(label: "stilte-serve")
        logger.logLevel = .error
        let host = configuration.host
        let token = secrets.token
        let application = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                if let url = URL(string: "http://\(shown):\(port)/?token=\(token)") { onStart(url) }
            },
            logger: logger)
        try await application.runService()
    }

    /// Every page and API route behind the security headers and the access guard.
    func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        let secrets = self.secrets
        let hosts = configuration.allowedHostNames
        router.addMiddleware {
            SecurityHeaders()
            AccessGuard(secrets: secrets, allowedHostNames: hosts)
        }
        PageRoutes(desk: desk, csrf: secrets.csrf).add(to: router)
        APIRoutes(desk: desk).add(to: router)
        AssetRoutes.add(to: router)
        return router
    }
}
