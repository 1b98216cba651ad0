import Foundation

/// Runs the built `stilte` binary with a private ALSA configuration.
enum StilteBinary {
    /// `.build/debug/stilte`, next to the test bundle (or found from this source file).
    static let url: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("stilte")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/stilte")
    }()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var signalled: Bool
    }

    /// A started `stilte` process with its output collected to files.
    final class Running {
        let process: Process
        let out: URL
        let err: URL

        init(_ arguments: [String], alsaConfig: String, in dir: URL) throws {
            process = Process()
            process.executableURL = StilteBinary.url
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["ALSA_CONFIG_PATH"] = alsaConfig
            process.environment = environment
            let id = UUID().uuidString
            out = dir.appendingPathComponent("stdout-\(id)")
            err = dir.appendingPathComponent("stderr-\(id)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        func signal(_ number: Int32) { kill(process.processIdentifier, number) }

        func wait() throws -> Outcome {
            process.waitUntilExit()
            return Outcome(status: process.terminationStatus,
                           stdout: try String(contentsOf: out, encoding: .utf8),
                           stderr: try String(contentsOf: err, encoding: .utf8),
                           signalled: process.terminationReason == .uncaughtSignal)
        }
    }

    static func run(_ arguments: [String], alsaConfig: String, in dir: URL) throws -> Outcome {
        try Running(arguments, alsaConfig: alsaConfig, in: dir).wait()
    }
}

/// A private ALSA configuration file with the stock `file` plugin devices.
enum CLIDevices {
    static func config(in dir: URL, extra: String = "") throws -> String {
        let path = dir.appendingPathComponent("asound.conf").path
        let text = """
            pcm.stilte_file_capture {
              @args [ INFILE RATE ]
              @args.INFILE { type string }
              @args.RATE { type integer }
              type plug
              slave { pcm { type file slave.pcm { type null } file "/dev/null" infile $INFILE format raw }
                      format S16_LE rate $RATE channels 1 }
            }
            pcm.stilte_file_playback {
              @args [ OUTFILE RATE CHANNELS ]
              @args.OUTFILE { type string }
              @args.RATE { type integer }
              @args.CHANNELS { type integer }
              type plug
              slave { pcm { type file slave.pcm { type null } file $OUTFILE format raw }
                      format S16_LE rate $RATE channels $CHANNELS }
            }
            \(extra)

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func capture(_ input: String, rate: Int = 16_000) -> String {
        "stilte_file_capture:INFILE=\"\(input)\",RATE=\(rate)"
    }

    static func playback(_ output: String, rate: Int = 16_000, channels: Int = 1) -> String {
        "stilte_file_playback:OUTFILE=\"\(output)\",RATE=\(rate),CHANNELS=\(channels)"
    }
}

enum Samples {
    /// Deterministic 16-bit samples over the whole range, extremes included.
    static func make(_ count: Int, seed: UInt64 = 0xC11) -> [Int16] {
        var state = seed
        var out = (0..<count).map { _ -> Int16 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int16(truncatingIfNeeded: state >> 48)
        }
        if count >= 2 { out[0] = .min; out[1] = .max }
        return out
    }

    static func write(_ samples: [Int16], to url: URL) throws {
        try samples.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: url)
    }

    static func read(_ url: URL) throws -> [Int16] {
        try Data(contentsOf: url).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }
}

/// Runs a tool (sox, soxi, mount) and returns its status and standard output.
@discardableResult
func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A 64 KiB tmpfs to fill up; nil (with the reason) when mounting is not permitted here.
enum SmallDisk {
    static let unavailableReason: String? = {
        guard let dir = try? scratchDirectory() else { return "no scratch directory" }
        defer { try? FileManager.default.removeItem(at: dir) }
        guard let mounted = try? tool("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path]), mounted.status == 0 else {
            return "mount -t tmpfs is not permitted here (needs root)"
        }
        _ = try? tool("umount", [dir.path])
        return nil
    }()

    static func mount() throws -> URL {
        let dir = try scratchDirectory()
        let result = try tool("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path])
        guard result.status == 0 else { throw CocoaError(.fileWriteNoPermission) }
        return dir
    }

    static func unmount(_ dir: URL) { _ = try? tool("umount", [dir.path]) }
}
