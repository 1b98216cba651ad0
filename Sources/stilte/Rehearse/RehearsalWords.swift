import Foundation
import StilteCore
import StiltePractice

/// The words `stilte rehearse` shows around the live screen, in the trainee's language.
struct RehearsalWords {
    let language: Language
    /// The longest answer, for "stopped at 45 s".
    let maxSeconds: Double

    private func text(_ en: String, _ nl: String) -> String { Phrase(en: en, nl: nl).text(language) }

    var gettingReady: String { text("Get ready… (listening to the room)", "Maak je klaar… (Stilte luistert naar de ruimte)") }
    var recording: String { text("Recording your answer…", "Je antwoord wordt opgenomen…") }
    var replaying: String { text("Replaying your answer… (Ctrl-C stops)", "Je antwoord wordt afgespeeld… (Ctrl-C stopt)") }
    var goodAnswer: String { text("A good answer: ", "Een goed antwoord: ") }

    /// The keys for `choices`: "r: replay   a: again   n: next scenario   q: quit".
    func menu(_ choices: [RehearsalChoice]) -> String {
        choices.map { choice in
            switch choice {
            case .begin: text("Enter: begin", "Enter: beginnen")
            case .goOn: text("Enter: the client goes on", "Enter: de klant gaat verder")
            case .replay: text("r: replay", "r: terugluisteren")
            case .again: text("a: again", "a: nog eens")
            case .next: text("n: next scenario", "n: volgend scenario")
            case .quit: text("q: quit", "q: stoppen")
            }
        }.joined(separator: "   ")
    }

    /// Who speaks, and which turn when there are several: "Mrs Jansen (turn 2 of 3):".
    func client(_ scenario: Scenario, turn: Int) -> String {
        let count = scenario.turns.count
        let label = count > 1 ? text(" (turn \(turn + 1) of \(count))", " (beurt \(turn + 1) van \(count))") : ""
        return "\(scenario.client.name)\(label):"
    }

    /// How the room level reads to the trainee.
    func room(_ dBFS: Double?) -> String {
        guard let dBFS else { return text("Room noise: not measured (no audio arrived).", "Achtergrondgeluid: niet gemeten (er kwam geen geluid binnen).") }
        let level = "\(Int(dBFS.rounded())) dBFS"
        if dBFS < -60 { return text("Room noise \(level): quiet.", "Achtergrondgeluid \(level): stil.") }
        if dBFS < -40 { return text("Room noise \(level): fine.", "Achtergrondgeluid \(level): prima.") }
        return text("Room noise \(level): noisy — the pause is measured less precisely; find a quieter spot if you can.",
                    "Achtergrondgeluid \(level): rumoerig — de pauze wordt minder precies gemeten; zoek als het kan een stillere plek.")
    }

    /// "Take 12 saved (stopped after your solution)."
    func saved(_ saved: SavedTake) -> String {
        let id = saved.take.id ?? 0
        let label = saved.demo ? text("DEMO take \(id) saved", "DEMO-opname \(id) bewaard") : text("Take \(id) saved", "Opname \(id) bewaard")
        return "\(label) (\(stopText(saved.stopReason)))."
    }

    func recordingPath(_ file: URL) -> String { text("Recording: ", "Opname: ") + file.path }

    private func stopText(_ reason: StopReason) -> String {
        switch reason {
        case .finished: text("stopped after your solution", "gestopt na je oplossing")
        case .maxDuration: text("stopped at \(Int(maxSeconds)) s", "gestopt na \(Int(maxSeconds)) s")
        case .enter: text("stopped with Enter", "gestopt met Enter")
        case .interrupted: text("stopped with Ctrl-C", "gestopt met Ctrl-C")
        case .inputEnded: text("the input ended", "de invoer hield op")
        }
    }
}
