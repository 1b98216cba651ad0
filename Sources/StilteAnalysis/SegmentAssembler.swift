/// A stretch of speech with the first burst it opened with (a filler candidate).
struct SpeechSegment: Equatable {
    var span: TimeSpan
    /// The burst that opened the segment.
    var opening: TimeSpan
    /// Whether that burst is a short, steady, voiced sound ("eh", "uhm").
    var openingIsFiller: Bool
    /// How much of the first (last) burst's edges the room's noise may hide, seconds.
    var hiddenStart = 0.0
    var hiddenEnd = 0.0

    /// Whether the segment is a filler standing alone: its opening burst, filler-like, and nothing more.
    var isLoneFiller: Bool { openingIsFiller && opening == span }
}

/// Joins bursts into speech segments (an unvoiced burst right after or before speech is
/// a consonant of it; close speech bursts are one segment), keeps the rest as non-speech
/// events, and derives the live events from that as the audio streams.
struct SegmentAssembler {
    typealias S = DetectorSettings

    let minPause: Double
    private(set) var segments: [SpeechSegment] = []
    private(set) var events: [PauseEvent] = []
    /// Non-speech bursts that might still turn out to lead into speech.
    private var pending: [PauseEvent] = []
    private var speaking = false
    /// Where the last speech burst itself ended (before any consonant was attached).
    private var lastBurstEnd = 0.0
    private var openedNewSegment = false
    /// The silence start last reported to the screen, until speech is reported again.
    private var reportedSilence: Double?
    private var refusalOver = false
    private var pauseOver = false
    /// The segment whose following gap is the next one `PauseRule` would judge (all gaps
    /// before it were too short to end the refusal).
    private var judged = 0
    /// Each segment's span and lone-filler flag as last reported live.
    private var published: [(span: TimeSpan, filler: Bool)] = []

    /// The joining gaps, never as long as `minPause` (a gap that long ends the refusal).
    private let mergeGap: Double
    private let trailGap: Double
    private let leadGap: Double

    init(minPause: Double) {
        self.minPause = minPause
        mergeGap = min(S.mergeGap, minPause * S.maxJoinShareOfMinPause)
        trailGap = min(S.trailAttachGap, minPause * S.maxJoinShareOfMinPause)
        leadGap = min(S.leadAttachGap, minPause * S.maxJoinShareOfMinPause)
    }

    mutating func speechStarted(at time: Double, leading: PauseEvent?, into live: inout [LiveEvent]) {
        var start = time
        if let leading { events.append(leading) }
        for burst in pending {
            if burst.end <= start, start - burst.end <= leadGap, burst.end - burst.start <= S.maxAttachDuration {
                start = min(start, burst.start)
            } else {
                events.append(burst)
            }
        }
        pending.removeAll()
        reportedSilence = nil
        if let last = segments.last, start - last.span.end < mergeGap {
            openedNewSegment = false
        } else {
            let span = TimeSpan(start: start, end: start)
            segments.append(SpeechSegment(span: span, opening: span, openingIsFiller: false))
            openedNewSegment = true
        }
        speaking = true
        if refusalOver && !pauseOver {
            pauseOver = true
            live.append(.pauseEnded(at: start))
        }
        live.append(.speechStarted(at: start))
        publish(into: &live)
    }

    mutating func speechEnded(at time: Double, fillerLike: Bool, trailing: PauseEvent?, hidden: Double,
                              into live: inout [LiveEvent]) {
        guard speaking, let index = segments.indices.last else { return }
        speaking = false
        let end = max(time, segments[index].span.end)
        segments[index].span.end = end
        segments[index].hiddenEnd = hidden
        lastBurstEnd = end
        if openedNewSegment {
            segments[index].opening.end = end
            segments[index].openingIsFiller = fillerLike
            segments[index].hiddenStart = hidden
        }
        if let trailing { events.append(trailing) }
        if openedNewSegment { judgeGapBefore(index, into: &live) }
        reportSilence(at: end, into: &live)
        publish(into: &live)
    }

    /// The next segment's opening burst has ended, so its hidden edge is known: the gap before
    /// it is judged exactly as `PauseRule` judges it. Reports the refusal's end and the pause's
    /// end at once when the gap ends the refusal (a pause too short for `tick` to be sure of).
    private mutating func judgeGapBefore(_ index: Int, into live: inout [LiveEvent]) {
        guard !refusalOver, index >= 1, judged == index - 1 else { return }
        let segment = segments[index - 1], next = segments[index]
        guard PauseRule.endsRefusal(after: segment, next: next, silenceEnd: next.span.start, minPause: minPause) else {
            judged = index
            return
        }
        refusalOver = true
        pauseOver = true
        live.append(.refusalEnded(at: segment.span.end))
        live.append(.pauseEnded(at: next.span.start))
    }

    /// Reports the segments that are new or changed since last reported.
    private mutating func publish(into live: inout [LiveEvent]) {
        for index in max(0, published.count - 1)..<segments.count {
            let now = (span: segments[index].span, filler: segments[index].isLoneFiller)
            if index < published.count {
                guard published[index] != now else { continue }
                published[index] = now
            } else {
                published.append(now)
            }
            live.append(.segment(index: index, span: now.span, filler: now.filler))
        }
    }

    /// A `silenceStarted`, unless the screen already has this very time.
    private mutating func reportSilence(at time: Double, into live: inout [LiveEvent]) {
        guard time != reportedSilence else { return }
        reportedSilence = time
        live.append(.silenceStarted(at: time))
    }

    /// Whether a non-speech burst is close enough to the speech to be its consonant.
    private func attaches(_ event: PauseEvent) -> Bool {
        !speaking && !refusalOver && !segments.isEmpty && event.start - lastBurstEnd <= trailGap
            && event.end - event.start <= S.maxAttachDuration
    }

    /// Live only: sound after the speech went quiet and would be `event` if it ended now;
    /// when it would attach as a consonant, the silence is reported as starting after it.
    mutating func soundPaused(_ event: PauseEvent, into live: inout [LiveEvent]) {
        guard attaches(event), let last = segments.last else { return }
        reportSilence(at: max(last.span.end, event.end), into: &live)
    }

    /// Live only: the open speech went quiet and would end at `time` (again: a moved end).
    /// The segments are left alone; `speechEnded` decides them.
    mutating func speechPaused(at time: Double, into live: inout [LiveEvent]) {
        guard speaking else { return }
        reportSilence(at: time, into: &live)
    }

    /// Live only: the speech reported paused went on at `time` after all.
    mutating func speechResumed(at time: Double, into live: inout [LiveEvent]) {
        guard speaking, reportedSilence != nil else { return }
        reportedSilence = nil
        live.append(.speechStarted(at: time))
    }

    mutating func nonSpeech(_ event: PauseEvent, into live: inout [LiveEvent]) {
        // Only sound close to the speech itself is its consonant; one attached burst does
        // not let the next one chain on.
        if attaches(event), let index = segments.indices.last {
            segments[index].span.end = max(segments[index].span.end, event.end)
            reportSilence(at: segments[index].span.end, into: &live)
            publish(into: &live)
            return
        }
        pending.append(event)
    }

    /// Called after each decided frame: `now` is the decided audio time; `unconfirmedStart`
    /// the start of a burst that may still become speech.
    mutating func tick(now: Double, unconfirmedStart: Double?, into live: inout [LiveEvent]) {
        if !pending.isEmpty {
            var kept: [PauseEvent] = []
            for burst in pending {
                let couldLead = now - burst.end <= leadGap
                    || (unconfirmedStart.map { $0 - burst.end <= leadGap } ?? false)
                if couldLead { kept.append(burst) } else { events.append(burst) }
            }
            pending = kept
        }
        guard !refusalOver, !speaking, judged == segments.count - 1, let last = segments.last else { return }
        // The earliest a next segment could still start: a burst not yet decided, a breath or
        // click that may lead into speech, or a burst the next frames open (its onset may be
        // refined back by up to `refineBackBlocks`).
        var earliest = now - Double(S.refineBackBlocks) * S.blockSeconds
        if let unconfirmedStart { earliest = min(earliest, unconfirmedStart) }
        for burst in pending where burst.end - burst.start <= S.maxAttachDuration { earliest = min(earliest, burst.start) }
        // Whatever that segment's hidden edge (at most `maxHiddenEdge`), the gap is a pause:
        // `PauseRule` cannot judge it otherwise once the next segment is known.
        let next = SpeechSegment(span: TimeSpan(start: earliest, end: earliest), opening: TimeSpan(start: earliest, end: earliest),
                                 openingIsFiller: false, hiddenStart: S.maxHiddenEdge)
        guard PauseRule.endsRefusal(after: last, next: next, silenceEnd: earliest, minPause: minPause) else { return }
        refusalOver = true
        live.append(.refusalEnded(at: last.span.end))
    }

    /// Flushes what is still pending at the end of `duration` seconds of audio: segments are
    /// cut to the audio's end, and a refusal followed by silence to the end is reported over.
    mutating func finish(duration: Double, into live: inout [LiveEvent]) {
        events.append(contentsOf: pending)
        pending.removeAll()
        speaking = false
        events.sort { $0.start < $1.start }
        segments = segments.compactMap { segment in
            var s = segment
            s.span.end = min(s.span.end, duration)
            s.opening.end = min(s.opening.end, duration)
            return s.span.start < duration ? s : nil
        }
        published = Array(published.prefix(segments.count))
        publish(into: &live)
        if !refusalOver, judged == segments.count - 1, let last = segments.last,
           PauseRule.endsRefusal(after: last, next: nil, silenceEnd: duration, minPause: minPause) {
            refusalOver = true
            live.append(.refusalEnded(at: last.span.end))
        }
    }
}
