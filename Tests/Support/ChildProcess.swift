import Foundation

/// Runs a child process (the built `stilte` binary, `arecord`, ...) with an environment, optional standard input
/// and a timeout, capturing its exit status and output.
public enum ChildProcess {
    /// What a finished child left behind.
    public struct Result: Sendable {
        /// The exit status, or the signal number when `terminatedBySignal`.
        public let status: Int32
        public let terminatedBySignal: Bool
        /// The child was killed because it outlived its timeout.
        public let timedOut: Bool
        public let standardOutput: Data
        public let standardError: Data
        /// Each line of standard error with the seconds since launch at which it was read.
        public let errorLines: [TimedLine]
        /// Wall-clock seconds from launch to exit.
        public let seconds: Double

        public var output: String { String(decoding: standardOutput, as: UTF8.self) }
        public var errorOutput: String { String(decoding: standardError, as: UTF8.self) }
        /// Exited on its own with status 0.
        public var succeeded: Bool { status == 0 && !terminatedBySignal && !timedOut }
    }

    /// One line of output and when it arrived.
    public struct TimedLine: Sendable {
        /// Seconds since the child was launched.
        public let seconds: Double
        public let text: String
    }

    /// Runs `executable` with `arguments`; `environment` is merged over this process's environment.
    /// After `timeout` seconds the child gets SIGTERM, one second later SIGKILL.
    /// - Throws: ``RigError`` if the executable cannot be launched.
    public static func run(_ executable: URL, _ arguments: [String] = [], environment: [String: String] = [:],
                           standardInput: Data? = nil, timeout: Double = 30) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput == nil ? FileHandle.nullDevice : input

        // Blocking waits run on threads of their own: GCD's global queue has only a few threads per core on
        // Linux, and parallel tests would otherwise starve each other's timers.
        let exited = DispatchSemaphore(value: 0)
        let collected = Collected()
        process.terminationHandler = { _ in
            collected.markExit()
            exited.signal()
        }
        let started = collected.markLaunch()
        do {
            try process.runUnblocked()
        } catch {
            throw RigError("cannot run \(executable.path): \(error)")
        }
        if let standardInput {
            Thread.detachNewThread {
                try? input.fileHandleForWriting.write(contentsOf: standardInput)
                try? input.fileHandleForWriting.close()
            }
        }
        let readers = DispatchGroup()
        readers.enter()
        readers.enter()
        Thread.detachNewThread {
            collected.setOutput(output.fileHandleForReading.readDataToEndOfFile())
            readers.leave()
        }
        Thread.detachNewThread {
            collected.readTimedLines(errors.fileHandleForReading, since: started)
            readers.leave()
        }
        let pid = process.processIdentifier
        let timedOut: Bool? = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                if exited.wait(timeout: .now() + timeout) == .success {
                    continuation.resume(returning: false)
                    return
                }
                kill(pid, SIGTERM)
                if exited.wait(timeout: .now() + 1) == .timedOut {
                    kill(pid, SIGKILL)
                    if exited.wait(timeout: .now() + 5) == .timedOut {
                        continuation.resume(returning: nil)
                        return
                    }
                }
                continuation.resume(returning: true)
            }
        }
        guard let timedOut else {
            throw RigError("\(executable.path) (pid \(pid)) outlived its \(timeout) s timeout and SIGKILL")
        }
        await withCheckedContinuation { continuation in
            readers.notify(queue: .global()) { continuation.resume() }
        }
        return Result(status: process.terminationStatus,
                      terminatedBySignal: process.terminationReason == .uncaughtSignal,
                      timedOut: timedOut, standardOutput: collected.output, standardError: collected.errors,
                      errorLines: collected.lines, seconds: collected.lifetime)
    }

    /// The first `name` on `PATH` (`/usr/bin/arecord` for "arecord"), or nil.
    public static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The built `stilte` executable: next to the running test binary (SwiftPM puts products and the test bundle
    /// in the same build directory), else `.build/debug/stilte` of this package.
    public static func stilteExecutable() throws -> URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            RigBuild.sourceDirectory.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug"),
        ].compactMap { $0?.appendingPathComponent("stilte") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw RigError("no built stilte executable in \(candidates.map(\.path)); run `swift build` first")
        }
        return found
    }
}

/// Output gathered by the reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var outputData = Data(), errorData = Data()
    private var timedLines: [ChildProcess.TimedLine] = []
    private var launchTime = Date(), exitTime: Date?
    var output: Data { lock.withLock { outputData } }
    var errors: Data { lock.withLock { errorData } }
    var lines: [ChildProcess.TimedLine] { lock.withLock { timedLines } }

    func setOutput(_ data: Data) { lock.withLock { outputData = data } }

    /// Notes the launch time (call right before launching) and returns it.
    func markLaunch() -> Date { lock.withLock { launchTime = Date(); return launchTime } }
    func markExit() { lock.withLock { exitTime = Date() } }
    /// Seconds from launch to exit.
    var lifetime: Double { lock.withLock { (exitTime ?? Date()).timeIntervalSince(launchTime) } }

    /// Reads `handle` to its end, keeping all bytes and stamping each complete line with its arrival time.
    func readTimedLines(_ handle: FileHandle, since start: Date) {
        var pending = Data()
        while true {
            let chunk = handle.availableData
            let now = Date().timeIntervalSince(start)
            lock.withLock { errorData.append(chunk) }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                lock.withLock { timedLines.append(.init(seconds: now, text: line)) }
            }
            if chunk.isEmpty { break }
        }
        if !pending.isEmpty {
            let line = String(decoding: pending, as: UTF8.self)
            lock.withLock { timedLines.append(.init(seconds: Date().timeIntervalSince(start), text: line)) }
        }
    }
}
