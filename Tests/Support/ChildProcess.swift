import Foundation

/// Runs child processes (the built `stilte` binary, `arecord`, ...) with an environment, optional standard input
/// and a timeout, capturing exit status and output with arrival times.
///
/// Children start with no signal blocked (see `Process.runUnblocked()`), so SIGINT/SIGTERM reach them.
/// Output is read until the child has exited and its pipes stayed quiet for half a second, so a daemon the child
/// left behind holding the pipes (tmux's server, pulseaudio) cannot hang the caller.
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
        /// Each line of standard output with the seconds since launch at which it was read.
        public let outputLines: [TimedLine]
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
    public struct TimedLine: Sendable, Equatable {
        /// Seconds since the child was launched.
        public let seconds: Double
        public let text: String
    }

    /// Runs `executable` with `arguments` to its end; `environment` is merged over this process's environment.
    /// After `timeout` seconds the child gets SIGTERM, one second later SIGKILL.
    /// - Throws: ``RigError`` if the executable cannot be launched or survives SIGKILL.
    public static func run(_ executable: URL, _ arguments: [String] = [], environment: [String: String] = [:],
                           standardInput: Data? = nil, timeout: Double = 30) async throws -> Result {
        try await start(executable, arguments, environment: environment, standardInput: standardInput,
                        timeout: timeout).result()
    }

    /// Starts `executable` and returns at once: signal it, watch its output, then await ``RunningChild/result()``.
    public static func start(_ executable: URL, _ arguments: [String] = [], environment: [String: String] = [:],
                             standardInput: Data? = nil, timeout: Double = 30) throws -> RunningChild {
        try RunningChild(executable, arguments, environment: environment, standardInput: standardInput,
                         timeout: timeout)
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

/// A started child process (from ``ChildProcess/start(_:_:environment:standardInput:timeout:)``).
public final class RunningChild: Sendable {
    /// The child's process id, for `kill`.
    public let pid: pid_t
    private let process: UncheckedProcess
    private let state = ChildState()
    private let finished = DispatchGroup()

    fileprivate init(_ executable: URL, _ arguments: [String], environment: [String: String],
                     standardInput: Data?, timeout: Double) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput == nil ? FileHandle.nullDevice : input
        let state = state
        process.terminationHandler = { process in
            state.markExit(status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal)
        }
        state.markLaunch()
        do {
            try process.runUnblocked()
        } catch {
            throw RigError("cannot run \(executable.path): \(error)")
        }
        pid = process.processIdentifier
        self.process = UncheckedProcess(process)

        // Every blocking wait gets a thread of its own: GCD's global queue has only a few threads per core on
        // Linux, and parallel tests would starve each other's timers.
        if let standardInput {
            Thread.detachNewThread {
                try? input.fileHandleForWriting.write(contentsOf: standardInput)
                try? input.fileHandleForWriting.close()
            }
        }
        let finished = finished
        for (pipe, isError) in [(output, false), (errors, true)] {
            finished.enter()
            Thread.detachNewThread {
                state.read(pipe.fileHandleForReading, isError: isError)
                finished.leave()
            }
        }
        finished.enter()
        let pid = pid
        Thread.detachNewThread {
            defer { finished.leave() }
            if state.waitForExit(of: pid, seconds: timeout) { return }
            state.markTimedOut()
            kill(pid, SIGTERM)
            if state.waitForExit(of: pid, seconds: 1) { return }
            kill(pid, SIGKILL)
            if !state.waitForExit(of: pid, seconds: 5) { state.markUnkillable() }
        }
    }

    /// Sends `signal` (SIGINT for Ctrl-C, SIGKILL...) to the child.
    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Standard-error lines read so far (to wait for a prompt or a message).
    public var errorLinesSoFar: [ChildProcess.TimedLine] { state.lines(isError: true) }
    /// Standard-output lines read so far.
    public var outputLinesSoFar: [ChildProcess.TimedLine] { state.lines(isError: false) }

    /// Waits for the child's end (and its output) and returns how it went.
    public func result() async throws -> ChildProcess.Result {
        await withCheckedContinuation { continuation in
            finished.notify(queue: .global()) { continuation.resume() }
        }
        if state.unkillable {
            throw RigError("\(process.value.executableURL?.path ?? "child") (pid \(pid)) survived SIGKILL")
        }
        return state.result()
    }
}

/// The launched Process, kept for its executable's name.
private struct UncheckedProcess: @unchecked Sendable {
    let value: Process
    init(_ value: Process) { self.value = value }
}

/// The wait status of `pid` if it has exited but is not reaped yet (a zombie), read from `/proc/<pid>/stat`.
///
/// Foundation.Process learns of a child's exit only when every holder of its status pipe has closed it, so a
/// grandchild left running (a daemon) would hide the exit; the kernel's zombie state does not wait for that.
private func zombieWaitStatus(_ pid: pid_t) -> Int32? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let commEnd = stat.lastIndex(of: ")") else { return nil }
    let fields = stat[stat.index(after: commEnd)...].split(whereSeparator: \.isWhitespace)   // [0]: field 3, the state
    guard fields.first == "Z", fields.count > 49 else { return nil }
    return Int32(fields[49])                                                 // field 52: exit_code
}

/// Output, lines and times gathered by the reader and watcher threads.
private final class ChildState: @unchecked Sendable {
    private let lock = NSLock()
    private var data: [Bool: Data] = [false: Data(), true: Data()]
    private var timedLines: [Bool: [ChildProcess.TimedLine]] = [false: [], true: []]
    private var launchTime = Date(), exitTime: Date?
    private var status: Int32 = 0, bySignal = false
    private var timedOut = false
    private var survivedKill = false

    var unkillable: Bool { lock.withLock { survivedKill } }
    func markLaunch() { lock.withLock { launchTime = Date() } }

    /// Records the exit (the first report wins: Foundation's handler or the zombie check).
    func markExit(status: Int32, bySignal: Bool) {
        lock.withLock {
            guard exitTime == nil else { return }
            exitTime = Date()
            self.status = status
            self.bySignal = bySignal
        }
    }

    /// Waits up to `seconds` for the child to exit; true if it has.
    func waitForExit(of pid: pid_t, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if lock.withLock({ exitTime != nil }) { return true }
            if let wait = zombieWaitStatus(pid) {
                let signal = wait & 0x7f
                markExit(status: signal == 0 ? (wait >> 8) & 0xff : signal, bySignal: signal != 0)
                return true
            }
            if Date() >= deadline { return false }
            usleep(5_000)
        }
    }

    func markTimedOut() { lock.withLock { timedOut = true } }
    func markUnkillable() { lock.withLock { survivedKill = true } }
    func lines(isError: Bool) -> [ChildProcess.TimedLine] { lock.withLock { timedLines[isError] ?? [] } }

    func result() -> ChildProcess.Result {
        lock.withLock {
            ChildProcess.Result(
                status: status, terminatedBySignal: bySignal,
                timedOut: timedOut, standardOutput: data[false] ?? Data(), standardError: data[true] ?? Data(),
                outputLines: timedLines[false] ?? [], errorLines: timedLines[true] ?? [],
                seconds: (exitTime ?? Date()).timeIntervalSince(launchTime))
        }
    }

    /// Reads `handle` until end of file, or until the child has been gone for 0.5 s with the pipe quiet; keeps
    /// all bytes and stamps each line with its arrival time.
    func read(_ handle: FileHandle, isError: Bool) {
        let fd = handle.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 65536)
        var pending = Data()
        while true {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 50)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 {
                let gone = lock.withLock { exitTime.map { Date().timeIntervalSince($0) > 0.5 } ?? false }
                if gone { break }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            let chunk = Data(buffer[0..<count])
            pending.append(chunk)
            var lines: [String] = []
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
            record(chunk, lines, isError: isError)
        }
        if !pending.isEmpty { record(Data(), [String(decoding: pending, as: UTF8.self)], isError: isError) }
    }

    private func record(_ chunk: Data, _ lines: [String], isError: Bool) {
        lock.withLock {
            let now = Date().timeIntervalSince(launchTime)
            data[isError, default: Data()].append(chunk)
            timedLines[isError, default: []].append(contentsOf: lines.map { .init(seconds: now, text: $0) })
        }
    }
}
