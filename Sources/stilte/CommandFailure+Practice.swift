import StilteAudio
import StilteCore
import StiltePractice

/// A command's failure as the one line ArgumentParser prints after "Error: ".
typealias CommandFailure = PracticeFailure

extension PracticeFailure {
    /// The failure in the interface language (``Interface/language``).
    init(_ phrase: Phrase) { self.init(phrase, language: Interface.language) }

    /// A device failure in the interface language.
    static func device(_ error: AudioError, role: DeviceRole, format: DeviceFormat) -> PracticeFailure {
        device(error, role: role, format: format, language: Interface.language)
    }

    /// An unreadable sound file in the interface language.
    static func unreadable(_ error: AudioError) -> PracticeFailure { unreadable(error, language: Interface.language) }

    /// `error` as the user reads it: a ``StoreError`` in the interface language, anything else unchanged.
    static func translated(_ error: any Error) -> any Error {
        guard let store = error as? StoreError, store.phrase != nil else { return error }
        return CommandFailure(store.text(Interface.language))
    }
}
