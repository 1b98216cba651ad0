import StilteCore

/// Every word the review pages show, in English and Dutch.
enum PageText: String, CaseIterable {
    case navTrainees, navProgress, languageSwitch
    case traineesTitle, traineesEmpty, colTrainee, colTakes, colOnTarget, colMedianPause, colTrend, colLastPractice, colUnreviewed
    case takesTitle, takesEmpty, colWhen, colScenario, colPause, colVerdict, colReviews, colCorrected, filterScenario, filterVerdict,
         filterReviewed, filterAll, filterReviewedYes, filterReviewedNo, filterApply, startQueue, queueEmpty, pageOlder, pageNewer,
         unreliable, takesShown
    case takeTitle, clientLine, exampleAnswer, noScenario, partRefusal, partPause, partSolution, detectedPause, trainerPause,
         effectivePause, targetLabel, eventBreath, eventClick, eventNoise, eventFiller, shortcuts, previousUnreviewed,
         nextUnreviewed, noMoreUnreviewed, recordingMissing, waveformLabel, backToTakes
    case reviewTitle, pauseStart, pauseEnd, rating, ratingNone, comment, save, saved, saveFailed, reviewsSoFar, reviewsNone,
         reviewer, noPauseDetected
    case progressTitle, progressEmpty, progressMore
    case errorUnauthorized, errorForbidden, errorTooLarge, errorBadRequest, errorHost

    /// The text in every language.
    var phrase: Phrase {
        switch self {
        case .progressTitle: Phrase(en: "Progress per trainee and scenario", nl: "Voortgang per cursist en scenario")
        case .errorTooLarge: Phrase(en: "The request is too large.", nl: "Het verzoek is te groot.")
        case .backToTakes: Phrase(en: "All takes of", nl: "Alle opnames van")
        case .targetLabel: Phrase(en: "Target", nl: "Doel")
        case .navTrainees: Phrase(en: "Trainees", nl: "Cursisten")
        case .navProgress: Phrase(en: "Progress", nl: "Voortgang")
        case .languageSwitch: Phrase(en: "Nederlands", nl: "English")
        case .traineesTitle: Phrase(en: "Trainees", nl: "Cursisten")
        case .traineesEmpty: Phrase(en: "No takes yet. Trainees record them with `stilte rehearse`.",
                              nl: "Nog geen opnames. Cursisten maken ze met `stilte rehearse`.")
        case .colTrainee: Phrase(en: "Trainee", nl: "Cursist")
        case .colTakes: Phrase(en: "Takes", nl: "Opnames")
        case .colOnTarget: Phrase(en: "On target", nl: "Op doel")
        case .colMedianPause: Phrase(en: "Median pause", nl: "Mediane pauze")
        case .colTrend: Phrase(en: "Trend (last 20)", nl: "Verloop (laatste 20)")
        case .colLastPractice: Phrase(en: "Last practice", nl: "Laatst geoefend")
        case .colUnreviewed: Phrase(en: "Unreviewed", nl: "Niet beoordeeld")
        case .takesTitle: Phrase(en: "Takes of", nl: "Opnames van")
        case .takesEmpty: Phrase(en: "No takes match.", nl: "Geen opnames gevonden.")
        case .colWhen: Phrase(en: "When (UTC)", nl: "Wanneer (UTC)")
        case .colScenario: Phrase(en: "Scenario", nl: "Scenario")
        case .colPause: Phrase(en: "Pause", nl: "Pauze")
        case .colVerdict: Phrase(en: "Verdict", nl: "Oordeel")
        case .colReviews: Phrase(en: "Reviews", nl: "Beoordelingen")
        case .colCorrected: Phrase(en: "corrected", nl: "gecorrigeerd")
        case .filterScenario: Phrase(en: "Scenario", nl: "Scenario")
        case .filterVerdict: Phrase(en: "Verdict", nl: "Oordeel")
        case .filterReviewed: Phrase(en: "Reviewed", nl: "Beoordeeld")
        case .filterAll: Phrase(en: "all", nl: "alle")
        case .filterReviewedYes: Phrase(en: "reviewed", nl: "beoordeeld")
        case .filterReviewedNo: Phrase(en: "unreviewed", nl: "niet beoordeeld")
        case .filterApply: Phrase(en: "Filter", nl: "Filteren")
        case .startQueue: Phrase(en: "Review the unreviewed takes, oldest first", nl: "Beoordeel de open opnames, oudste eerst")
        case .queueEmpty: Phrase(en: "Every take has been reviewed.", nl: "Alle opnames zijn beoordeeld.")
        case .pageOlder: Phrase(en: "Older", nl: "Ouder")
        case .pageNewer: Phrase(en: "Newer", nl: "Nieuwer")
        case .unreliable: Phrase(en: "unreliable", nl: "onbetrouwbaar")
        case .takesShown: Phrase(en: "takes", nl: "opnames")
        case .takeTitle: Phrase(en: "Take", nl: "Opname")
        case .clientLine: Phrase(en: "The client says", nl: "De klant zegt")
        case .exampleAnswer: Phrase(en: "Example answer", nl: "Voorbeeldantwoord")
        case .noScenario: Phrase(en: "This scenario is not in the scenario library.", nl: "Dit scenario staat niet in de scenariobibliotheek.")
        case .partRefusal: Phrase(en: "refusal", nl: "weigering")
        case .partPause: Phrase(en: "pause", nl: "pauze")
        case .partSolution: Phrase(en: "solution", nl: "oplossing")
        case .detectedPause: Phrase(en: "Detected pause", nl: "Gemeten pauze")
        case .trainerPause: Phrase(en: "Trainer's pause", nl: "Pauze volgens trainer")
        case .effectivePause: Phrase(en: "Pause that counts", nl: "Pauze die telt")
        case .eventBreath: Phrase(en: "breath", nl: "adem")
        case .eventClick: Phrase(en: "click", nl: "klik")
        case .eventNoise: Phrase(en: "noise", nl: "geluid")
        case .eventFiller: Phrase(en: "filler", nl: "stopwoord")
        case .shortcuts: Phrase(en: "Keys: space play/pause · ← → back/forward 1 s (with shift 5 s) · [ ] pause start/end at the cursor · drag the handles",
                          nl: "Toetsen: spatie afspelen/pauzeren · ← → 1 s terug/vooruit (met shift 5 s) · [ ] pauzebegin/-einde op de cursor · sleep de grepen")
        case .previousUnreviewed: Phrase(en: "Previous unreviewed", nl: "Vorige open opname")
        case .nextUnreviewed: Phrase(en: "Next unreviewed", nl: "Volgende open opname")
        case .noMoreUnreviewed: Phrase(en: "no more unreviewed takes", nl: "geen open opnames meer")
        case .recordingMissing: Phrase(en: "The recording of this take is missing.", nl: "De geluidsopname hiervan ontbreekt.")
        case .waveformLabel: Phrase(en: "Waveform with refusal, pause and solution", nl: "Golfvorm met weigering, pauze en oplossing")
        case .reviewTitle: Phrase(en: "Your review", nl: "Jouw beoordeling")
        case .pauseStart: Phrase(en: "Pause start (s)", nl: "Begin pauze (s)")
        case .pauseEnd: Phrase(en: "Pause end (s)", nl: "Einde pauze (s)")
        case .rating: Phrase(en: "Rating", nl: "Waardering")
        case .ratingNone: Phrase(en: "none", nl: "geen")
        case .comment: Phrase(en: "Comment for the trainee", nl: "Opmerking voor de cursist")
        case .save: Phrase(en: "Save review", nl: "Beoordeling opslaan")
        case .saved: Phrase(en: "Saved.", nl: "Opgeslagen.")
        case .saveFailed: Phrase(en: "Not saved:", nl: "Niet opgeslagen:")
        case .reviewsSoFar: Phrase(en: "Reviews so far", nl: "Eerdere beoordelingen")
        case .reviewsNone: Phrase(en: "No reviews yet.", nl: "Nog geen beoordelingen.")
        case .reviewer: Phrase(en: "Reviewer", nl: "Beoordelaar")
        case .noPauseDetected: Phrase(en: "no pause detected", nl: "geen pauze gemeten")
        case .progressEmpty: Phrase(en: "No measured takes yet.", nl: "Nog geen gemeten opnames.")
        case .progressMore: Phrase(en: "More series than shown; choose a trainee.", nl: "Meer reeksen dan getoond; kies een cursist.")
        case .errorUnauthorized: Phrase(en: "Open the address with the token that `stilte serve` printed.",
                                  nl: "Open het adres met het token dat `stilte serve` liet zien.")
        case .errorForbidden: Phrase(en: "Refused: this request did not come from the review page.",
                               nl: "Geweigerd: dit verzoek kwam niet van de beoordelingspagina.")
        case .errorBadRequest: Phrase(en: "The request is not valid.", nl: "Het verzoek is ongeldig.")
        case .errorHost: Phrase(en: "Unknown host name; use the address `stilte serve` printed.",
                          nl: "Onbekende hostnaam; gebruik het adres dat `stilte serve` liet zien.")
        }
    }
}

extension Language {
    /// The text for `key` in this language.
    subscript(_ key: PageText) -> String { key.phrase.text(self) }
}
