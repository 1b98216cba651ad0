import StilteAnalysis

/// How the live silence counter is shown (`--live`).
public enum LiveMode: String, Sendable, CaseIterable {
    /// On every take.
    case always
    /// On every take while the trainee is still finding the length, then every other take,
    /// then not at all (``FadingFeedback``).
    case fade
    /// Never: the trainee counts alone and sees the pause afterwards.
    case never
}

/// Feedback that fades as the trainee gets it right (the guidance hypothesis: constant live
/// feedback makes people lean on it; less of it, once they are accurate, helps them keep it).
public enum FadingFeedback {
    /// The takes the accuracy is taken over.
    public static let window = 6
    /// Below this share of takes on target the counter is shown every take.
    public static let everyOtherFrom = 0.5
    /// From this share on target the counter is hidden.
    public static let offFrom = 0.8

    /// The stage of the fade.
    public enum Stage: String, Sendable {
        case everyTake = "every-take"
        case everyOtherTake = "every-other-take"
        case off
    }

    /// The decision for the next take.
    public struct Decision: Sendable, Equatable {
        public var showLive: Bool
        public var stage: Stage
        /// Share of the last ``window`` measured takes on target; nil before any.
        public var accuracy: Double?
    }

    /// Whether to show the live counter on the next take under `mode`, given the trainee's recent
    /// verdicts (oldest first) and whether the counter was shown on their last take.
    /// With fewer than ``window`` takes the stage stays ``Stage/everyTake``.
    public static func decide(_ mode: LiveMode, recent verdicts: [Verdict], shownLast: Bool?) -> Decision {
        let last = Array(verdicts.suffix(window))
        let accuracy = last.isEmpty ? nil : Double(last.filter { $0 == .onTarget }.count) / Double(last.count)
        switch mode {
        case .always: return Decision(showLive: true, stage: .everyTake, accuracy: accuracy)
        case .never: return Decision(showLive: false, stage: .off, accuracy: accuracy)
        case .fade:
            guard let accuracy, last.count >= window, accuracy >= everyOtherFrom else {
                return Decision(showLive: true, stage: .everyTake, accuracy: accuracy)
            }
            if accuracy >= offFrom { return Decision(showLive: false, stage: .off, accuracy: accuracy) }
            return Decision(showLive: !(shownLast ?? false), stage: .everyOtherTake, accuracy: accuracy)
        }
    }
}
