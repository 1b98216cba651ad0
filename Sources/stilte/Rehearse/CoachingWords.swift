import Foundation
import StilteCore
import StiltePractice

/// The coaching sentences of `stilte rehearse`: the estimate asked before the pause is shown,
/// the estimate against the measurement, the target stepping up.
extension RehearsalWords {
    /// Asked when the counter was hidden, before the measured pause is shown.
    var estimateQuestion: String {
        Phrase(en: "How long was your silence, do you think? (seconds; Enter skips) ",
               nl: "Hoe lang was je stilte, denk je? (seconden; Enter slaat over) ").text(language)
    }

    /// "Your estimate: 3.50 s; measured: 3.92 s (0.42 s off)."
    func estimate(_ estimate: Double, measured: Double) -> String {
        let guessed = NumberFormat.seconds(estimate, language), found = NumberFormat.seconds(measured, language)
        let off = NumberFormat.seconds(abs(estimate - measured), language)
        return Phrase(en: "Your estimate: \(guessed); measured: \(found) (\(off) off).",
                      nl: "Jouw schatting: \(guessed); gemeten: \(found) (\(off) verschil).").text(language)
    }

    /// "3 on target in a row at 2.0 s: your target is now 3.0 s."
    func targetStep(from: Double, to: Double) -> String {
        let hits = GraduatedTarget.hitsToStepUp
        let level = NumberFormat.seconds(from, digits: 1, language), next = NumberFormat.seconds(to, digits: 1, language)
        return Phrase(en: "\(hits) on target in a row at \(level): your target is now \(next).",
                      nl: "\(hits) keer op rij raak bij \(level): je doel is nu \(next).").text(language)
    }
}
