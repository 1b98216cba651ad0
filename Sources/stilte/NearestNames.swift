import StilteCore

/// The names closest to a mistyped one, for "did you mean …?".
enum NearestNames {
    /// Up to `limit` of the `candidates` closest to `name` (ignoring case), all at the same smallest
    /// distance: at most 2 edits, or a third of the name's length for long names; a candidate that
    /// starts with the name or that the name starts with counts too.
    static func to(_ name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let wanted = Array(name.lowercased())
        let allowed = max(2, wanted.count / 3)
        var scored: [(name: String, distance: Int)] = []
        for candidate in Set(candidates) {
            let lower = candidate.lowercased()
            var distance = editDistance(wanted, Array(lower))
            if wanted.count >= 2 && (lower.hasPrefix(String(wanted)) || String(wanted).hasPrefix(lower)) { distance = min(distance, allowed) }
            if distance <= allowed { scored.append((candidate, distance)) }
        }
        guard let best = scored.map(\.distance).min() else { return [] }
        return scored.filter { $0.distance == best }.map(\.name).sorted().prefix(limit).map { $0 }
    }

    /// Levenshtein distance: insertions, deletions and substitutions of one character.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// " Did you mean anna?" / " Bedoel je anna?", or nothing when no name is close.
    static func suggestion(for name: String, among candidates: [String]) -> Phrase {
        let near = to(name, among: candidates).map(Phrase.same)
        guard !near.isEmpty else { return .same("") }
        let list = near.joined(separator: Phrase(en: " or ", nl: " of "))
        return Phrase(en: " Did you mean ", nl: " Bedoel je ") + list + .same("?")
    }
}
