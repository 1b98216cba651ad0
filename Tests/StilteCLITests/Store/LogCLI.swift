import Foundation

/// Runs the built `stilte` against a temporary `STILTE_HOME` (the session-log tests).
struct LogCLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Killed by a signal (a trap, SIGILL, SIGSEGV): a crash.
        var crashed = false
    }

    /// The temporary home; removed by ``cleanUp()``.
    let home: URL
    /// Scratch space next to the home (audio, bundles, TextGrids).
    let scratch: URL
    /// Extra environment for every run.
    var environment: [String: String] = [:]
    /// The umask every run starts with (through `/bin/sh`), when set.
    var umask: String?

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-logcli-\(UUID().uuidString)")
        home = base.appendingPathComponent("home")
        scratch = base.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: home.deletingLastPathComponent())
    }

    var database: URL { home.appendingPathComponent("stilte.sqlite") }

    /// The `stilte` executable next to the test bundle (`.build/<config>/stilte`), or `$STILTE_BIN`.
    static var executable: URL {
        if let bin = ProcessInfo.processInfo.environment["STILTE_BIN"] { return URL(fileURLWithPath: bin) }
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var directory = me.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("stilte")
            if FileManager.default.isExecutableFile(atPath: candidate.path), !candidate.hasDirectoryPath { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/stilte")
    }

    /// Starts `stilte args…` with stdin from /dev/null; the caller waits.
    func start(_ args: [String], stdout: FileHandle? = nil, stderr: FileHandle? = nil) throws -> Process {
        let process = Process()
        if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", Self.executable.path] + args
        } else {
            process.executableURL = Self.executable
            process.arguments = args
        }
        var env = ProcessInfo.processInfo.environment
        env["STILTE_HOME"] = home.path
        env.removeValue(forKey: "STILTE_REVIEWER")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        if let stdout { process.standardOutput = stdout }
        if let stderr { process.standardError = stderr }
        try process.run()
        return process
    }

    /// Runs `stilte args…` to the end.
    @discardableResult
    func run(_ args: String...) throws -> Result { try run(args) }

    func run(_ args: [String]) throws -> Result {
        let out = scratch.appendingPathComponent("out-\(UUID().uuidString)")
        let err = scratch.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = try start(args, stdout: outHandle, stderr: errHandle)
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: FileManager.default.contents(atPath: out.path) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self),
                      crashed: process.terminationReason == .uncaughtSignal)
    }

    /// Runs a shell command on a pseudo-terminal (util-linux `script`), typing `input`; returns what the terminal showed.
    func run(onTerminal command: String, input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env["STILTE_HOME"] = home.path
        process.environment = env
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    /// `stilte takes --json`, decoded loosely.
    func takesJSON(_ extra: String...) throws -> [[String: Any]] {
        let result = try run(["takes", "--json"] + extra)
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    /// Speaks a refusal, stays silent `pause` seconds, then speaks a solution (espeak-ng + sox); returns the WAV.
    func answer(pause: Double, name: String) throws -> URL {
        let no = scratch.appendingPathComponent("\(name)-no.wav"), yes = scratch.appendingPathComponent("\(name)-yes.wav")
        let out = scratch.appendingPathComponent("\(name).wav")
        try tool("espeak-ng", ["-w", no.path, "I understand, and I am not going to do it."])
        try tool("espeak-ng", ["-w", yes.path, "My colleague Anna can help you with this."])
        let padded = scratch.appendingPathComponent("\(name)-padded.wav")
        try tool("sox", [no.path, padded.path, "pad", "0.3", String(pause)])
        try tool("sox", [padded.path, yes.path, out.path])
        return out
    }

    func tool(_ name: String, _ args: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw NSError(domain: "LogCLI", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "\(name) failed"])
        }
    }

    /// Permission bits of a path.
    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int).map { $0 & 0o777 }
    }
}
