/// What a rehearsal asks of the trainee, as a front end answers it: single keys at a
/// terminal (the CLI's `Terminal`), buttons on a page, a script in a test.
public protocol RehearsalControls: AnyObject {
    /// Whether the trainee can choose between takes and end an answer; without, one pass is made.
    var interactive: Bool { get }
    /// Called once before the first question (a terminal reads single keys from then on).
    func startAsking()
    /// Forgets input given ahead (keys typed during the prompt), so it does not end the answer.
    func discardPending()
    /// Whether the trainee asked to end the answer now (Enter); never waits.
    func answerEnded() -> Bool
    /// Waits for one of `choices`; nil when `stop` says so first.
    func choose(_ choices: [RehearsalChoice], stop: () -> Bool) -> RehearsalChoice?
    /// The trainee's answer to "how long was your silence?", as typed ("3,5"); nil when skipped
    /// or when `stop` says so first.
    func estimate(stop: () -> Bool) -> String?
}

extension RehearsalControls {
    /// Controls that cannot ask (a script, a page without the question) give no estimate.
    public func estimate(stop: () -> Bool) -> String? { nil }
}
