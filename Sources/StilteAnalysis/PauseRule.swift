/// The coaching rule, on finished speech segments: the refusal runs from the first
/// speech onset to the first silence of at least `minPause`; the pause is that
/// silence; the verdict compares it with the target.
enum PauseRule {
    /// Whether the silence after `segment` up to `silenceEnd` (the start of `next`, or the end of
    /// the audio) ends the refusal. Noise may hide the faint edges of the words on either side:
    /// the silence must be long enough to be a pause even if they reach into it (the room hides
    /// as much of an onset not yet heard as of the ending).
    static func endsRefusal(after segment: SpeechSegment, next: SpeechSegment?, silenceEnd: Double, minPause: Double) -> Bool {
        let hidden = segment.hiddenEnd + (next?.hiddenStart ?? segment.hiddenEnd)
        return silenceEnd - segment.span.end >= minPause + hidden
    }

    static func apply(segments: [SpeechSegment], events: [PauseEvent], duration: Double,
                      parameters: AnalysisParameters) -> Analysis {
        let spans = segments.map { $0.span }
        guard let first = segments.first else {
            return Analysis(duration: duration, target: parameters.target, segments: [],
                            refusal: nil, pause: nil, verdict: .noSpeech)
        }
        for (index, segment) in segments.enumerated() {
            let next = index + 1 < segments.count ? segments[index + 1] : nil
            let silenceEnd = next?.span.start ?? duration
            guard endsRefusal(after: segment, next: next, silenceEnd: silenceEnd, minPause: parameters.minPause) else { continue }
            let refusal = TimeSpan(start: first.span.start, end: segment.span.end)
            var inside = events.filter { $0.start >= refusal.end && $0.end <= silenceEnd && $0.kind != .filler }
            guard let next else {
                // Speech that ran on this long was the whole answer, given without a pause.
                if refusal.duration > parameters.longestRefusal {
                    return Analysis(duration: duration, target: parameters.target, segments: spans,
                                    refusal: refusal, pause: nil, verdict: .noPause)
                }
                let pause = Pause(start: refusal.end, end: duration, events: inside)
                return Analysis(duration: duration, target: parameters.target, segments: spans,
                                refusal: refusal, pause: pause, verdict: .noContinuation)
            }
            // A filler stands alone: a short voiced sound with silence after it.
            if next.openingIsFiller && next.opening == next.span {
                inside.append(PauseEvent(start: next.opening.start, end: next.opening.end, kind: .filler))
            }
            let pause = Pause(start: refusal.end, end: next.span.start, events: inside)
            return Analysis(duration: duration, target: parameters.target, segments: spans,
                            refusal: refusal, pause: pause, verdict: parameters.target.verdict(for: pause.duration))
        }
        let refusal = TimeSpan(start: first.span.start, end: segments[segments.count - 1].span.end)
        return Analysis(duration: duration, target: parameters.target, segments: spans,
                        refusal: refusal, pause: nil, verdict: .noPause)
    }
}
