import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Measurements of the live screen for `bench/`: for every drawn change of what the
/// trainee sees (speaking ↔ silence, the frozen pause), how long after the audio
/// it reached the screen; and the CPU time the process spent while recording.
/// Written as JSON lines to the file given with `stilte rehearse --live-trace`, by the
/// session and by the screen that renders it (a lock keeps the lines whole).
public final class LiveTrace: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    /// Creates (0600) or empties the file at `path`.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw PracticeFailure("cannot write the live trace '\(path)': choose a writable path")
        }
        self.handle = handle
    }

    /// A change drawn at `wall` seconds after the capture started, of something that happened at `audio` seconds.
    public func drawn(_ what: String, audio: Double, wall: Double) {
        write(["event": what, "audio": audio, "wall": wall, "lag": wall - audio])
    }

    /// The pause engine reported at `heard` seconds of audio something that happened at `audio`.
    func reported(_ what: String, audio: Double, heard: Double) {
        write(["event": "reported-" + what, "audio": audio, "heard": heard, "lag": heard - audio])
    }

    /// The recording's end: its audio length, the wall time and CPU seconds it took.
    func finished(audio: Double, wall: Double, cpu: Double) {
        write(["event": "finished", "audio": audio, "wall": wall, "cpu": cpu])
    }

    private func write(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        lock.withLock { handle.write(data + Data("\n".utf8)) }
    }

    /// User + system CPU seconds of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

extension ContinuousClock.Instant {
    /// Seconds from this instant to now.
    public var secondsSince: Double {
        let elapsed = ContinuousClock.now - self
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
