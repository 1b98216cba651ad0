import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore
import StilteStoreSQLite

extension Stilte {
    /// Hidden: fills the log with synthetic takes (no recordings) for the benchmark
    /// and the two-process test.
    struct GenerateLog: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate-log", abstract: Interface.text(en: "Fill the log with synthetic takes (benchmarks, tests).", nl: "Vul het logboek met kunstmatige opnames (benchmarks, tests)."),
            shouldDisplay: false)

        @Option(help: .text(en: "How many takes.", nl: "Hoeveel opnames."))
        var takes: Int

        @Option(help: .text(en: "Spread over this many trainees.", nl: "Verdeeld over zoveel cursisten."))
        var trainees = 20

        @Option(help: .text(en: "Spread over this many scenarios.", nl: "Verdeeld over zoveel scenario's."))
        var scenarios = 10

        @Option(help: .text(en: "Trainee name prefix.", nl: "Begin van de naam van de cursist."))
        var prefix = "trainee"

        @Option(help: .text(en: "Seed of the pseudo-random pauses.", nl: "Startwaarde van de pseudo-willekeurige pauzes."))
        var seed: UInt64 = 1

        @Flag(help: .text(en: "One write transaction per take (concurrency tests) instead of one for all.", nl: "Eén schrijftransactie per opname (gelijktijdigheidstests) in plaats van één voor alles."))
        var eachInOwnTransaction = false

        @Flag(help: .text(en: "With --each-in-own-transaction: also rate each take in a transaction of its own.", nl: "Met --each-in-own-transaction: beoordeel ook elke opname in een eigen transactie."))
        var withReviews = false

        @Option(help: .text(en: "Open the log, create FILE.ready-PID, then wait (up to 30 s) until FILE exists before writing (a start line for concurrency tests).", nl: "Open het logboek, maak FILE.ready-PID en wacht (hooguit 30 s) tot FILE bestaat voordat er geschreven wordt (een startstreep voor gelijktijdigheidstests)."))
        var waitFor: String?

        func validate() throws {
            guard takes > 0, trainees > 0, scenarios > 0 else { throw ValidationError("--takes, --trainees and --scenarios must be positive") }
        }

        func run() throws {
            let log = try LogAccess.openSQLite()
            if let waitFor {
                _ = FileManager.default.createFile(atPath: "\(waitFor).ready-\(getpid())", contents: nil)
                let deadline = Date().addingTimeInterval(30)
                while !FileManager.default.fileExists(atPath: waitFor) {
                    guard Date() < deadline else { throw ValidationError("\(waitFor) did not appear within 30 s") }
                    usleep(2_000)
                }
            }
            let began = Date().timeIntervalSince1970
            var random = SplitMix64(seed: seed)
            // Five minutes apart from 2020-01-01: 100,000 takes end in 2020-12, in the past as
            // the store requires (a take dated after tomorrow is refused).
            let start = Date(timeIntervalSince1970: 1_577_836_800)
            var batch: [NewTake] = []
            batch.reserveCapacity(eachInOwnTransaction ? 1 : takes)
            for index in 0..<takes {
                let trainee = index % trainees
                let scenario = (index / trainees) % scenarios
                // Pauses drift from ~2 s towards ~4 s over the takes, with noise.
                let progress = Double(index) / Double(takes)
                let pause = max(0.2, 2.0 + 2.0 * progress + (random.unit() - 0.5) * 2.0)
                let refusalEnd = 1.0 + random.unit()
                let analysis = Analysis(duration: refusalEnd + pause + 2, target: PauseTarget(),
                                        segments: [TimeSpan(start: 0.3, end: refusalEnd), TimeSpan(start: refusalEnd + pause, end: refusalEnd + pause + 1.5)],
                                        refusal: TimeSpan(start: 0.3, end: refusalEnd),
                                        pause: Pause(start: refusalEnd, end: refusalEnd + pause),
                                        verdict: PauseTarget().verdict(for: pause))
                let uuid = UUID()
                let take = NewTake(uuid: uuid, trainee: "\(prefix)-\(trainee)", scenarioId: "scenario-\(scenario)", turn: 1,
                                   recordingPath: RecordingStore.name(for: uuid, fileExtension: "wav"), sampleRate: 16_000,
                                   measurement: TakeMeasurement(duration: analysis.duration, analysis: analysis, reactionTime: 0.5 + random.unit()),
                                   createdAt: start.addingTimeInterval(Double(index) * 300))
                if eachInOwnTransaction {
                    let saved = try log.saveTake(take).take
                    if withReviews {
                        _ = try log.addReview(Review(takeId: saved.id ?? 0, reviewer: prefix, rating: 1 + index % 5))
                    }
                } else {
                    batch.append(take)
                }
            }
            if !eachInOwnTransaction { try log.saveTakes(batch) }
            print(String(format: "Generated %d takes, writing from %.3f to %.3f (Unix time).", takes, began, Date().timeIntervalSince1970))
        }
    }
}

/// A small deterministic generator (SplitMix64), so generated logs are reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
