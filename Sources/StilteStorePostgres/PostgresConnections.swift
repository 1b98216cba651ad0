import Foundation
import Logging
import PostgresNIO
import StilteCore

/// A small pool of connections to one PostgreSQL database, for a ``SessionLog`` whose methods
/// are synchronous.
///
/// Each call takes an idle connection (opening one while fewer than `limit` are open, else
/// waiting), runs its statements and gives the connection back. Statements wait on
/// postgres-nio's futures, which complete on NIO's event loop threads, so a caller on any
/// other thread (a command, or a server's request task) never waits on itself. A connection
/// that failed is closed, not reused.
final class PostgresConnections: @unchecked Sendable {
    let location: PostgresLocation
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    /// The most connections open at once.
    let limit: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0

    init(_ location: PostgresLocation, limit: Int, logger: Logger) throws {
        self.location = location
        self.limit = max(1, limit)
        self.logger = logger
        var configuration: PostgresConnection.Configuration
        switch location.endpoint {
        case .socket(let directory, let port):
            configuration = .init(unixSocketPath: "\(directory)/.s.PGSQL.\(port)", username: location.user,
                                  password: location.password, database: location.database)
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            if location.tls {
                do { tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration())) } catch {
                    throw StoreError(.database, PostgresText.unreachable(location.redacted, "\(error)"))
                }
            } else {
                tls = .disable
            }
            configuration = .init(host: host, port: port, username: location.user, password: location.password,
                                  database: location.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
    }

    /// Runs `body` with a connection of its own.
    func withConnection<T>(_ body: (PostgresStatements) throws -> T) throws -> T {
        let connection = try checkOut()
        do {
            let result = try body(PostgresStatements(connection: connection, logger: logger))
            checkIn(connection)
            return result
        } catch {
            checkIn(connection, failure: error)
            throw Self.storeError(error, location: location)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (PostgresStatements) throws -> T) throws -> T {
        try withConnection { sql in
            try sql.run("BEGIN")
            do {
                let result = try body(sql)
                try sql.run("COMMIT")
                return result
            } catch {
                // After the log's own refusal the connection is sound: roll back and reuse it. After
                // a failed statement it is closed (``checkIn(_:failure:)``), which rolls back too.
                if error is StoreError { _ = try? sql.run("ROLLBACK") }
                throw error
            }
        }
    }

    /// Closes every idle connection (those in use close when given back).
    func close() {
        condition.lock()
        let closing = idle
        idle = []
        open -= closing.count
        condition.unlock()
        for connection in closing { _ = try? connection.close().wait() }
    }

    deinit { close() }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while idle.isEmpty && open >= limit { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            let eventLoop = PostgresConnection.defaultEventLoopGroup.any()
            return try PostgresConnection.connect(on: eventLoop, configuration: configuration, id: id, logger: logger).wait()
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw StoreError(.database, PostgresText.unreachable(location.redacted, Self.reason(error)))
        }
    }

    /// Gives a connection back; after a failure that was not the log's own refusal (a
    /// ``StoreError`` thrown before or between statements, after which the transaction was
    /// rolled back) the connection is closed instead: it may be broken, and asking it whether it
    /// still answers can wait for ever on a server that died.
    private func checkIn(_ connection: PostgresConnection, failure: Error? = nil) {
        let discard = connection.isClosed || (failure.map { !($0 is StoreError) } ?? false)
        condition.lock()
        if discard { open -= 1 } else { idle.append(connection) }
        condition.signal()
        condition.unlock()
        // Held until closed: postgres-nio requires a connection to be closed before it is released.
        if discard { connection.close().whenComplete { _ in withExtendedLifetime(connection) {} } }
    }

    /// A one-line error for anything postgres-nio threw; store errors pass unchanged.
    static func storeError(_ error: Error, location: PostgresLocation) -> Error {
        if error is StoreError { return error }
        if error is NoAnswer { return StoreError(.database, PostgresText.unreachable(location.redacted, "no answer within \(PostgresStatements.timeout) s")) }
        if let psql = error as? PSQLError, psql.serverInfo == nil, psql.code != .server {
            return StoreError(.database, PostgresText.unreachable(location.redacted, reason(error)))
        }
        return StoreError(.database, PostgresText.failed(reason(error)))
    }

    /// The server's message and SQLSTATE, or the client's error code, on one line.
    static func reason(_ error: Error) -> String {
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo, let message = info[.message] {
                return "\(message) [\(info[.sqlState] ?? "?")]".replacingOccurrences(of: "\n", with: " ")
            }
            return "\(psql.code)"
        }
        return String(describing: error).replacingOccurrences(of: "\n", with: " ")
    }
}

/// The statements of one connection: rows in, rows out. Every value is a bind parameter.
struct PostgresStatements {
    let connection: PostgresConnection
    let logger: Logger

    /// The longest one statement may take, in seconds; past it the connection is closed and
    /// the statement fails. The log's statements take milliseconds (progress over 100,000
    /// takes: under a second), so this only ends a wait on a server that died: with the
    /// server killed (`kill -9`) mid-run, a few of postgres-nio's queries never completed
    /// (bench/shared-log).
    static let timeout: Int64 = 30

    /// The rows `query` returns.
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try result(query).rows
    }

    /// Runs `query`, returning how many rows it changed.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> Int {
        try result(query).metadata.rows ?? 0
    }

    /// Waits for `query`, at most ``timeout`` seconds.
    private func result(_ query: PostgresQuery) throws -> PostgresQueryResult {
        let eventLoop = connection.eventLoop
        let promise = eventLoop.makePromise(of: PostgresQueryResult.self)
        let once = Once()
        func settle(_ outcome: Result<PostgresQueryResult, Error>) {
            if once.claim() { promise.completeWith(outcome) }
        }
        let connection = connection
        let timer = eventLoop.scheduleTask(in: .seconds(Self.timeout)) {
            settle(.failure(NoAnswer()))
            connection.close().whenComplete { _ in }
        }
        connection.query(query, logger: logger).whenComplete { outcome in
            timer.cancel()
            settle(outcome)
        }
        return try promise.futureResult.wait()
    }

    /// The first column of the first row, nil when there is no row or it is NULL.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        guard let cell = try rows(query).first?.makeRandomAccess()[0], cell.bytes != nil else { return nil }
        return try cell.decode(T.self)
    }
}

/// A statement that got no answer within ``PostgresStatements/timeout``.
struct NoAnswer: Error {}

/// True for the first caller of ``claim()`` only (a promise completed once from two sources).
private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        defer { claimed = true }
        return !claimed
    }
}
