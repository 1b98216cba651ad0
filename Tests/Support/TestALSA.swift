import Foundation

/// The ALSA test rig: a per-process ALSA configuration with byte-exact file devices, real-time devices with
/// injected faults (the `stiltetest` ioplug plugin in `Tests/Rig`), and an `LD_PRELOAD` shim for open errors.
///
/// Call ``setUp()`` before any ALSA use in a test process, then open the PCM names the functions below return.
/// See `Tests/Rig/README.md` for the devices' exact behaviour.
public enum TestALSA {
    /// A fault the real-time capture device injects once, at a stream time in seconds (wall time since the stream
    /// first started).
    public enum Fault: Sendable, Equatable {
        /// The stream goes to XRUN: reads return `-EPIPE` until `snd_pcm_prepare`/`snd_pcm_recover`.
        case overrun(at: Double)
        /// The stream is suspended: reads return `-ESTRPIPE`; `snd_pcm_resume` (or prepare) continues.
        case suspend(at: Double)
        /// The device is unplugged: `-ENODEV` from then on, also for prepare, start and hw_params.
        case disconnect(at: Double)
    }

    /// Builds the rig once per process (cc into a cache directory keyed by the source hash), writes ONE
    /// per-process ALSA configuration that defines the parameterised test PCMs (ALSA `@args`), and points
    /// `ALSA_CONFIG_PATH` at it. That configuration is read INSTEAD of the system one: never `~/.asoundrc`,
    /// no sound cards; it defines `null`, `default` (= `null`) and the test devices itself.
    /// Idempotent and thread-safe. Call before any ALSA use in a test process.
    public static func setUp() throws {
        _ = try state.configured()
    }

    /// Environment for child processes (the `stilte` binary, `arecord`, `aplay`): `ALSA_CONFIG_PATH`.
    /// Merge it over the current environment. Empty until ``setUp()`` succeeded.
    public static var environment: [String: String] {
        guard let path = state.configurationPath else { return [:] }
        return ["ALSA_CONFIG_PATH": path]
    }

    /// The per-process ALSA configuration file (after ``setUp()``).
    public static var configurationFile: URL? {
        state.configurationPath.map { URL(fileURLWithPath: $0) }
    }

    /// A capture PCM reading raw S16_LE frames of `channels` at `rate` from `input`, through the stock `file`
    /// plugin (slave `null`) behind `plug`. Byte-exact when opened as S16_LE at `rate` and `channels`; NOT paced
    /// (a 3 s read returns at once); past the end of `input` reads keep "succeeding" with stale data.
    public static func fileCapture(input: URL, rate: Int, channels: Int) -> String {
        pcmName("stilte_file_capture", ["INFILE": quoted(input), "RATE": "\(rate)", "CHANNELS": "\(channels)"])
    }

    /// A playback PCM writing raw S16_LE frames of `channels` at `rate` to `output` (created 0600, truncated at
    /// open), through the stock `file` plugin behind `plug`. Byte-exact; NOT paced.
    public static func filePlayback(output: URL, rate: Int, channels: Int) -> String {
        pcmName("stilte_file_playback", ["OUTFILE": quoted(output), "RATE": "\(rate)", "CHANNELS": "\(channels)"])
    }

    /// A real-time capture PCM (the `stiltetest` plugin) fed from raw S16_LE `input`, at wall-clock pace; zeros
    /// after the end of `input` (or `input` again when `loop`). At most one fault of each kind; with
    /// `repeatFaults` an overrun or suspend, once fired, fires again at every restart: a device failing for ever.
    /// - Parameter plug: `true` (default): behind `plug`, so any format/rate/channels can be asked for;
    ///   `false`: the bare device, which accepts only S16_LE interleaved at `rate` and `channels`.
    public static func realtimeCapture(input: URL, rate: Int, channels: Int, faults: [Fault] = [],
                                       loop: Bool = false, repeatFaults: Bool = false, plug: Bool = true) -> String {
        var arguments = ["INFILE": quoted(input), "RATE": "\(rate)", "CHANNELS": "\(channels)"]
        if loop { arguments["LOOP"] = "true" }
        if repeatFaults { arguments["REPEAT"] = "true" }
        for fault in faults {
            let (key, seconds) = switch fault {
            case .overrun(let at): ("OVERRUN", at)
            case .suspend(let at): ("SUSPEND", at)
            case .disconnect(let at): ("DISCONNECT", at)
            }
            precondition(arguments[key] == nil, "TestALSA: at most one \(key.lowercased()) fault per device")
            precondition(seconds >= 0, "TestALSA: fault times are seconds >= 0")
            arguments[key] = "\(seconds)"
        }
        return pcmName(plug ? "stilte_rt_plug" : "stilte_rt", arguments)
    }

    /// A real-time playback PCM (the `stiltetest` plugin) that appends every frame it plays, as raw S16_LE, to
    /// `output` (created 0600, truncated at open), at wall-clock pace; drain returns when the last frame has played.
    /// - Parameter plug: as in ``realtimeCapture(input:rate:channels:faults:loop:plug:)``.
    public static func realtimePlayback(output: URL, rate: Int, channels: Int, plug: Bool = true) -> String {
        pcmName(plug ? "stilte_rt_plug" : "stilte_rt",
                ["OUTFILE": quoted(output), "RATE": "\(rate)", "CHANNELS": "\(channels)"])
    }

    /// `LD_PRELOAD` environment (merged with ``environment``) making `snd_pcm_open` of names matching the shell
    /// glob `matching` (e.g. `"stilte_rt*"`, `"*"`) fail with `-errno`, for child processes. Builds the shim.
    public static func openFailure(errno: Int32, matching: String) throws -> [String: String] {
        let shim = try state.shim()
        return environment.merging([
            "LD_PRELOAD": shim.path,
            "STILTE_FAKE_OPEN_ERRNO": "\(errno)",
            "STILTE_FAKE_OPEN_MATCH": matching,
        ]) { _, new in new }
    }

    /// `name:KEY=value,...` with the keys in a stable order.
    static func pcmName(_ name: String, _ arguments: [String: String]) -> String {
        name + ":" + arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    private static func quoted(_ url: URL) -> String { ALSAConfiguration.quoted(url.path) }

    private static let state = RigState()
}

/// The configuration file and its directory, removed when the test process exits (set once, under RigState's lock).
nonisolated(unsafe) private var configurationToRemove: (file: String, directory: String)?

/// The process-wide rig: built products and the configuration file, created once under a lock.
private final class RigState: @unchecked Sendable {
    private let lock = NSLock()
    private var path: String?
    private var shimURL: URL?

    var configurationPath: String? { lock.withLock { path } }

    func configured() throws -> String {
        try lock.withLock {
            if let path { return path }
            let plugin = try RigBuild.build(source: "pcm_stiltetest.c", product: "libasound_module_pcm_stiltetest.so",
                                            libraries: ["-lasound"])
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("stilte-alsa-\(getpid())-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let file = directory.appendingPathComponent("asound.conf")
            try Data(ALSAConfiguration.text(pluginLibrary: plugin).utf8).write(to: file)
            setenv("ALSA_CONFIG_PATH", file.path, 1)
            path = file.path
            configurationToRemove = (file.path, directory.path)
            atexit {
                guard let (file, directory) = configurationToRemove else { return }
                unlink(file)
                rmdir(directory)
            }
            return file.path
        }
    }

    func shim() throws -> URL {
        _ = try configured()
        return try lock.withLock {
            if let shimURL { return shimURL }
            let built = try RigBuild.build(source: "preload_pcm_open.c", product: "preload_pcm_open.so", libraries: ["-ldl"])
            shimURL = built
            return built
        }
    }
}
