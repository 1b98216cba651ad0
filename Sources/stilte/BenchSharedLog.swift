import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore
import StilteStorePostgres

extension Stilte {
    /// Hidden: many trainees saving takes at once into one log (bench/shared-log): per-save
    /// latency and throughput, then a count of what was stored. Each acknowledged take's UUID
    /// is appended to `--acknowledged` after its transaction returned, so a run killed with
    /// `kill -9` can be checked for lost acknowledged takes.
    struct BenchSharedLog: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-shared-log", abstract: "Concurrent trainees saving takes into one log (benchmark).",
            shouldDisplay: false)

        @Option(help: "Simulated trainees, each on a thread of its own.") var trainees = 200
        @Option(help: "Takes per trainee.") var takes = 20
        @Option(help: "postgres://… for the shared log; without it the SQLite log in $STILTE_HOME.") var database: String?
        @Option(help: "PostgreSQL connections shared by the trainees.") var connections = 16
        @Option(help: "Append each acknowledged take's UUID to this file (one line, flushed).") var acknowledged: String?

        func validate() throws {
            guard (1...10_000).contains(trainees), (1...10_000).contains(takes), (1...500).contains(connections) else {
                throw ValidationError("--trainees, --takes and --connections must be positive (trainees, takes ≤ 10000; connections ≤ 500)")
            }
        }

        func run() throws {
            let log: any SessionLog = try database.map {
                try PostgresSessionLog(location: PostgresLocation(url: $0), home: .fromEnvironment(), connections: connections)
            } ?? LogAccess.openSQLite()
            let results = Results(acknowledged: acknowledged.map { fopen($0, "a") } ?? nil)
            let began = Date()
            let group = DispatchGroup()
            let start = Date(timeIntervalSince1970: 1_577_836_800)
            for trainee in 0..<trainees {
                group.enter()
                let thread = Thread { [takes] in
                    defer { group.leave() }
                    for index in 0..<takes {
                        let analysis = Analysis(duration: 7, target: PauseTarget(), segments: [TimeSpan(start: 0.3, end: 1.5), TimeSpan(start: 5.3, end: 6.8)],
                                                refusal: TimeSpan(start: 0.3, end: 1.5), pause: Pause(start: 1.5, end: 5.3),
                                                verdict: PauseTarget().verdict(for: 3.8))
                        let uuid = UUID()
                        let take = NewTake(uuid: uuid, trainee: "bench-\(trainee)", scenarioId: "scenario-\(index % 10)",
                                           recordingPath: RecordingStore.name(for: uuid, fileExtension: "wav"), sampleRate: 16_000,
                                           measurement: TakeMeasurement(duration: 7, analysis: analysis),
                                           createdAt: start.addingTimeInterval(Double(trainee * takes + index)))
                        let sent = Date()
                        do {
                            _ = try log.saveTake(take)
                            results.acknowledge(uuid, after: Date().timeIntervalSince(sent))
                        } catch {
                            results.fail(error)
                        }
                    }
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
            group.wait()
            let elapsed = Date().timeIntervalSince(began)
            let (latencies, failures) = results.finish()
            let sorted = latencies.sorted()
            func percentile(_ q: Double) -> Double { sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))] * 1000 }
            // -1: the store could not be asked (killed on purpose by bench/shared-log).
            let stored = (try? log.takes(TakeFilter()).count) ?? -1
            print(String(format: "store=%@ trainees=%d takes=%d acknowledged=%d failed=%d stored=%d seconds=%.2f throughput=%.0f/s p50=%.1fms p99=%.1fms max=%.1fms",
                         database == nil ? "sqlite" : "postgres", trainees, trainees * takes, latencies.count, failures.count, stored,
                         elapsed, Double(latencies.count) / elapsed, percentile(0.5), percentile(0.99), (sorted.last ?? .nan) * 1000))
            if let first = failures.first { print("first failure: \(first)") }
        }
    }
}

/// What the benchmark's threads report, behind one lock.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var latencies: [Double] = []
    private var failures: [String] = []
    private let file: UnsafeMutablePointer<FILE>?

    init(acknowledged file: UnsafeMutablePointer<FILE>?) { self.file = file }

    /// Records a saved take; its UUID goes to the acknowledgement file before the next one.
    func acknowledge(_ uuid: UUID, after seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        latencies.append(seconds)
        if let file {
            fputs(uuid.uuidString.lowercased() + "\n", file)
            fflush(file)
        }
    }

    func fail(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        failures.append("\(error)")
    }

    func finish() -> (latencies: [Double], failures: [String]) {
        lock.lock()
        defer { lock.unlock() }
        if let file { fclose(file) }
        return (latencies, failures)
    }
}
