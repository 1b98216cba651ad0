import StilteAnalysis

extension Verdict {
    /// How the verdict reads on screen.
    public var label: String {
        switch self {
        case .short: "too short"
        case .onTarget: "on target"
        case .long: "too long"
        case .noPause: "no pause"
        case .noContinuation: "no continuation"
        case .noSpeech: "nothing said"
        }
    }

    /// One line that explains the verdict to the trainee.
    public var explanation: String {
        switch self {
        case .short: "You went on too soon: let the no land before you offer a way out."
        case .onTarget: "Well held: the no had time to land before the solution."
        case .long: "The silence ran past the window: offer the solution a little sooner."
        case .noPause: "There was no real silence after the no: stop, count 21 … 24, then go on."
        case .noContinuation: "You never went on after the no: offer the solution after about four seconds."
        case .noSpeech: "Nothing was heard: check the microphone and speak up."
        }
    }
}
