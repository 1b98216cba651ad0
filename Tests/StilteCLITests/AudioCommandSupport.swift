import Foundation
import StilteTestSupport

/// Runs the built `stilte` binary against the rig's ALSA configuration.
enum Stilte {
    /// Runs `stilte arguments…` to its end; `environment` is merged over the rig's.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 30) async throws -> ChildProcess.Result {
        try TestALSA.setUp()
        return try await ChildProcess.run(ChildProcess.stilteExecutable(), arguments,
                                          environment: TestALSA.environment.merging(environment) { _, new in new },
                                          timeout: timeout)
    }

    /// Runs `stilte arguments…` and sends it `signal` `delay` seconds after it started; returns how it
    /// ended and the seconds from the signal to the end.
    static func run(_ arguments: [String], signal: Int32, after delay: Double,
                    in dir: TemporaryDirectory) async throws -> (ChildProcess.Result, afterSignal: Double) {
        try TestALSA.setUp()
        let pidFile = dir.file("stilte.pid")
        // The shell writes its pid and becomes stilte, so the pid is stilte's.
        async let result = ChildProcess.run(URL(fileURLWithPath: "/bin/sh"),
                                            ["-c", "echo $$ > \"$0\"; exec \"$@\"", pidFile.path,
                                             try ChildProcess.stilteExecutable().path] + arguments,
                                            environment: TestALSA.environment, timeout: delay + 20)
        // Launching may wait for a free thread when many tests run at once: count from the start.
        let clock = ContinuousClock()
        let giveUp = clock.now + .seconds(15)
        var pid: Int32?
        while pid == nil && clock.now < giveUp {
            try await Task.sleep(for: .milliseconds(5))
            pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        try await Task.sleep(for: .seconds(delay))
        if let pid { kill(pid, signal) }
        let signalled = clock.now
        let ended = try await result
        let after = clock.now - signalled
        return (ended, Double(after.components.seconds) + Double(after.components.attoseconds) / 1e18)
    }
}

/// A WAV's 16-bit samples, decoded by sox (not by Stilte's own reader).
func soxSamples(_ wav: URL, in dir: TemporaryDirectory) throws -> [Int16] {
    let raw = dir.file(wav.lastPathComponent + ".raw")
    let result = try tool("sox", [wav.path, "-t", "raw", "-e", "signed", "-b", "16", raw.path])
    guard result.status == 0 else { return [] }
    return try RawAudio.read(raw)
}

/// `soxi -s`: the frame count sox reads from a WAV's header, nil when sox cannot read it.
func soxFrames(_ wav: URL) throws -> Int? {
    let result = try tool("soxi", ["-s", wav.path])
    return result.status == 0 ? Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) : nil
}

/// Deterministic 16-bit samples over the whole range, extremes included.
func noise(_ count: Int, seed: UInt64 = 0xC11) -> [Int16] {
    var state = seed
    var out = (0..<count).map { _ -> Int16 in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int16(truncatingIfNeeded: state >> 48)
    }
    if count >= 2 { out[0] = .min; out[1] = .max }
    return out
}

/// A 64 KiB tmpfs to fill up; `unavailableReason` says why none can be mounted here.
enum SmallDisk {
    static let unavailableReason: String? = {
        guard let dir = try? TemporaryDirectory() else { return "no scratch directory" }
        guard let mounted = try? tool("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.url.path]), mounted.status == 0 else {
            return "mount -t tmpfs is not permitted here (needs root)"
        }
        _ = try? tool("umount", [dir.url.path])
        return nil
    }()
}
