import Foundation
#if canImport(Glibc)
import Glibc
#endif
import StilteAnalysis

extension TakeBundle {
    /// Measures a recording copied out of a bundle with its take's `parameters` (target and
    /// min-pause): its sample rate and analysis. Throws when the file does not decode as audio.
    public typealias Measure = (_ copy: URL, _ parameters: AnalysisParameters) throws -> (sampleRate: Int, analysis: Analysis)

    /// Reads a bundle written by ``export(trainee:from:to:textGrid:)`` into `log`, treating every
    /// byte as hostile: the whole bundle goes in or nothing does.
    ///
    /// - Files are opened from the bundle directory one component at a time with `O_NOFOLLOW`:
    ///   regular files only, no symbolic link anywhere on the path (``BundleDirectory``).
    /// - `takes.json` and the recordings are capped (``BundleLimits``); every take names its own
    ///   `recordings/NAME`, and every field is checked against ``InputLimits``.
    /// - Each recording is copied into the home, must decode as audio and is re-analysed with
    ///   `measure`; the bundle's own analysis, duration and sample rate are not trusted.
    /// - Reviews come only with takes the bundle carries: a take already in the log must have
    ///   the same trainee and a byte-identical recording, or the bundle is refused.
    /// - Takes and reviews are saved in one transaction; on any failure the copies are removed.
    public static func importBundle(from directory: URL, into log: any SessionLog, measure: Measure) throws -> Summary {
        let bundle = try BundleDirectory(directory)
        let entries = try readIndex(bundle)
        let files = try openRecordings(entries, in: bundle)
        var summary = Summary()
        var batch = ImportBatch(takes: [])
        var fresh: [(entry: Entry, file: BundleDirectory.File)] = []
        for (entry, file) in zip(entries, files) {
            if let existing = try log.take(uuid: entry.uuid) {
                try checkCarried(existing, entry: entry, file: file, log: log)
                summary.takesSkipped += 1
            } else {
                fresh.append((entry, file))
            }
            batch.reviews += entry.reviews.map { r in
                ImportBatch.TakeReview(takeUUID: entry.uuid, review: Review(
                    uuid: r.uuid, takeId: 0, reviewer: r.reviewer, rating: r.rating, comment: r.comment,
                    correctedPause: r.correctedPauseStart.flatMap { s in r.correctedPauseEnd.map { TimeSpan(start: s, end: $0) } },
                    createdAt: r.createdAt))
            }
        }
        try checkFreeSpace(for: fresh.reduce(0) { $0 + $1.file.size }, in: log.recordings, bundle: directory)

        var copies: [String] = []
        do {
            for (entry, file) in fresh {
                let relative = RecordingStore.name(for: entry.uuid, fileExtension: (entry.recording as NSString).pathExtension)
                let copy = try log.recordings.copyIn(from: file.descriptor, sourcePath: file.path, to: relative,
                                                     limit: BundleLimits.recordingBytes)
                copies.append(relative)
                let measured: (sampleRate: Int, analysis: Analysis)
                do { measured = try measure(copy, entry.parameters) } catch {
                    let reason = String(describing: error).replacingOccurrences(of: copy.path + ": ", with: "")
                    throw StoreError(.invalidInput, BundleText.notAudio(reason), path: file.path)
                }
                batch.takes.append(newTake(entry, recordingPath: relative, sampleRate: measured.sampleRate, analysis: measured.analysis))
            }
            let outcome = try log.saveImport(batch)
            summary.takesAdded = outcome.added.count
            summary.reviewsAdded = outcome.reviewsAdded
        } catch {
            for copy in copies { try? log.recordings.remove(copy) }
            if let error = error as? StoreError, !error.message.contains("nothing was imported") {
                let path = error.path ?? directory.appendingPathComponent("takes.json").path
                if let phrase = error.phrase { throw StoreError(error.code, phrase + BundleText.nothingImported, path: path) }
                throw StoreError(error.code, error.message + BundleText.nothingImported.en, path: path)
            }
            throw error
        }
        return summary
    }

    /// The take `entry` describes, measured from its copy (`analysis`), not from the bundle's claims.
    private static func newTake(_ entry: Entry, recordingPath: String, sampleRate: Int, analysis: Analysis?) -> NewTake {
        NewTake(uuid: entry.uuid, trainee: entry.trainee, scenarioId: entry.scenarioId, turn: entry.turn,
                recordingPath: recordingPath, sampleRate: sampleRate, target: entry.target, minPause: entry.parameters.minPause,
                measurement: TakeMeasurement(duration: analysis?.duration ?? 0, analysis: analysis, reactionTime: entry.reactionTime,
                                             overruns: entry.overruns, unreliable: entry.unreliable),
                createdAt: entry.createdAt)
    }

    /// `takes.json`, decoded and checked entry by entry before any file is touched.
    private static func readIndex(_ bundle: BundleDirectory) throws -> [Entry] {
        let path = bundle.url.appendingPathComponent("takes.json").path
        let data: Data
        do { data = try bundle.read("takes.json", limit: BundleLimits.indexBytes) } catch let error as StoreError where error.code == .missingRecording {
            throw StoreError(.notFound, BundleText.noIndex, path: path)
        }
        let entries: [Entry]
        do { entries = try decoder().decode([Entry].self, from: data) } catch {
            throw StoreError(.invalidInput, BundleText.notAnIndex(describe(error)), path: path)
        }
        guard entries.count <= BundleLimits.entries else {
            throw StoreError(.tooLarge, BundleText.tooManyTakes(entries.count), path: path)
        }
        if let newest = entries.compactMap(\.format).max(), newest > Entry.currentFormat {
            throw StoreError(.newerSchema, BundleText.newerFormat(newest, known: Entry.currentFormat), path: path)
        }
        var takeIDs = Set<UUID>(), reviewIDs = Set<UUID>(), recordings = Set<String>()
        for (index, entry) in entries.enumerated() {
            func refuse(_ problem: Phrase) -> StoreError {
                StoreError(.invalidInput, BundleText.refusedEntry(uuid: entry.uuid.uuidString.lowercased(), number: index + 1, problem), path: path)
            }
            guard takeIDs.insert(entry.uuid).inserted else { throw refuse(BundleText.uuidTwice) }
            guard BundleDirectory.isPlainPath(entry.recording), RecordingStore.isValidName(entry.recording) else {
                throw refuse(BundleText.notARecordingName(String(entry.recording.prefix(80))))
            }
            guard recordings.insert(entry.recording).inserted else { throw refuse(BundleText.recordingNamedTwice(entry.recording)) }
            if let problem = newTake(entry, recordingPath: RecordingStore.name(for: entry.uuid, fileExtension: "wav"), sampleRate: 1, analysis: nil).problem { throw refuse(.same(problem)) }
            guard entry.reviews.count <= BundleLimits.reviewsPerTake else {
                throw refuse(BundleText.tooManyReviews(entry.reviews.count))
            }
            for review in entry.reviews {
                guard reviewIDs.insert(review.uuid).inserted else { throw refuse(BundleText.reviewTwice(review.uuid.uuidString.lowercased())) }
                let candidate = Review(uuid: review.uuid, takeId: 0, reviewer: review.reviewer, rating: review.rating, comment: review.comment,
                                       createdAt: review.createdAt)
                var problem = candidate.problem.map(Phrase.same)
                problem = problem ?? InputLimits.problem(seconds: review.correctedPauseStart, field: "corrected pause start").map(Phrase.same)
                problem = problem ?? InputLimits.problem(seconds: review.correctedPauseEnd, field: "corrected pause end").map(Phrase.same)
                if (review.correctedPauseStart == nil) != (review.correctedPauseEnd == nil) { problem = problem ?? BundleText.halfACorrection }
                if let problem { throw refuse(BundleText.refusedReview(review.uuid.uuidString.lowercased(), problem)) }
            }
        }
        return entries
    }

    /// Every entry's recording, opened safely; sizes within ``BundleLimits``.
    private static func openRecordings(_ entries: [Entry], in bundle: BundleDirectory) throws -> [BundleDirectory.File] {
        var files: [BundleDirectory.File] = []
        var total = 0
        for entry in entries {
            let file = try bundle.openFile(entry.recording)
            guard file.size > 0 else {
                throw StoreError(.invalidInput, BundleText.emptyRecording, path: file.path)
            }
            guard file.size <= BundleLimits.recordingBytes else {
                throw StoreError(.tooLarge, BundleText.recordingTooLarge(mebibytes: file.size >> 20), path: file.path)
            }
            total += file.size
            guard total <= BundleLimits.totalBytes else {
                throw StoreError(.tooLarge, BundleText.bundleTooLarge, path: bundle.url.path)
            }
            files.append(file)
        }
        return files
    }

    /// A take already in the log comes with this bundle only when it is the same recording of the
    /// same trainee; otherwise the bundle would attach reviews to someone else's take.
    private static func checkCarried(_ existing: Take, entry: Entry, file: BundleDirectory.File, log: any SessionLog) throws {
        let owner = try log.trainee(id: existing.traineeId)?.name
        guard owner == entry.trainee.trimmingCharacters(in: .whitespaces),
              log.recordings.holdsSameContent(existing.recordingPath, as: file.descriptor) else {
            throw StoreError(.invalidInput, BundleText.carriedByAnother(uuid: entry.uuid.uuidString.lowercased(), take: existing.id ?? 0), path: file.path)
        }
    }

    /// Refuses, before copying, a bundle whose recordings do not fit in the home's free space.
    private static func checkFreeSpace(for bytes: Int, in recordings: RecordingStore, bundle: URL) throws {
        guard bytes > 0, let free = recordings.freeBytes() else { return }
        guard bytes <= free else {
            throw StoreError(.io, BundleText.noSpace(needed: bytes >> 20, free: free >> 20), path: bundle.path)
        }
    }
}

extension TakeBundle.Entry {
    /// What the take was measured with: its target and min-pause.
    var parameters: AnalysisParameters {
        AnalysisParameters(target: target, minPause: minPause ?? AnalysisParameters.defaultMinPause)
    }
}
