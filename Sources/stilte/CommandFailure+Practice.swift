import StilteCore
import StiltePractice

/// A command's failure as the one line ArgumentParser prints after "Error: ".
typealias CommandFailure = PracticeFailure

extension PracticeFailure {
    /// The failure in the interface language (``Interface/language``).
    init(_ phrase: Phrase) { self.init(phrase, language: Interface.language) }
}
