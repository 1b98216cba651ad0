extension Take.State {
    /// The state's name in listings.
    public func name(_ language: Language) -> String {
        let phrase: Phrase = switch self {
        case .recording: Phrase(en: "recording", nl: "bezig met opnemen")
        case .complete: Phrase(en: "complete", nl: "compleet")
        case .interrupted: Phrase(en: "interrupted", nl: "onderbroken")
        case .demo: Phrase(en: "demo", nl: "demo")
        case .empty: Phrase(en: "empty", nl: "leeg")
        }
        return phrase.text(language)
    }
}
