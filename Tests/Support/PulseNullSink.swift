import Foundation

/// A private PulseAudio daemon with one null sink, reached through the ALSA `pulse` plugin: a smoke test of Stilte
/// against a real sound server, at wall-clock pace.
///
/// The daemon runs as `pulseaudio -n --exit-idle-time=-1 --system=no --disallow-exit` (as root in user mode) with
/// its own `XDG_RUNTIME_DIR`/`HOME` in a fresh 0700 directory, loading only `module-native-protocol-unix`
/// (anonymous auth on a socket in that directory) and `module-null-sink`. A keepalive reader (`arecord` on the
/// sink's monitor, to /dev/null) stays attached, and a 0.1 s warm-up stream is played before `init` returns:
/// without both, the first streams are 1–2 s late (measured: a 1 s tone then takes 2.3–2.7 s to play and is
/// cut short on the monitor; with both it plays in 1.25 s and comes back whole).
/// ``stop()`` (and deinit) end the reader and the daemon and remove the directory.
public final class PulseNullSink: @unchecked Sendable {
    /// The daemon's private directory (`XDG_RUNTIME_DIR`, `HOME`); the socket `native` is inside.
    public let directory: URL
    /// The null sink's name; its monitor source is `<sinkName>.monitor`.
    public let sinkName = "stilte_null"
    public let rate: Int
    public let channels: Int

    private let lock = NSLock()
    private var daemon: Process?
    private var keepalive: Process?

    /// `pulseaudio` is installed and alsa-lib can load the `pulse` PCM plugin (libasound2-plugins).
    public static var isAvailable: Bool {
        ChildProcess.tool("pulseaudio") != nil && ChildProcess.tool("arecord") != nil && ChildProcess.tool("aplay") != nil
            && pulsePluginDirectories.contains {
                FileManager.default.fileExists(atPath: $0 + "/libasound_module_pcm_pulse.so")
            }
    }

    /// Why ``isAvailable`` is false, for a test's skip reason.
    public static let unavailableReason =
        "pulseaudio, arecord/aplay or the ALSA pulse plugin is not installed (scripts/setup installs pulseaudio, alsa-utils, libasound2-plugins)"

    /// Starts the daemon with a null sink of `rate` Hz and `channels`, waits for its socket (at most `timeout` s),
    /// attaches the keepalive reader and plays the warm-up stream (about 2 s in all). Calls ``TestALSA/setUp()``.
    public init(rate: Int = 48000, channels: Int = 1, timeout: Double = 10) async throws {
        self.rate = rate
        self.channels = channels
        try TestALSA.setUp()
        directory = URL(fileURLWithPath: "/tmp/stilte-pulse-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        do {
            try startDaemon(timeout: timeout)
            try startKeepalive()
            try await warmUp(timeout: timeout)
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// The server address for the `pulse` plugin and `PULSE_SERVER`.
    public var server: String { "unix:" + directory.appendingPathComponent("native").path }

    /// ALSA PCM that plays into the null sink.
    public var playbackDevice: String { device(sinkName) }

    /// ALSA PCM that captures the null sink's monitor (what was played into it).
    public var monitorDevice: String { device(sinkName + ".monitor") }

    /// Environment for child processes: ``TestALSA/environment`` plus `PULSE_SERVER`.
    public var environment: [String: String] {
        TestALSA.environment.merging(["PULSE_SERVER": server]) { _, new in new }
    }

    /// Ends the keepalive reader and the daemon (SIGTERM, SIGKILL after 2 s) and removes the directory. Idempotent.
    public func stop() {
        let (reader, shell) = lock.withLock { () -> (Process?, Process?) in
            defer { keepalive = nil; daemon = nil }
            return (keepalive, daemon)
        }
        if let reader { end(reader, pid: reader.processIdentifier) }
        if let shell {
            let daemonPid = (try? String(contentsOf: pidFile, encoding: .utf8))
                .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            end(shell, pid: daemonPid ?? shell.processIdentifier)
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// SIGTERM to `pid`, SIGKILL after 2 s, until `process` has exited.
    private func end(_ process: Process, pid: pid_t) {
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    private var pidFile: URL { directory.appendingPathComponent("pulseaudio.pid") }

    private func device(_ name: String) -> String {
        TestALSA.pcmName("stilte_pulse", ["SERVER": ALSAConfiguration.quoted(server),
                                          "DEVICE": ALSAConfiguration.quoted(name)])
    }

    private var privateEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.merging([
            "HOME": directory.path, "XDG_RUNTIME_DIR": directory.path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
        ]) { _, new in new }.merging(environment) { _, new in new }
    }

    private func startDaemon(timeout: Double) throws {
        guard let executable = ChildProcess.tool("pulseaudio") else { throw RigError(Self.unavailableReason) }
        let socket = directory.appendingPathComponent("native")
        let log = directory.appendingPathComponent("pulseaudio.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw RigError("cannot create \(log.path)")
        }
        // pulseaudio closes every inherited descriptor at start-up, and Foundation.Process takes the closing of
        // its status pipe for the child's exit (then blocks in waitpid, stalling every other Process). So a shell
        // holds that pipe and waits for the daemon, whose pid it writes down for stop().
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" \"$@\" & echo $! > \"$PULSE_PID_FILE\"; wait $!", executable.path,
            "-n", "--daemonize=no", "--system=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
            "--realtime=no", "--high-priority=no", "--log-target=stderr", "--log-level=warning",
            "-L", "module-native-protocol-unix socket=\(socket.path) auth-anonymous=1",
            "-L", "module-null-sink sink_name=\(sinkName) rate=\(rate) channels=\(channels)",
        ]
        process.environment = privateEnvironment.merging(["PULSE_PID_FILE": pidFile.path]) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.runUnblocked()
        lock.withLock { daemon = process }

        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: socket.path) {
            let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            guard process.isRunning else {
                throw RigError("pulseaudio exited with status \(process.terminationStatus) before its socket appeared: \(logText)")
            }
            guard Date() < deadline else {
                throw RigError("pulseaudio did not create \(socket.path) within \(timeout) s: \(logText)")
            }
            usleep(20_000)
        }
    }

    private func startKeepalive() throws {
        guard let executable = ChildProcess.tool("arecord") else { throw RigError(Self.unavailableReason) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-q", "-D", monitorDevice, "-t", "raw", "-f", "S16_LE", "-r", "\(rate)",
                             "-c", "\(channels)", "/dev/null"]
        process.environment = privateEnvironment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.runUnblocked()
        lock.withLock { keepalive = process }
    }

    /// Plays 0.1 s of silence into the sink and waits until it has played.
    private func warmUp(timeout: Double) async throws {
        guard let aplay = ChildProcess.tool("aplay") else { throw RigError(Self.unavailableReason) }
        let silence = Data(count: rate / 10 * channels * 2)
        let result = try await ChildProcess.run(
            aplay, ["-q", "-D", playbackDevice, "-t", "raw", "-f", "S16_LE", "-r", "\(rate)", "-c", "\(channels)"],
            environment: environment, standardInput: silence, timeout: timeout)
        guard result.succeeded else {
            let how = result.timedOut ? "timed out after \(timeout) s" : "failed (status \(result.status))"
            throw RigError("warm-up playback into the PulseAudio null sink \(how): \(result.errorOutput)")
        }
    }

    private static let pulsePluginDirectories = [
        "/usr/lib/x86_64-linux-gnu/alsa-lib", "/usr/lib/aarch64-linux-gnu/alsa-lib", "/usr/lib/alsa-lib",
        "/usr/lib64/alsa-lib",
    ]
}
