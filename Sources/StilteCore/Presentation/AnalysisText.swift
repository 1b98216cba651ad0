import StilteAnalysis

/// The lines `stilte analyze` and `review show` print under an answer's timeline: what was
/// measured, what to do about it, and the timeline's key. Each fits 70 columns.
public enum AnalysisText {
    /// The verdict by its id (as JSON and `--verdict` name it) and what was measured.
    ///
    /// An answer without a pause is told as measured, not guessed at: speech that never stopped
    /// for the shortest pause may be a whole answer given in one go or a long refusal with nothing
    /// after it, and "no pause between the words, so much silence after the last" is true of both.
    public static func measured(_ analysis: Analysis, _ language: Language) -> String {
        let window = NumberFormat.target(analysis.target, language)
        let lower = NumberFormat.seconds(analysis.target.lowerBound, digits: 1, language)
        let upper = NumberFormat.seconds(analysis.target.upperBound, digits: 1, language)
        let after = NumberFormat.seconds(analysis.silenceAfterLastWord ?? 0, language)
        let phrase: Phrase = switch analysis.verdict {
        case .onTarget: Phrase(en: "the pause is within \(window)", nl: "de pauze valt binnen \(window)")
        case .short: Phrase(en: "the pause is under \(lower) (target \(window))", nl: "de pauze is korter dan \(lower) (doel \(window))")
        case .long: Phrase(en: "the pause is over \(upper) (target \(window))", nl: "de pauze is langer dan \(upper) (doel \(window))")
        case .noPause: Phrase(en: "no pause between the words; \(after) of silence after the last",
                              nl: "geen pauze tussen de woorden; \(after) stilte na het laatste")
        case .noContinuation: Phrase(en: "nothing was said after the pause", nl: "na de pauze werd niets meer gezegd")
        case .noSpeech: Phrase(en: "no speech was found in the recording", nl: "in de opname is geen spraak gevonden")
        }
        return analysis.verdict.rawValue + ": " + phrase.text(language)
    }

    /// What to do about it.
    public static func advice(_ analysis: Analysis, _ language: Language) -> String {
        let phrase: Phrase = switch analysis.verdict {
        case .onTarget: Phrase(en: "The no had time to land.", nl: "Het nee kreeg de tijd om te landen.")
        case .short: Phrase(en: "Count 21, 22, 23, 24 silently before offering the solution.",
                            nl: "Tel in stilte 21, 22, 23, 24 voor je de oplossing biedt.")
        case .long: Phrase(en: "Offer the solution a little sooner.", nl: "Kom iets eerder met de oplossing.")
        // Right whether the words were the whole answer or the refusal alone.
        case .noPause: Phrase(en: "After the no, stop and count in silence; then offer the solution.",
                              nl: "Stop na het nee en tel in stilte; bied dan de oplossing.")
        case .noContinuation: Phrase(en: "After the pause, offer a solution (a colleague, a later answer).",
                                     nl: "Bied na de pauze een oplossing (een collega, een later antwoord).")
        case .noSpeech: Phrase(en: "Check the microphone and its level, then try again.",
                               nl: "Controleer de microfoon en het niveau, en probeer het opnieuw.")
        }
        return phrase.text(language)
    }

    /// The key under ``TimelineText``'s picture.
    public static func legend(_ language: Language) -> String {
        Phrase(en: " █ speech  ░ pause  ^ breath/click/noise in the pause  · silence",
               nl: " █ spraak  ░ pauze  ^ adem/klik/geluid in de pauze  · stilte").text(language)
    }
}
