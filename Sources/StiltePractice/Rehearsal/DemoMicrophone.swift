import Foundation
import StilteAudio

/// The demo's microphone: the bundled example answer (`Audio/demo/answer.wav`)
/// fed through ALSA's stock `file` plugin, and a `null` playback device for
/// machines without one. Both are defined in a configuration file of this
/// process alone, appended to `ALSA_CONFIG_PATH` (the user's files are untouched).
final class DemoMicrophone {
    /// The capture device that plays the example answer.
    static let captureDevice = "stilte_demo_capture"
    /// A playback device that discards what it is given.
    static let silentPlayback = "stilte_demo_silent"

    /// The private directory holding the raw answer and the configuration; removed in `deinit`.
    private let directory: URL

    /// Converts `answer` to the raw 16 kHz S16_LE the `file` plugin reads and
    /// points ALSA at a configuration defining the demo devices.
    init(answer: URL) throws {
        let reader: SoundFileReader
        do throws(AudioError) { reader = try SoundFileReader(path: answer.path) } catch {
            throw PracticeFailure("the demo answer cannot be read: \(error.description): restore Audio/demo/answer.wav (Audio/demo/make-demo.sh makes it)")
        }
        guard reader.sampleRate == TakeRecorder.sampleRate, reader.channels == 1 else {
            throw PracticeFailure("\(answer.path): the demo answer must be 16 kHz mono (it is \(reader.sampleRate) Hz, \(reader.channels) channels): remake it with Audio/demo/make-demo.sh")
        }
        let samples: [Float]
        do throws(AudioError) { samples = try reader.readAll() } catch {
            throw PracticeFailure("the demo answer cannot be read: \(error.description)")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-demo-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let raw = directory.appendingPathComponent("answer.raw")
        var data = Data(capacity: samples.count * 2)
        for sample in samples {
            let value = Int16(clamping: Int((Double(sample) * 32768).rounded()))
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        try data.write(to: raw)
        let configuration = directory.appendingPathComponent("demo.conf")
        try Data(Self.configuration(rawAnswer: raw.path).utf8).write(to: configuration)
        let environment = ProcessInfo.processInfo.environment["ALSA_CONFIG_PATH"] ?? ""
        let base = environment.isEmpty ? "/usr/share/alsa/alsa.conf" : environment
        setenv("ALSA_CONFIG_PATH", base + ":" + configuration.path, 1)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func configuration(rawAnswer: String) -> String {
        let quoted = "\"" + rawAnswer.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
        # Written by `stilte rehearse --demo` for this process only.
        pcm.\(captureDevice) {
            type plug
            slave {
                pcm { type file slave.pcm { type null } file "/dev/null" infile \(quoted) format raw }
                format S16_LE
                rate \(TakeRecorder.sampleRate)
                channels 1
            }
        }
        pcm.\(silentPlayback) { type plug slave.pcm { type null } }

        """
    }
}
