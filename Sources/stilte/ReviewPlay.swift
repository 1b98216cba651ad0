import ArgumentParser
import Foundation
import StilteAudio
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review play TAKE [--from-pause]`.
    struct Play: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Play a take's recording through ALSA.", nl: "Speel de opname van een take af via ALSA."),
            discussion: Interface.text(en: "Ctrl-C stops playback at once and exits with status 130.", nl: "Ctrl-C stopt het afspelen meteen en sluit af met code 130."))

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Flag(help: .text(en: "Start just before the refusal ends (1 s before the pause).", nl: "Begin vlak voor het einde van de weigering (1 s voor de pauze)."))
        var fromPause = false

        @OptionGroup var options: DeviceOptions

        /// How much of the refusal `--from-pause` plays before the pause, in seconds.
        static let leadIn = 1.0

        func run() throws {
            let log = try LogAccess.open(.readOnly)
            let take = try LogAccess.take(self.take, in: log)
            let recording = try LogAccess.recording(of: take, in: log)
            var start = 0.0
            if fromPause {
                guard let pause = take.pause else {
                    throw CommandFailure(Phrase(en: "take \(take.id ?? 0) has no pause to start from; play it without --from-pause",
                                                nl: "opname \(take.id ?? 0) heeft geen pauze om bij te beginnen; speel hem af zonder --from-pause"))
                }
                start = max(0, pause.start - Self.leadIn)
            }
            let interruption = Interruption()
            let result: PlaybackResult
            var meter: PlaybackMeter?
            defer { meter?.finish() }
            do throws(AudioError) {
                result = try AudioPlayer.play(file: recording.path, device: options.device, from: start, stop: interruption.flag) { position in
                    if meter == nil { meter = PlaybackMeter(duration: position.duration, pause: take.pause) }
                    meter?.update(seconds: position.seconds)
                }
                meter?.finish()
            } catch where error.function.hasPrefix("sf_") {
                throw CommandFailure.unreadable(error)
            } catch {
                throw CommandFailure.device(error, role: .playback, format: .fileOwn)
            }
            let played = NumberFormat.span(start, start + result.seconds, Interface.language)
            if result.interrupted {
                let at = Interface.seconds(start + result.seconds)
                print(Interface.text(en: "Stopped take \(take.id ?? 0) at \(at).", nl: "Opname \(take.id ?? 0) gestopt bij \(at)."))
                throw ExitCode(130)
            }
            print(Interface.text(en: "Played take \(take.id ?? 0) (\(played)) on \(options.device).",
                                 nl: "Opname \(take.id ?? 0) afgespeeld (\(played)) op \(options.device)."))
        }
    }
}
