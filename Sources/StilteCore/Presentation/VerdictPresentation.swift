import StilteAnalysis

/// How a ``Verdict`` looks and reads: its name, the line that explains it, its colour.
/// Every screen takes these from here, so a verdict reads and looks the same everywhere.
extension Verdict {
    /// The verdict's name on screen.
    public func name(_ language: Language) -> String {
        let phrase: Phrase = switch self {
        case .short: Phrase(en: "too short", nl: "te kort")
        case .onTarget: Phrase(en: "on target", nl: "raak")
        case .long: Phrase(en: "too long", nl: "te lang")
        case .noPause: Phrase(en: "no pause", nl: "geen pauze")
        case .noContinuation: Phrase(en: "no continuation", nl: "niet verdergegaan")
        case .noSpeech: Phrase(en: "nothing said", nl: "niets gezegd")
        }
        return phrase.text(language)
    }

    /// One line that tells the trainee what the verdict means and what to do next.
    public func explanation(_ language: Language) -> String {
        let phrase: Phrase = switch self {
        case .short: Phrase(en: "You went on too soon: let the no land before you offer a way out.",
                            nl: "Je ging te snel verder: laat het nee eerst landen voor je een oplossing biedt.")
        case .onTarget: Phrase(en: "Well held: the no had time to land before the solution.",
                               nl: "Goed volgehouden: het nee kon landen voor de oplossing kwam.")
        case .long: Phrase(en: "The silence ran past the window: offer the solution a little sooner.",
                           nl: "De stilte duurde te lang: kom iets eerder met je oplossing.")
        // No pause between the words: true of a whole answer given in one go and of a long refusal
        // with nothing after it (the report adds the silence after the last word).
        case .noPause: Phrase(en: "No pause between your words: stop after the no, count in silence, go on.",
                              nl: "Geen pauze tussen je woorden: stop na je nee, tel in stilte, ga dan verder.")
        case .noContinuation: Phrase(en: "You never went on after the no: offer the solution after the silence.",
                                     nl: "Na je nee ging je niet verder: bied na de stilte een oplossing.")
        case .noSpeech: Phrase(en: "Nothing was heard: check the microphone and speak up.",
                               nl: "Er was niets te horen: controleer de microfoon en spreek luider.")
        }
        return phrase.text(language)
    }

    /// The verdict's colour. Green on target; yellow too short (keep silent a little longer, the
    /// usual miss); red for too long (the silence turns awkward: speak now) and for takes without
    /// a measurable pause. The live bar uses the same colours as it fills.
    public var paint: TerminalStyle.Paint {
        switch self {
        case .onTarget: .green
        case .short: .yellow
        case .long, .noPause, .noContinuation, .noSpeech: .red
        }
    }
}
