import ArgumentParser
import StiltePractice
import StilteAudio

extension Stilte {
    /// `stilte play FILE`: plays a sound file to an ALSA device.
    struct Play: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Play a sound file (WAV, FLAC, Ogg, ...) to an ALSA device.",
            discussion: "Ctrl-C stops playback at once and exits with status 130.")

        @Argument(help: "The sound file to play.")
        var file: String

        @OptionGroup var options: DeviceOptions

        func run() throws {
            let interruption = Interruption()
            let result: PlaybackResult
            var meter: PlaybackMeter?
            defer { meter?.finish() }
            do throws(AudioError) {
                result = try AudioPlayer.play(file: file, device: options.device, stop: interruption.flag) { position in
                    if meter == nil { meter = PlaybackMeter(duration: position.duration) }
                    meter?.update(seconds: position.seconds)
                }
                meter?.finish()
            } catch where error.function.hasPrefix("sf_") {
                throw CommandFailure.unreadable(error)
            } catch {
                throw CommandFailure.device(error, role: "playback", format: "this file's rate and channels")
            }
            let underruns = result.underruns == 1 ? "1 underrun" : "\(result.underruns) underruns"
            if result.interrupted {
                print("Stopped after \(Format.seconds(result.seconds)) of \(file) on \(options.device) (\(underruns)).")
                throw ExitCode(130)
            }
            print("Played \(Format.seconds(result.seconds)) of \(file) on \(options.device) (\(underruns)).")
        }
    }
}
