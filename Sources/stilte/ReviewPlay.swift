import ArgumentParser
import Foundation
import StilteAudio
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review play TAKE [--from-pause]`.
    struct Play: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Play a take's recording through ALSA.",
            discussion: "Ctrl-C stops playback at once and exits with status 130.")

        @Argument(help: "The take's id (see `stilte takes`).")
        var take: Int64

        @Flag(help: "Start just before the refusal ends (1 s before the pause).")
        var fromPause = false

        @OptionGroup var options: DeviceOptions

        /// How much of the refusal `--from-pause` plays before the pause, in seconds.
        static let leadIn = 1.0

        func run() throws {
            let log = try LogAccess.open()
            let take = try LogAccess.take(self.take, in: log)
            let recording = try LogAccess.recording(of: take, in: log)
            var file = recording.path
            var start = 0.0
            var excerpt: URL?
            defer { if let excerpt { try? FileManager.default.removeItem(at: excerpt.deletingLastPathComponent()) } }
            if fromPause {
                guard let pause = take.pause else {
                    throw CommandFailure("take \(self.take) has no pause to start from; play it without --from-pause")
                }
                start = max(0, pause.start - Self.leadIn)
                let url = try Self.excerpt(of: recording.path, from: start)
                excerpt = url
                file = url.path
            }
            let interruption = Interruption()
            let result: PlaybackResult
            do throws(AudioError) {
                result = try AudioPlayer.play(file: file, device: options.device, stop: interruption.flag)
            } catch where error.function.hasPrefix("sf_") {
                throw CommandFailure.unreadable(error)
            } catch {
                throw CommandFailure.device(error, role: "playback", format: "this recording's rate and channels")
            }
            let played = String(format: "%.2f–%.2f s", start, start + result.seconds)
            if result.interrupted {
                print("Stopped take \(self.take) at \(String(format: "%.2f s", start + result.seconds)).")
                throw ExitCode(130)
            }
            print("Played take \(self.take) (\(played)) on \(options.device).")
        }

        /// A private temporary mono copy of `path` from `seconds` on (the player starts at the beginning of a file).
        static func excerpt(of path: String, from seconds: Double) throws -> URL {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-play-\(UUID().uuidString)")
            try PrivateFiles.makeDirectory(directory)
            let url = directory.appendingPathComponent("excerpt.wav")
            do throws(AudioError) {
                let reader = try SoundFileReader(path: path)
                let writer = try RecordingWriter(path: url.path, sampleRate: reader.sampleRate)
                var skip = Int(seconds * Double(reader.sampleRate))
                var block = [Float](repeating: 0, count: 4096 * reader.channels)
                while true {
                    let frames = try block.withUnsafeMutableBufferPointer { buffer throws(AudioError) in try reader.read(into: buffer) }
                    if frames == 0 { break }
                    let first = min(skip, frames)
                    skip -= first
                    guard first < frames else { continue }
                    let mono = (first..<frames).map { frame in
                        (0..<reader.channels).reduce(Float(0)) { $0 + block[frame * reader.channels + $1] } / Float(reader.channels)
                    }
                    try writer.write(mono)
                }
                try writer.close()
            } catch {
                throw CommandFailure.unreadable(error)
            }
            return url
        }
    }
}
