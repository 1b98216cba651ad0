import StiltePractice

/// A rehearsal's choices as single keys: Enter begins and lets the client go on (and ends an
/// answer), r replays, a tries again, n moves to the next scenario, q quits.
extension Terminal: RehearsalControls {
    /// The key of each choice.
    static func key(_ choice: RehearsalChoice) -> Character {
        switch choice {
        case .begin, .goOn: "\n"
        case .replay: "r"
        case .again: "a"
        case .next: "n"
        case .quit: "q"
        }
    }

    func startAsking() { enterKeyMode() }

    func discardPending() { discardPendingKeys() }

    func answerEnded() -> Bool { pressedKey() == "\n" }

    func choose(_ choices: [RehearsalChoice], stop: () -> Bool) -> RehearsalChoice? {
        let key = waitForKey(Set(choices.map(Self.key)), stop: stop)
        return choices.first { Self.key($0) == key }
    }
}
