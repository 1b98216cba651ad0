/// The live screen's early word on an open burst (the offline result never depends on it).
extension BurstDetector {
    /// The hangover and the periodicity look-ahead make `close` wait about 70 ms after the
    /// sound stops, so the newest `quietFrames` frames, look-ahead included, are judged here
    /// by level alone. When all are quiet (below the activity level and below the burst's
    /// peak minus `refinePeakDb`), the end `close` would report now is reported as
    /// `speechPaused` (`soundPaused` for a burst not yet speech), and again whenever that end
    /// moves (a released stop, a weak consonant); when a voiced decided frame after the
    /// pause rises `onsetDb` over the background and to the peak minus `decayCutDb`
    /// (`strongDb` after a decay), `speechResumed`. A tail still above the quiet level but
    /// falling steadily like a room's decay counts as quiet, its end refined as `close`
    /// refines a reverberant one.
    func provisionalEnding(_ burst: inout OpenBurst, speechStart: Int?, frame i: Int, background: Bands,
                           floorThreshold: Bands, into reports: inout [BurstReport]) {
        let newest = i + S.lookaheadFrames
        if let paused = burst.pausedAt {
            // Judged on the decided frame, not the look-ahead: sound the hangover does not
            // reach opens a new burst, which reports its own start once it is voiced. Only the
            // voice resumes: a released stop or a click may still move the end instead.
            if i * S.frameBlocks >= paused, voicedRun > 0,
               features.frameBands(i).reaches(Bands.max(background * decibels(S.onsetDb), burst.resumeLevel)) {
                let from = i * S.frameBlocks
                burst.pausedAt = nil
                reports.append(.speechResumed(at: max(paused, features.refineOnset(from: from, threshold: floorThreshold,
                                                                                   limit: paused))))
                return
            }
        }
        // Not paused yet, or paused and perhaps moved since (a released stop, a weak consonant).
        let quiet = Bands.max(background * decibels(S.activeDb), burst.peakBands * decibels(-S.refinePeakDb))
        let window = (newest - S.quietFrames + 1)...newest
        var decayFrom: Int?
        if window.contains(where: { features.frameBands($0).reaches(quiet) }) {
            // Not quiet, but perhaps a room ringing on after the word: `close` knows that only
            // after 200 ms of decay, so here a steady fall below the cut says it.
            guard let strong = liveDecayStart(burst, window: window) else { return }
            decayFrom = strong
        }
        let report = ending(of: burst, speechStart: speechStart, floorThreshold: floorThreshold, assumingDecayFrom: decayFrom)
        let end: Int
        switch report {
        case let .speechEnded(e, _, _, _): end = e
        case let .nonSpeech(span, _): end = span.end
        default: return
        }
        guard end != burst.pausedAt else { return }
        burst.pausedAt = end
        // Well above where the pause was judged, so a tail's wobble does not resume it.
        burst.resumeLevel = burst.peakBands * decibels(decayFrom == nil ? -S.decayCutDb : -S.strongDb)
        if case let .nonSpeech(span, _) = report { reports.append(.soundPaused(span)) } else { reports.append(.speechPaused(end: end)) }
    }
}
