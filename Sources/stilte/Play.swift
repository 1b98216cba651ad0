import ArgumentParser
import StiltePractice
import StilteAudio

extension Stilte {
    /// `stilte play FILE`: plays a sound file to an ALSA device.
    struct Play: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Play a sound file (WAV, FLAC, Ogg, ...) to an ALSA device.", nl: "Speel een geluidsbestand (WAV, FLAC, Ogg, ...) af op een ALSA-apparaat."),
            discussion: Interface.text(en: "Ctrl-C stops playback at once and exits with status 130.", nl: "Ctrl-C stopt het afspelen meteen en sluit af met code 130."))

        @Argument(help: .text(en: "The sound file to play.", nl: "Het geluidsbestand om af te spelen."))
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
                throw CommandFailure.device(error, role: .playback, format: .fileOwn)
            }
            let underruns = Interface.text(en: result.underruns == 1 ? "1 underrun" : "\(result.underruns) underruns",
                                           nl: "\(result.underruns) keer onderloop")
            let seconds = Interface.seconds(result.seconds)
            if result.interrupted {
                print(Interface.text(en: "Stopped after \(seconds) of \(file) on \(options.device) (\(underruns)).",
                                     nl: "Gestopt na \(seconds) van \(file) op \(options.device) (\(underruns))."))
                throw ExitCode(130)
            }
            print(Interface.text(en: "Played \(seconds) of \(file) on \(options.device) (\(underruns)).",
                                 nl: "\(seconds) van \(file) afgespeeld op \(options.device) (\(underruns))."))
        }
    }
}
