import StilteAnalysis

/// The coaching sentences around a take that more than one screen says.
public enum RehearsalText {
    /// The count in digits, short: "21", "21, 22", "21 … 24".
    public static func numbers(_ plan: CountPlan, ellipsis: String = "…") -> String {
        let numbers = plan.numbers.map(String.init)
        return numbers.count <= 2 ? numbers.joined(separator: ", ") : "\(numbers[0]) \(ellipsis) \(numbers[numbers.count - 1])"
    }

    /// Before the answer, on the live screen: "Say your no, then count 21, 22 in silence."
    public static func liveHint(_ plan: CountPlan, _ language: Language, ellipsis: String = "…") -> String {
        let count = numbers(plan, ellipsis: ellipsis)
        return Phrase(en: "Say your no, then count \(count) in silence.", nl: "Zeg je nee en tel dan in stilte \(count).").text(language)
    }

    /// Before the client speaks: what to do, with the count in words as the trainee says it
    /// ("tel in stilte eenentwintig, tweeëntwintig").
    public static func instruction(target: Double, plan: CountPlan, _ language: Language) -> String {
        let seconds = NumberFormat.seconds(target, digits: 1, language)
        let words = CountWords.count(plan, language)
        return Phrase(en: "Say your no, then stay silent for about \(seconds): count \(words) in silence. Then offer the solution.",
                      nl: "Zeg je nee en blijf dan zo'n \(seconds) stil: tel in stilte \(words). Bied daarna de oplossing aan.")
            .text(language)
    }
}
