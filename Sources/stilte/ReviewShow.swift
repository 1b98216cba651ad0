import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review show TAKE`: timeline, numbers, tip and reviews of one take.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one take: timeline, numbers, reviews so far.")

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Flag(help: "Print the take as JSON (the shape of `stilte takes --json`, with its reviews).")
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
            func say(_ en: String, _ nl: String) -> String { Phrase(en: en, nl: nl).text(language) }
            func span(_ start: Double, _ end: Double) -> String { NumberFormat.span(start, end, language) }
            func seconds(_ value: Double) -> String { NumberFormat.seconds(value, language) }
            let trainee = (try log.trainee(id: take.traineeId)?.name ?? "?").terminalSafe
            let heading = "\(take.id ?? 0) · \(take.uuid.uuidString.lowercased()) · \(trainee) · \(take.scenarioId.terminalSafe)"
            let when = "\(LogAccess.timestamp.string(from: take.createdAt)) UTC"
            print(say("Take \(heading) turn \(take.turn) · \(when)", "Opname \(heading) beurt \(take.turn) · \(when)"))
            let file = log.recordings.location(of: take.recordingPath)
            let present = (try? log.recordings.existingFile(take.recordingPath)) != nil
            let length = take.duration.map(seconds) ?? "? s"
            let missing = present ? "" : say(" — MISSING: the file is not there; playback and export will fail",
                                             " — ONTBREEKT: het bestand is er niet; afspelen en exporteren zullen mislukken")
            print(say("Recording: \(file) (\(length), \(take.sampleRate) Hz)", "Geluidsopname: \(file) (\(length), \(take.sampleRate) Hz)") + missing)
            let analysis = take.effectiveAnalysis
            if let analysis { print(TimelineText.render(analysis, legend: AnalysisText.legend(language))) }
            if let refusal = take.analysis?.refusal {
                print(say("Refusal: ", "Weigering: ") + span(refusal.start, refusal.end))
            }
            let target = say("target ", "doel ") + NumberFormat.target(PauseTarget(seconds: take.targetSeconds, tolerance: take.targetTolerance), language)
            if let pause = take.pause {
                var line = say("Pause: ", "Pauze: ") + span(pause.start, pause.end) + " = " + seconds(pause.duration)
                if take.correctedPause != nil {
                    let detected = take.detectedPause.map { span($0.start, $0.end) + " = " + seconds($0.duration) } ?? say("no pause", "geen pauze")
                    line += say(" (trainer's correction; detected \(detected))", " (correctie van de trainer; gemeten \(detected))")
                }
                print(line)
            } else {
                print(say("Pause: none detected", "Pauze: geen gevonden"))
            }
            print(say("Verdict: ", "Oordeel: ") + (analysis.map { AnalysisText.measured($0, language) } ?? "\(take.verdict?.rawValue ?? "–") (\(target))"))
            for event in take.analysis?.pause?.events ?? [] {
                print(say("  in the pause: \(event.kind.rawValue) at ", "  in de pauze: \(event.kind.rawValue) op ") + span(event.start, event.end))
            }
            var facts: [String] = []
            if let reaction = take.reactionTime { facts.append(say("reaction time ", "reactietijd ") + seconds(reaction)) }
            facts.append(say("overruns \(take.overruns)", "overloop \(take.overruns) keer"))
            facts.append(take.unreliable ? say("UNRELIABLE measurement", "ONBETROUWBARE meting") : say("reliable", "betrouwbaar"))
            if take.state == .interrupted { facts.append(say("recovered after an interruption", "hersteld na een onderbreking")) }
            print(facts.joined(separator: ", ").prefix(1).uppercased() + facts.joined(separator: ", ").dropFirst())
            let scenarioTip = (try? library.load(requireAudio: false))?.scenario(id: take.scenarioId)?.tip(forTurn: take.turn - 1)
            if let tip = scenarioTip ?? analysis.map({ AnalysisText.advice($0, language) }) { print(say("Tip: ", "Tip: ") + tip) }
            let reviews = try log.reviews(takeId: take.id ?? 0)
            print(reviews.isEmpty ? say("Reviews: none yet", "Beoordelingen: nog geen") : say("Reviews:", "Beoordelingen:"))
            for review in reviews {
                var parts: [String] = []
                if let rating = review.rating { parts.append(say("rating \(rating)/5", "cijfer \(rating)/5")) }
                if let span = review.correctedPause { parts.append(say("corrected pause ", "gecorrigeerde pauze ") + NumberFormat.span(span.start, span.end, language)) }
                if let comment = review.comment { parts.append("“\(comment.terminalSafe)”") }
                print("  \(LogAccess.timestamp.string(from: review.createdAt)) \(review.reviewer.terminalSafe): \(parts.joined(separator: "; "))")
            }
        }
    }
}
