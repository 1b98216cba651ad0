import StilteAnalysis

/// Why a take's recording stopped.
public enum StopReason: String, Sendable, Codable {
    /// The solution was followed by enough silence.
    case finished
    /// `--max-seconds` was reached.
    case maxDuration = "max-duration"
    /// The trainee pressed Enter.
    case enter
    /// Ctrl-C or a termination signal.
    case interrupted
    /// The capture ended by itself (end of input, device gone).
    case inputEnded = "input-ended"
}

/// When a take stops by itself: once the trainee is done, or at the maximum length.
///
/// Done means: the solution has clearly begun — at least `solutionSpeech` seconds of speech
/// after the pause that is not a filler standing alone ("uhm" ends the pause but is no
/// solution) — and the trainee has then been silent for longer than a thinking pause
/// (`thinkingPause`). A long pause after the "no" alone never stops the take.
/// Both numbers are scenario settings (`thinkingPause`, `solutionSpeech`).
///
/// After a pause shorter than the target the "solution" may be the rest of the refusal after a
/// break inside it, and the silence after it the real pause still being counted: the take then
/// waits `shortPauseWait` times the target (8 s for 4 s) before it stops.
public struct StopRule: Sendable, Equatable {
    /// How many targets of silence end a take whose pause was shorter than the target.
    ///
    /// 2: the longest pause in the answer sets is 7.0 s (tuning, `make-evalset` draws up to 7 s),
    /// under 2 × 4 s. Measured on the spliced cases (`LiveEqualsOfflineTests`): a refusal with a
    /// 0.59 s break in 15 dB of noise is split at the break, and the take stopped 3 s into the real
    /// 4 s pause with the thinking pause alone.
    public static let shortPauseWait = 2.0
    /// Silence after the solution has begun that ends the take, seconds.
    ///
    /// 2.5 s. Issue 9 asks a 1.5 s thinking gap inside the solution to be kept; in a noisy room
    /// the measured gap can be up to 2 × `maxHiddenEdge` (0.3 s) longer than the real one, so
    /// 1.8 s; 0.7 s to spare on that. Measured (`LiveEqualsOfflineTests`, spliced cases with a
    /// 1.5 s gap and the evaluation set): every take went on to its last word. The bundled demo
    /// answer ends 3.0 s after its last word, so a wait of 3 s would let its input end first.
    public static let defaultThinkingPause = 2.5
    /// Non-filler speech after the pause that shows the solution has begun, seconds.
    ///
    /// 0.4 s. Measured (`LiveEqualsOfflineTests`): the shortest non-filler speech after a pause
    /// is 1.8 s over the spliced cases of issue 9; the short word those cases put right after
    /// the no is at most 0.35 s, and a lone click or cough the detector takes for speech is no
    /// longer. Fillers never count, whatever their length.
    public static let defaultSolutionSpeech = 0.4

    /// Silence after the solution has begun that ends the take, seconds.
    public var thinkingPause: Double
    /// Non-filler speech after the pause needed before the take may stop, seconds.
    public var solutionSpeech: Double
    /// The longest take, in seconds (default 45).
    public var maxSeconds: Double
    /// The pause the answer is judged against.
    public var target: PauseTarget
    /// Speech longer than this before the first pause is a whole answer given without one
    /// (`AnalysisParameters.longestRefusal`).
    public var longestRefusal = AnalysisParameters.defaultLongestRefusal

    public init(thinkingPause: Double = defaultThinkingPause, solutionSpeech: Double = defaultSolutionSpeech,
                maxSeconds: Double = 45, target: PauseTarget = PauseTarget()) {
        self.target = target
        self.thinkingPause = thinkingPause
        self.solutionSpeech = solutionSpeech
        self.maxSeconds = maxSeconds
    }

    /// Whether to stop at audio time `now`, and why.
    public func reason(_ model: LiveModel, now: Double) -> StopReason? {
        if now >= maxSeconds { return .maxDuration }
        if model.pause == nil, model.pauseStart != nil, let refusal = model.refusal, refusal.duration > longestRefusal,
           case .silence(let since) = model.phase, now - since >= max(thinkingPause, Self.shortPauseWait * target.seconds) {
            // The whole answer without a pause (or a refusal this long: the same wait as after a short pause).
            return .finished
        }
        guard model.solutionSpeech >= solutionSpeech, let pause = model.pause,
              case .silence(let since) = model.phase else { return nil }
        let wait = pause.duration < target.lowerBound ? max(thinkingPause, Self.shortPauseWait * target.seconds) : thinkingPause
        return now - since >= wait ? .finished : nil
    }
}
