import Foundation
import StilteAudio
import StilteTestSupport
import Testing

/// Runs `stilte rehearse` and friends with a private STILTE_HOME and ALSA configuration.
struct RehearseRig {
    let dir: URL
    let home: URL
    let alsaConfig: String

    /// The repository root (this file is Tests/StilteCLITests/RehearseSupport.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// - Parameter soundCard: `true`: the rig's configuration (file and real-time devices; its `default`
    ///   is `null`). `false`: an empty configuration, like a machine without a sound card (no `default`).
    init(soundCard: Bool = true) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-rehearse-\(UUID().uuidString)")
        home = dir.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        if soundCard {
            try TestALSA.setUp()
            alsaConfig = try #require(TestALSA.configurationFile).path
        } else {
            let empty = dir.appendingPathComponent("no-sound-card.conf")
            try Data("# No sound card: no PCM is defined.\n".utf8).write(to: empty)
            alsaConfig = empty.path
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(at: dir) }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["ALSA_CONFIG_PATH"] = alsaConfig
        environment["STILTE_HOME"] = home.path
        environment["STILTE_SCENARIOS"] = Self.root.appendingPathComponent("Scenarios").path
        environment.removeValue(forKey: "NO_COLOR")
        return environment
    }

    /// Starts `stilte ARGS` with stdin from /dev/null and output into files.
    func start(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> Running {
        try Running(arguments, environment: environment.merging(extra) { _, new in new }, in: dir, input: input)
    }

    /// Runs `stilte ARGS` to the end; `input` is its standard input (else /dev/null).
    func run(_ arguments: [String], input: String? = nil) async throws -> Outcome {
        try await start(arguments, input: input).wait()
    }

    /// How a `stilte` run ended and what it printed.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var signalled: Bool
    }

    final class Running {
        let process = Process()
        let out: URL
        let err: URL

        init(_ arguments: [String], environment: [String: String], in dir: URL, input: String? = nil) throws {
            process.executableURL = try ChildProcess.stilteExecutable()
            process.arguments = arguments
            process.environment = environment
            let id = UUID().uuidString
            out = dir.appendingPathComponent("stdout-\(id)")
            err = dir.appendingPathComponent("stderr-\(id)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            if let input {
                let file = dir.appendingPathComponent("stdin-\(id)")
                try Data(input.utf8).write(to: file)
                process.standardInput = try FileHandle(forReadingFrom: file)
            } else {
                process.standardInput = FileHandle.nullDevice
            }
            try process.run()
        }

        func signal(_ number: Int32) { kill(process.processIdentifier, number) }

        /// Waits on a thread of its own: blocking the test's (cooperative) thread would starve
        /// the timers of other tests running beside this one.
        func wait() async throws -> Outcome {
            let process = self.process
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread {
                    process.waitUntilExit()
                    done.resume()
                }
            }
            return Outcome(status: process.terminationStatus,
                                        stdout: try String(contentsOf: out, encoding: .utf8),
                                        stderr: try String(contentsOf: err, encoding: .utf8),
                                        signalled: process.terminationReason == .uncaughtSignal)
        }
    }

    /// A sound file as raw 16-bit little-endian samples, the way ALSA's file plugin reads them.
    static func rawSamples(of file: URL) throws -> (samples: [Int16], rate: Int, channels: Int) {
        let reader = try SoundFileReader(path: file.path)
        let samples = try reader.readAll().map { Int16(clamping: Int((Double($0) * 32768).rounded())) }
        return (samples, reader.sampleRate, reader.channels)
    }

    /// The bundled demo answer: refusal ends at 3.91 s, 4.00 s of silence, then the solution
    /// (Audio/demo/answer.txt, printed by Audio/demo/make-demo.sh).
    static let demoAnswer = root.appendingPathComponent("Audio/demo/answer.wav")
    static let demoPauseStart = 3.91
    static let demoPause = 4.00

    /// Writes the demo answer as raw S16_LE for a file-plugin capture device.
    func demoAnswerRaw() throws -> URL {
        let url = dir.appendingPathComponent("answer.raw")
        try RawAudio.write(try Self.rawSamples(of: Self.demoAnswer).samples, to: url)
        return url
    }

    /// The demo answer with its pause cut to `pause` seconds (the middle of the silence taken out), as raw S16_LE.
    func demoAnswerRaw(pause: Double) throws -> URL {
        let samples = try Self.rawSamples(of: Self.demoAnswer).samples
        let keep = Int((Self.demoPauseStart + pause / 2) * 16_000), resume = Int((Self.demoPauseStart + Self.demoPause - pause / 2) * 16_000)
        let url = dir.appendingPathComponent("answer-\(pause).raw")
        try RawAudio.write(Array(samples[..<keep] + samples[resume...]), to: url)
        return url
    }

    /// `stilte takes --json` as parsed JSON objects.
    func takes() async throws -> [[String: Any]] {
        let outcome = try await run(["takes", "--json"])
        return (try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]) ?? []
    }
}

/// The rehearse and prompt-record CLI suites, run one test at a time: each starts real-time
/// captures, pseudo-terminals and whole rehearsals, and the audio layer's timing tests that run
/// beside them should not have to share the two CPUs with several of those at once.
@Suite(.serialized) enum RehearseCLISuites {}
