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
            let trainee = (try log.trainee(id: take.traineeId)?.name ?? "?").terminalSafe
            print("Take \(take.id ?? 0) · \(take.uuid.uuidString.lowercased()) · \(trainee) · \(take.scenarioId.terminalSafe) turn \(take.turn) · \(LogAccess.timestamp.string(from: take.createdAt)) UTC")
            let file = log.recordings.location(of: take.recordingPath)
            let present = (try? log.recordings.existingFile(take.recordingPath)) != nil
            let length = take.duration.map { String(format: "%.2f s", $0) } ?? "? s"
            print("Recording: \(file) (\(length), \(take.sampleRate) Hz)\(present ? "" : " — MISSING: the file is not there; playback and export will fail")")
            let analysis = take.effectiveAnalysis
            if let analysis { print(TimelineText.render(analysis, legend: AnalysisText.legend(Interface.language))) }
            if let refusal = take.analysis?.refusal {
                print(String(format: "Refusal: %.2f–%.2f s", refusal.start, refusal.end))
            }
            let target = String(format: "target %.1f ± %.1f s", take.targetSeconds, take.targetTolerance)
            if let pause = take.pause {
                var line = String(format: "Pause: %.2f–%.2f s = %.2f s", pause.start, pause.end, pause.duration)
                if take.correctedPause != nil {
                    line += " (trainer's correction; detected " + (take.detectedPause.map { String(format: "%.2f–%.2f s = %.2f s", $0.start, $0.end, $0.duration) } ?? "no pause") + ")"
                }
                print(line)
            } else {
                print("Pause: none detected")
            }
            print("Verdict: " + (analysis.map { AnalysisText.measured($0, Interface.language) } ?? "\(take.verdict?.rawValue ?? "–") (\(target))"))
            for event in take.analysis?.pause?.events ?? [] {
                print(String(format: "  in the pause: %@ at %.2f–%.2f s", event.kind.rawValue, event.start, event.end))
            }
            var facts: [String] = []
            if let reaction = take.reactionTime { facts.append(String(format: "reaction time %.2f s", reaction)) }
            facts.append("overruns \(take.overruns)")
            facts.append(take.unreliable ? "UNRELIABLE measurement" : "reliable")
            if take.state == .interrupted { facts.append("recovered after an interruption") }
            print(facts.joined(separator: ", ").prefix(1).uppercased() + facts.joined(separator: ", ").dropFirst())
            let scenarioTip = (try? library.load(requireAudio: false))?.scenario(id: take.scenarioId)?.tip(forTurn: take.turn - 1)
            if let tip = scenarioTip ?? analysis.map { AnalysisText.advice($0, Interface.language) } { print("Tip: \(tip)") }
            let reviews = try log.reviews(takeId: take.id ?? 0)
            print(reviews.isEmpty ? "Reviews: none yet" : "Reviews:")
            for review in reviews {
                var parts: [String] = []
                if let rating = review.rating { parts.append("rating \(rating)/5") }
                if let span = review.correctedPause { parts.append(String(format: "corrected pause %.2f–%.2f s", span.start, span.end)) }
                if let comment = review.comment { parts.append("“\(comment.terminalSafe)”") }
                print("  \(LogAccess.timestamp.string(from: review.createdAt)) \(review.reviewer.terminalSafe): \(parts.joined(separator: "; "))")
            }
        }
    }
}
