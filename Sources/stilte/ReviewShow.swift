import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review show TAKE`: timeline, numbers, tip and reviews of one take.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Interface.text(en: "Show one take: timeline, numbers, reviews so far.", nl: "Toon één opname: tijdlijn, meetwaarden en de beoordelingen tot nu toe."))

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Flag(help: .text(en: "Print the take as JSON (the shape of `stilte takes --json`, with its reviews).", nl: "Geef de opname als JSON (zoals `stilte takes --json`, met de beoordelingen)."))
        var json = false

        @OptionGroup var library: ScenarioLibraryOptions

        func run() throws {
            let log = try LogAccess.open(.readOnly)
            let take = try LogAccess.take(self.take, in: log)
            if json {
                let record = TakeJSON(take, trainee: try log.trainee(id: take.traineeId)?.name ?? "",
                                      reviews: try log.reviews(takeId: take.id ?? 0))
                print(String(decoding: try LogAccess.jsonEncoder().encode(record), as: UTF8.self))
                return
            }
            let language = Interface.language
            func span(_ start: Double, _ end: Double) -> String { NumberFormat.span(start, end, language) }
            let trainee = (try log.trainee(id: take.traineeId)?.name ?? "?").terminalSafe
            let heading = "\(take.id ?? 0) · \(take.uuid.uuidString.lowercased()) · \(trainee) · \(take.scenarioId.terminalSafe)"
            let when = "\(LogAccess.timestamp.string(from: take.createdAt)) UTC"
            print(Interface.text(en: "Take \(heading) turn \(take.turn) · \(when)", nl: "Opname \(heading) beurt \(take.turn) · \(when)"))
            let file = log.recordings.location(of: take.recordingPath)
            let present = (try? log.recordings.existingFile(take.recordingPath)) != nil
            let length = take.duration.map(Interface.seconds) ?? "? s"
            let missing = present ? "" : Interface.text(en: " — MISSING: the file is not there; playback and export will fail",
                                                        nl: " — ONTBREEKT: het bestand is er niet; afspelen en exporteren zullen mislukken")
            print(Interface.text(en: "Recording: \(file) (\(length), \(take.sampleRate) Hz)", nl: "Geluidsopname: \(file) (\(length), \(take.sampleRate) Hz)") + missing)
            let analysis = take.effectiveAnalysis
            if let analysis { print(TimelineText.render(analysis, legend: AnalysisText.legend(language))) }
            if let refusal = take.analysis?.refusal {
                print(Interface.text(en: "Refusal: ", nl: "Weigering: ") + span(refusal.start, refusal.end))
            }
            let target = Interface.text(en: "target ", nl: "doel ") + NumberFormat.target(PauseTarget(seconds: take.targetSeconds, tolerance: take.targetTolerance), language)
            if let pause = take.pause {
                var line = Interface.text(en: "Pause: ", nl: "Pauze: ") + span(pause.start, pause.end) + " = " + Interface.seconds(pause.duration)
                if take.correctedPause != nil {
                    let detected = take.detectedPause.map { span($0.start, $0.end) + " = " + Interface.seconds($0.duration) } ?? Interface.text(en: "no pause", nl: "geen pauze")
                    line += Interface.text(en: " (trainer's correction; detected \(detected))", nl: " (correctie van de trainer; gemeten \(detected))")
                }
                print(line)
            } else {
                print(Interface.text(en: "Pause: none detected", nl: "Pauze: geen gevonden"))
            }
            print(Interface.text(en: "Verdict: ", nl: "Oordeel: ") + (analysis.map { AnalysisText.measured($0, language) } ?? "\(take.verdict?.rawValue ?? "–") (\(target))"))
            for event in take.analysis?.pause?.events ?? [] {
                print(Interface.text(en: "  in the pause: \(event.kind.rawValue) at ", nl: "  in de pauze: \(event.kind.rawValue) op ") + span(event.start, event.end))
            }
            var facts: [String] = []
            if let reaction = take.reactionTime { facts.append(Interface.text(en: "reaction time ", nl: "reactietijd ") + Interface.seconds(reaction)) }
            facts.append(Interface.text(en: "overruns \(take.overruns)", nl: "overloop \(take.overruns) keer"))
            facts.append(take.unreliable ? Interface.text(en: "UNRELIABLE measurement", nl: "ONBETROUWBARE meting") : Interface.text(en: "reliable", nl: "betrouwbaar"))
            if take.state == .interrupted { facts.append(Interface.text(en: "recovered after an interruption", nl: "hersteld na een onderbreking")) }
            print(facts.joined(separator: ", ").prefix(1).uppercased() + facts.joined(separator: ", ").dropFirst())
            let scenarioTip = (try? library.load(requireAudio: false))?.scenario(id: take.scenarioId)?.tip(forTurn: take.turn - 1)
            if let tip = scenarioTip ?? analysis.map({ AnalysisText.advice($0, language) }) { print(Interface.text(en: "Tip: ", nl: "Tip: ") + tip) }
            let reviews = try log.reviews(takeId: take.id ?? 0)
            print(reviews.isEmpty ? Interface.text(en: "Reviews: none yet", nl: "Beoordelingen: nog geen") : Interface.text(en: "Reviews:", nl: "Beoordelingen:"))
            for review in reviews {
                var parts: [String] = []
                if let rating = review.rating { parts.append(Interface.text(en: "rating \(rating)/5", nl: "cijfer \(rating)/5")) }
                if let corrected = review.correctedPause { parts.append(Interface.text(en: "corrected pause ", nl: "gecorrigeerde pauze ") + span(corrected.start, corrected.end)) }
                if let comment = review.comment { parts.append("“\(comment.terminalSafe)”") }
                print("  \(LogAccess.timestamp.string(from: review.createdAt)) \(review.reviewer.terminalSafe): \(parts.joined(separator: "; "))")
            }
        }
    }
}
