import Foundation
import StilteAnalysis
import StilteCore
import StiltePractice
import StilteStoreSQLite
import Testing

/// The bundle's `takes.json` through the library: format 2 writes the analysis in the shape of
/// `analyze --json`; a bundle of format 1 (before there was a format) still imports; a newer
/// format is refused in one line, nothing imported.
@Suite("Bundle format (library)")
struct BundleFormatTests {
    /// A home with one imported take of the demo answer, exported to a bundle; returns the
    /// bundle, its entries (loosely typed) and the take.
    static func exported(in scratch: URL) throws -> (bundle: URL, entries: [[String: Any]], take: Take) {
        let library = try RecordingImportTests.library(in: scratch, minPause: 0.6)
        let log = try SQLiteStore.open(at: scratch.appendingPathComponent("home"))
        let importer = try RecordingImport(trainee: "anna", scenarioId: "clinic-flatters.en", turn: 1, library: library, language: .en)
        let answer = RecordingImportTests.repository.appendingPathComponent("Audio/demo/answer.wav").path
        let take = try #require(try importer.add(try importer.analyse([answer]), to: log).added.first?.take)
        let bundle = scratch.appendingPathComponent("bundle")
        try TakeBundle.export(trainee: "anna", from: log, to: bundle) { _ in nil }
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bundle.appendingPathComponent("takes.json"))) as? [[String: Any]])
        return (bundle, entries, take)
    }

    static func write(_ entries: [[String: Any]], to bundle: URL) throws {
        try JSONSerialization.data(withJSONObject: entries).write(to: bundle.appendingPathComponent("takes.json"))
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("an export writes format 2 and the analysis as analyze --json does; it imports into another home")
    func formatTwoCarriesTheSharedAnalysisShape() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (bundle, entries, take) = try Self.exported(in: scratch)
        let entry = try #require(entries.first)
        #expect(entry["format"] as? Int == 2)
        let analysis = try #require(take.analysis)
        let shared = try JSONSerialization.jsonObject(with: JSONOutput.encoder().encode(AnalysisJSON(analysis))) as? NSDictionary
        #expect((entry["analysis"] as? NSDictionary) == shared, "bundle \(entry["analysis"] ?? "nil") ≠ analyze --json \(shared ?? [:])")
        #expect((entry["analysis"] as? [String: Any])?["silenceAfterLastWord"] != nil)

        let other = try SQLiteStore.open(at: scratch.appendingPathComponent("other"))
        let summary = try BundleImport.run(bundle, into: other)
        #expect(summary.takesAdded == 1)
        #expect(try other.take(uuid: take.uuid)?.pauseDuration == take.pauseDuration)
    }

    @Test("a bundle of format 1 (no format, the engine's own analysis keys) still imports")
    func formatOneStillImports() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (bundle, entries, take) = try Self.exported(in: scratch)
        var old = entries
        old[0]["format"] = nil
        let analysis = try #require(take.analysis)
        old[0]["analysis"] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(analysis))
        try Self.write(old, to: bundle)
        let other = try SQLiteStore.open(at: scratch.appendingPathComponent("other"))
        #expect(try BundleImport.run(bundle, into: other).takesAdded == 1)
    }

    @Test("a newer format is refused in one line naming takes.json and both formats; nothing is imported")
    func aNewerFormatIsRefused() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (bundle, entries, _) = try Self.exported(in: scratch)
        var newer = entries
        newer[0]["format"] = 3
        try Self.write(newer, to: bundle)
        let other = try SQLiteStore.open(at: scratch.appendingPathComponent("other"))
        let error = try #require(throws: StoreError.self) { try BundleImport.run(bundle, into: other) }
        #expect(error.code == .newerSchema)
        #expect(error.description.contains("takes.json") && error.description.contains("bundle format 3, this one reads up to 2"), "\(error)")
        #expect(!error.description.contains("\n"))
        #expect(try other.takes(TakeFilter()).isEmpty)
    }
}
