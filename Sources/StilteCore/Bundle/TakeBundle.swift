import Foundation
#if canImport(Glibc)
import Glibc
#endif
import StilteAnalysis

/// A self-contained export of one trainee's takes: `recordings/`, `takes.json`,
/// `takes.csv` and `textgrids/`. Importing it is idempotent: takes and reviews
/// carry stable UUIDs, and ones already in the log are skipped.
public enum TakeBundle {
    /// One take in `takes.json`.
    public struct Entry: Codable, Sendable {
        /// The bundle format this entry is written in: ``currentFormat``; absent in bundles
        /// written before there was one (format 1: the analysis in the engine's own keys,
        /// still imported). A newer format is refused, nothing imported.
        public var format: Int?
        /// 2: the analysis in the shape of `analyze --json` (``AnalysisJSON``).
        public static let currentFormat = 2
        public var uuid: UUID
        public var trainee: String
        public var scenarioId: String
        public var turn: Int
        /// Relative to the bundle directory.
        public var recording: String
        public var sampleRate: Int
        public var duration: Double?
        /// What the take's analysis was when exported (for readers; re-measured on import).
        public var analysis: AnalysisJSON?
        public var target: PauseTarget
        /// The min-pause the take was measured with; absent in bundles written before it was
        /// stored (then ``AnalysisParameters/defaultMinPause``, what those were measured with).
        public var minPause: Double?
        public var reactionTime: Double?
        public var overruns: Int
        public var unreliable: Bool
        public var createdAt: Date
        /// Effective pause and verdict, for readers of the JSON (recomputed on import).
        public var pauseDuration: Double?
        public var verdict: Verdict?
        public var reviews: [BundleReview]
    }

    /// A review in `takes.json`.
    public struct BundleReview: Codable, Sendable {
        public var uuid: UUID
        public var reviewer: String
        public var rating: Int?
        public var comment: String?
        public var correctedPauseStart: Double?
        public var correctedPauseEnd: Double?
        public var createdAt: Date
    }

    /// What an export or import did.
    public struct Summary: Sendable, Equatable {
        public var takesAdded = 0
        public var takesSkipped = 0
        public var reviewsAdded = 0
        public init() {}
    }

    static func encoder() -> JSONEncoder {
        JSONOutput.encoder(dates: .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestamp().string(from: date))
        })
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = timestamp().date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
            }
            return date
        }
        return decoder
    }

    /// ISO 8601 with milliseconds, so times survive the round trip.
    static func timestamp() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }

    /// Writes `trainee`'s takes to `directory` (created 0700 if new; its `recordings/` and
    /// `textgrids/` are 0700, every file 0600). `textGrid` renders a
    /// take's TextGrid (nil to skip). Throws for a take whose recording is missing.
    @discardableResult
    public static func export(trainee: String, from log: any SessionLog, to directory: URL,
                              textGrid: (Take) -> String?) throws -> Summary {
        let takes = try log.takes(TakeFilter(trainee: trainee))
        guard !takes.isEmpty else { throw StoreError(.notFound, "no takes for trainee \(trainee); see `stilte takes`") }
        try PrivateFiles.makeDirectory(directory)
        try PrivateFiles.makeDirectory(directory.appendingPathComponent(RecordingStore.directoryName))
        try PrivateFiles.makeDirectory(directory.appendingPathComponent("textgrids"))
        var entries: [Entry] = []
        var summary = Summary()
        for take in takes {
            let source = try log.recordings.requireFile(of: take)
            let name = take.recordingPath
            try copyPrivately(source, to: directory.appendingPathComponent(name))
            let id = take.uuid.uuidString.lowercased()
            if let grid = textGrid(take) {
                try writePrivately(Data(grid.utf8), to: directory.appendingPathComponent("textgrids/\(id).TextGrid"))
            }
            let reviews = try log.reviews(takeId: take.id ?? 0).map {
                BundleReview(uuid: $0.uuid, reviewer: $0.reviewer, rating: $0.rating, comment: $0.comment,
                             correctedPauseStart: $0.correctedPauseStart, correctedPauseEnd: $0.correctedPauseEnd, createdAt: $0.createdAt)
            }
            entries.append(Entry(format: Entry.currentFormat, uuid: take.uuid, trainee: trainee, scenarioId: take.scenarioId,
                                 turn: take.turn, recording: name, sampleRate: take.sampleRate, duration: take.duration,
                                 analysis: take.analysis.map(AnalysisJSON.init), target: take.target,
                                 minPause: take.minPause,
                                 reactionTime: take.reactionTime, overruns: take.overruns, unreliable: take.unreliable,
                                 createdAt: take.createdAt, pauseDuration: take.pauseDuration, verdict: take.verdict, reviews: reviews))
            summary.takesAdded += 1
        }
        try writePrivately(try encoder().encode(entries), to: directory.appendingPathComponent("takes.json"))
        try writePrivately(Data(csv(entries).utf8), to: directory.appendingPathComponent("takes.csv"))
        return summary
    }

    /// A decoding error in a few words: where in the JSON and what was wrong.
    static func describe(_ error: Error) -> String {
        let context: DecodingError.Context
        switch error as? DecodingError {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c): context = c
        default: return FileProblem(error).en
        }
        var location = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        if case .keyNotFound(let key, _) = error as? DecodingError { location += ".\(key.stringValue)" }
        let what = context.debugDescription.replacingOccurrences(of: "\n", with: " ")
        return location.isEmpty ? what : "at \(location): \(what)"
    }

    static func csv(_ entries: [Entry]) -> String {
        var lines = ["uuid,trainee,scenario,turn,created_at,recording,duration_s,pause_s,verdict,target_s,tolerance_s,reaction_s,overruns,unreliable,reviews"]
        let iso = timestamp()
        for e in entries {
            lines.append([e.uuid.uuidString.lowercased(), CSV.field(e.trainee), CSV.field(e.scenarioId), "\(e.turn)",
                          iso.string(from: e.createdAt), CSV.field(e.recording), CSV.number(e.duration), CSV.number(e.pauseDuration),
                          e.verdict?.rawValue ?? "", CSV.number(e.target.seconds), CSV.number(e.target.tolerance),
                          CSV.number(e.reactionTime), "\(e.overruns)", e.unreliable ? "1" : "0", "\(e.reviews.count)"].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Copies a file a block at a time into a new file readable by its owner only (0600),
    /// replacing what `destination` held.
    public static func copyPrivately(_ source: URL, to destination: URL) throws {
        let fd = try PrivateCopy.openForReading(source.path)
        defer { close(fd) }
        unlink(destination.path)
        try PrivateCopy.copy(from: fd, sourcePath: source.path, to: destination)
    }

    /// Writes `data` to a file created 0600 (whatever the umask).
    public static func writePrivately(_ data: Data, to url: URL) throws {
        try PrivateFiles.write(data, to: url)
    }
}
