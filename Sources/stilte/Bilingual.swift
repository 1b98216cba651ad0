import Foundation

/// The English or Dutch text of a sentence, by `$STILTE_LANG`, then the locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`), else English. Stands in until the Presentation layer's `Phrase` lands.
func bilingual(en: String, nl: String) -> String {
    let environment = ProcessInfo.processInfo.environment
    let value = ["STILTE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
    return value.lowercased().hasPrefix("nl") ? nl : en
}
