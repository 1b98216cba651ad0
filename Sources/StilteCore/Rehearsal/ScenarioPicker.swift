/// How often a trainee practised one scenario.
public struct PracticeCount: Sendable, Equatable {
    public var takes: Int
    public var onTarget: Int

    public init(takes: Int, onTarget: Int) {
        self.takes = takes
        self.onTarget = onTarget
    }
}

/// Picks the scenario a trainee practises next when none is named.
public enum ScenarioPicker {
    /// The least practised scenario of `ids`; among equals the one least often on
    /// target; among those the first in `ids`. Nil when `ids` is empty.
    public static func next(_ ids: [String], counts: [String: PracticeCount]) -> String? {
        let zero = PracticeCount(takes: 0, onTarget: 0)
        return ids.enumerated().min { a, b in
            let ca = counts[a.element] ?? zero, cb = counts[b.element] ?? zero
            if ca.takes != cb.takes { return ca.takes < cb.takes }
            if ca.onTarget != cb.onTarget { return ca.onTarget < cb.onTarget }
            return a.offset < b.offset
        }?.element
    }
}
