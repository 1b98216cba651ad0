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
    case verdictShort, verdictOnTarget, verdictLong, verdictNoPause, verdictNoContinuation, verdictNoSpeech
    case errorUnauthorized, errorForbidden, errorTooLarge, errorBadRequest, errorHost

    /// The English and Dutch text.
    var words: (en: String, nl: String) {
        switch self {
        case .progressTitle: ("Progress per trainee and scenario", "Voortgang per cursist en scenario")
        case .errorTooLarge: ("The request is too large.", "Het verzoek is te groot.")
        case .backToTakes: ("All takes of", "Alle opnames van")
        case .targetLabel: ("Target", "Doel")
        case .navTrainees: ("Trainees", "Cursisten")
        case .navProgress: ("Progress", "Voortgang")
        case .languageSwitch: ("Nederlands", "English")
        case .traineesTitle: ("Trainees", "Cursisten")
        case .traineesEmpty: ("No takes yet. Trainees record them with `stilte rehearse`.",
                              "Nog geen opnames. Cursisten maken ze met `stilte rehearse`.")
        case .colTrainee: ("Trainee", "Cursist")
        case .colTakes: ("Takes", "Opnames")
        case .colOnTarget: ("On target", "Op doel")
        case .colMedianPause: ("Median pause", "Mediane pauze")
        case .colTrend: ("Trend (last 20)", "Verloop (laatste 20)")
        case .colLastPractice: ("Last practice", "Laatst geoefend")
        case .colUnreviewed: ("Unreviewed", "Niet beoordeeld")
        case .takesTitle: ("Takes of", "Opnames van")
        case .takesEmpty: ("No takes match.", "Geen opnames gevonden.")
        case .colWhen: ("When (UTC)", "Wanneer (UTC)")
        case .colScenario: ("Scenario", "Scenario")
        case .colPause: ("Pause", "Pauze")
        case .colVerdict: ("Verdict", "Oordeel")
        case .colReviews: ("Reviews", "Beoordelingen")
        case .colCorrected: ("corrected", "gecorrigeerd")
        case .filterScenario: ("Scenario", "Scenario")
        case .filterVerdict: ("Verdict", "Oordeel")
        case .filterReviewed: ("Reviewed", "Beoordeeld")
        case .filterAll: ("all", "alle")
        case .filterReviewedYes: ("reviewed", "beoordeeld")
        case .filterReviewedNo: ("unreviewed", "niet beoordeeld")
        case .filterApply: ("Filter", "Filteren")
        case .startQueue: ("Review the unreviewed takes, oldest first", "Beoordeel de open opnames, oudste eerst")
        case .queueEmpty: ("Every take has been reviewed.", "Alle opnames zijn beoordeeld.")
        case .pageOlder: ("Older", "Ouder")
        case .pageNewer: ("Newer", "Nieuwer")
        case .unreliable: ("unreliable", "onbetrouwbaar")
        case .takesShown: ("takes", "opnames")
        case .takeTitle: ("Take", "Opname")
        case .clientLine: ("The client says", "De klant zegt")
        case .exampleAnswer: ("Example answer", "Voorbeeldantwoord")
        case .noScenario: ("This scenario is not in the scenario library.", "Dit scenario staat niet in de scenariobibliotheek.")
        case .partRefusal: ("refusal", "weigering")
        case .partPause: ("pause", "pauze")
        case .partSolution: ("solution", "oplossing")
        case .detectedPause: ("Detected pause", "Gemeten pauze")
        case .trainerPause: ("Trainer's pause", "Pauze volgens trainer")
        case .effectivePause: ("Pause that counts", "Pauze die telt")
        case .eventBreath: ("breath", "adem")
        case .eventClick: ("click", "klik")
        case .eventNoise: ("noise", "geluid")
        case .eventFiller: ("filler", "stopwoord")
        case .shortcuts: ("Keys: space play/pause · ← → back/forward 1 s (with shift 5 s) · [ ] pause start/end at the cursor · drag the handles",
                          "Toetsen: spatie afspelen/pauzeren · ← → 1 s terug/vooruit (met shift 5 s) · [ ] pauzebegin/-einde op de cursor · sleep de grepen")
        case .previousUnreviewed: ("Previous unreviewed", "Vorige open opname")
        case .nextUnreviewed: ("Next unreviewed", "Volgende open opname")
        case .noMoreUnreviewed: ("no more unreviewed takes", "geen open opnames meer")
        case .recordingMissing: ("The recording of this take is missing.", "De geluidsopname hiervan ontbreekt.")
        case .waveformLabel: ("Waveform with refusal, pause and solution", "Golfvorm met weigering, pauze en oplossing")
        case .reviewTitle: ("Your review", "Jouw beoordeling")
        case .pauseStart: ("Pause start (s)", "Begin pauze (s)")
        case .pauseEnd: ("Pause end (s)", "Einde pauze (s)")
        case .rating: ("Rating", "Waardering")
        case .ratingNone: ("none", "geen")
        case .comment: ("Comment for the trainee", "Opmerking voor de cursist")
        case .save: ("Save review", "Beoordeling opslaan")
        case .saved: ("Saved.", "Opgeslagen.")
        case .saveFailed: ("Not saved:", "Niet opgeslagen:")
        case .reviewsSoFar: ("Reviews so far", "Eerdere beoordelingen")
        case .reviewsNone: ("No reviews yet.", "Nog geen beoordelingen.")
        case .reviewer: ("Reviewer", "Beoordelaar")
        case .noPauseDetected: ("no pause detected", "geen pauze gemeten")
        case .progressEmpty: ("No measured takes yet.", "Nog geen gemeten opnames.")
        case .progressMore: ("More series than shown; choose a trainee.", "Meer reeksen dan getoond; kies een cursist.")
        case .verdictShort: ("too short", "te kort")
        case .verdictOnTarget: ("on target", "op doel")
        case .verdictLong: ("too long", "te lang")
        case .verdictNoPause: ("no pause", "geen pauze")
        case .verdictNoContinuation: ("no solution offered", "geen oplossing geboden")
        case .verdictNoSpeech: ("nothing said", "niets gezegd")
        case .errorUnauthorized: ("Open the address with the token that `stilte serve` printed.",
                                  "Open het adres met het token dat `stilte serve` liet zien.")
        case .errorForbidden: ("Refused: this request did not come from the review page.",
                               "Geweigerd: dit verzoek kwam niet van de beoordelingspagina.")
        case .errorBadRequest: ("The request is not valid.", "Het verzoek is ongeldig.")
        case .errorHost: ("Unknown host name; use the address `stilte serve` printed.",
                          "Onbekende hostnaam; gebruik het adres dat `stilte serve` liet zien.")
        }
    }
}

extension PageLanguage {
    /// The text for `key` in this language.
    subscript(_ key: PageText) -> String {
        switch self {
        case .en: key.words.en
        case .nl: key.words.nl
        }
    }
}
