import StilteAudio
import StilteCore

/// A failure of a practice use case as one line that names what failed and what to do
/// (the CLI prints it after "Error: "; another front end shows it as it is).
public struct PracticeFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ line: String) { description = line }

    /// The failure in `language`.
    public init(_ phrase: Phrase, language: Language) { description = phrase.text(language) }

    /// What a failure of the audio layer means for the user and what to do about it.
    /// `role` is "playback" or "capture"; `format` describes what the device was asked for.
    public static func device(_ error: AudioError, role: String, format: String, language: Language) -> PracticeFailure {
        let name = "\(role) device '\(error.subject)'"
        let cause = "\(error.message), \(error.function)"
        if error.function == "snd_pcm_open" {
            if error.isNotFound {
                return PracticeFailure("\(name) not found (\(cause)): run `stilte devices` and pass one of its names with --device")
            }
            if error.isBusy {
                return PracticeFailure("\(name) is busy (\(cause)): close the program using it or choose another with --device")
            }
            return PracticeFailure("cannot open \(name) (\(cause)): check it with `stilte devices` or choose another with --device")
        }
        if error.function.hasPrefix("snd_pcm_hw_params") {
            return PracticeFailure("\(name) cannot do \(format) (\(cause)): use a converting device such as 'default' or 'plughw:CARD,DEV'")
        }
        if error.isFailingForEver {
            return PracticeFailure(Phrase(
                en: "\(name) keeps failing (\(cause)): check the device (is it suspended or in use?) or choose another with --device",
                nl: "\(role == "capture" ? "opname" : "afspeel")apparaat '\(error.subject)' blijft falen (\(cause)): controleer het apparaat (slaapstand of in gebruik?) of kies een ander met --device"),
                language: language)
        }
        if error.isDisconnect {
            return PracticeFailure("\(name) disconnected (\(cause)): reconnect it and try again")
        }
        return PracticeFailure("\(name) failed (\(cause))")
    }

    /// A sound file that cannot be read.
    public static func unreadable(_ error: AudioError, language: Language) -> PracticeFailure {
        if error.isNotRegularFile {
            return PracticeFailure(Phrase(
                en: "cannot read '\(error.subject)': not a regular file (a FIFO, device or directory); give a sound file (WAV, FLAC, Ogg)",
                nl: "kan '\(error.subject)' niet lezen: geen gewoon bestand (een FIFO, apparaat of map); geef een geluidsbestand (WAV, FLAC, Ogg)"),
                language: language)
        }
        return PracticeFailure("cannot read '\(error.subject)': \(error.message) (\(error.function)): give an existing sound file (WAV, FLAC, Ogg)")
    }
}
