import StilteAudio
import StilteCore

/// A failure of a practice use case as one line that names what failed and what to do
/// (the CLI prints it after "Error: "; another front end shows it as it is).
public struct PracticeFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ line: String) { description = line }

    /// The failure in `language`.
    public init(_ phrase: Phrase, language: Language) { description = phrase.text(language) }

    /// Which way a device carries sound.
    public enum DeviceRole: Sendable {
        case playback, capture

        /// "playback device" / "afspeelapparaat".
        var name: Phrase {
            switch self {
            case .playback: Phrase(en: "playback device", nl: "afspeelapparaat")
            case .capture: Phrase(en: "capture device", nl: "opnameapparaat")
            }
        }
    }

    /// The sound format a device is asked for.
    public enum DeviceFormat: Sendable {
        /// Mono at `sampleRate` Hz, 16-bit.
        case mono(sampleRate: Int)
        /// Whatever rate and channels the file being played has.
        case fileOwn

        var text: Phrase {
            switch self {
            case .mono(let rate): Phrase(en: "\(rate) Hz mono 16-bit", nl: "\(rate) Hz mono 16-bit")
            case .fileOwn: Phrase(en: "this file's rate and channels", nl: "de samplefrequentie en kanalen van dit bestand")
            }
        }
    }

    /// What a failure of the audio layer means for the user and what to do about it, in `language`.
    public static func device(_ error: AudioError, role: DeviceRole, format: DeviceFormat, language: Language) -> PracticeFailure {
        let name = Phrase(en: "\(role.name.en) '\(error.subject)'", nl: "\(role.name.nl) '\(error.subject)'")
        let cause = "\(error.message), \(error.function)"
        let phrase: Phrase
        if error.function == "snd_pcm_open" {
            if error.isNotFound {
                phrase = Phrase(en: "\(name.en) not found (\(cause)): run `stilte devices` and pass one of its names with --device",
                                nl: "\(name.nl) niet gevonden (\(cause)): kijk met `stilte devices` welke er zijn en geef een van die namen met --device")
            } else if error.isBusy {
                phrase = Phrase(en: "\(name.en) is busy (\(cause)): close the program using it or choose another with --device",
                                nl: "\(name.nl) is bezet (\(cause)): sluit het programma dat het gebruikt of kies een ander met --device")
            } else {
                phrase = Phrase(en: "cannot open \(name.en) (\(cause)): check it with `stilte devices` or choose another with --device",
                                nl: "kan \(name.nl) niet openen (\(cause)): controleer het met `stilte devices` of kies een ander met --device")
            }
        } else if error.function.hasPrefix("snd_pcm_hw_params") {
            phrase = Phrase(en: "\(name.en) cannot do \(format.text.en) (\(cause)): use a converting device such as 'default' or 'plughw:CARD,DEV'",
                            nl: "\(name.nl) kan geen \(format.text.nl) (\(cause)): gebruik een omzettend apparaat zoals 'default' of 'plughw:KAART,APP'")
        } else if error.isFailingForEver {
            phrase = Phrase(en: "\(name.en) keeps failing (\(cause)): check the device (is it suspended or in use?) or choose another with --device",
                            nl: "\(name.nl) blijft falen (\(cause)): controleer het apparaat (slaapstand of in gebruik?) of kies een ander met --device")
        } else if error.isDisconnect {
            phrase = Phrase(en: "\(name.en) disconnected (\(cause)): reconnect it and try again",
                            nl: "\(name.nl) is losgekoppeld (\(cause)): sluit het weer aan en probeer het opnieuw")
        } else {
            phrase = Phrase(en: "\(name.en) failed (\(cause))", nl: "\(name.nl) werkt niet (\(cause))")
        }
        return PracticeFailure(phrase, language: language)
    }

    /// A sound file that cannot be read, in `language`.
    public static func unreadable(_ error: AudioError, language: Language) -> PracticeFailure {
        if error.isNotRegularFile {
            return PracticeFailure(Phrase(
                en: "cannot read '\(error.subject)': not a regular file (a FIFO, device or directory); give a sound file (WAV, FLAC, Ogg)",
                nl: "kan '\(error.subject)' niet lezen: geen gewoon bestand (een FIFO, apparaat of map); geef een geluidsbestand (WAV, FLAC, Ogg)"),
                language: language)
        }
        return PracticeFailure(Phrase(
            en: "cannot read '\(error.subject)': \(error.message) (\(error.function)): give an existing sound file (WAV, FLAC, Ogg)",
            nl: "kan '\(error.subject)' niet lezen: \(error.message) (\(error.function)): geef een bestaand geluidsbestand (WAV, FLAC, Ogg)"),
            language: language)
    }
}
