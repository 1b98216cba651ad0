import StilteAudio
import StilteCore

/// A command's failure as the one line ArgumentParser prints after "Error: ".
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ line: String) { description = line }

    /// The failure in the interface language (``Interface/language``).
    init(_ phrase: Phrase) { description = phrase.text(Interface.language) }

    /// What a failure of the audio layer means for the user and what to do about it.
    /// `role` is "playback" or "capture"; `format` describes what the device was asked for.
    static func device(_ error: AudioError, role: String, format: String) -> CommandFailure {
        let name = "\(role) device '\(error.subject)'"
        let cause = "\(error.message), \(error.function)"
        if error.function == "snd_pcm_open" {
            if error.isNotFound {
                return CommandFailure("\(name) not found (\(cause)): run `stilte devices` and pass one of its names with --device")
            }
            if error.isBusy {
                return CommandFailure("\(name) is busy (\(cause)): close the program using it or choose another with --device")
            }
            return CommandFailure("cannot open \(name) (\(cause)): check it with `stilte devices` or choose another with --device")
        }
        if error.function.hasPrefix("snd_pcm_hw_params") {
            return CommandFailure("\(name) cannot do \(format) (\(cause)): use a converting device such as 'default' or 'plughw:CARD,DEV'")
        }
        if error.isDisconnect {
            return CommandFailure("\(name) disconnected (\(cause)): reconnect it and try again")
        }
        return CommandFailure("\(name) failed (\(cause))")
    }

    /// A sound file that cannot be read.
    static func unreadable(_ error: AudioError) -> CommandFailure {
        CommandFailure("cannot read '\(error.subject)': \(error.message) (\(error.function)): give an existing sound file (WAV, FLAC, Ogg)")
    }
}
