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
        if error.isFailingForEver {
            return CommandFailure(Phrase(
                en: "\(name) keeps failing (\(cause)): check the device (is it suspended or in use?) or choose another with --device",
                nl: "\(role == "capture" ? "opname" : "afspeel")apparaat '\(error.subject)' blijft falen (\(cause)): controleer het apparaat (slaapstand of in gebruik?) of kies een ander met --device"))
        }
        if error.isDisconnect {
            return CommandFailure("\(name) disconnected (\(cause)): reconnect it and try again")
        }
        return CommandFailure("\(name) failed (\(cause))")
    }

    /// A sound file that cannot be read.
    static func unreadable(_ error: AudioError) -> CommandFailure {
        if error.isNotRegularFile {
            return CommandFailure(Phrase(
                en: "cannot read '\(error.subject)': not a regular file (a FIFO, device or directory); give a sound file (WAV, FLAC, Ogg)",
                nl: "kan '\(error.subject)' niet lezen: geen gewoon bestand (een FIFO, apparaat of map); geef een geluidsbestand (WAV, FLAC, Ogg)"))
        }
        return CommandFailure("cannot read '\(error.subject)': \(error.message) (\(error.function)): give an existing sound file (WAV, FLAC, Ogg)")
    }

    /// `error` as the user reads it: a ``StoreError`` in the interface language, anything else unchanged.
    static func translated(_ error: any Error) -> any Error {
        guard let store = error as? StoreError, store.phrase != nil else { return error }
        return CommandFailure(store.text(Interface.language))
    }
}
