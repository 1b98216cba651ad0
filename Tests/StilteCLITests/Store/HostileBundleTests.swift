import Foundation
import Testing

/// Issue #12: bundles made by hand to attack `import-bundle`. Each test forges a valid bundle
/// written by the real `stilte export`, then checks that the import is refused whole, in one
/// line, and that nothing reached the trainer's log or home.
@Suite("Hostile bundles: refused whole, nothing leaks, nothing is left behind")
struct HostileBundleTests {
    /// A file outside every home, standing in for /etc/shadow.
    static func secret(in cli: LogCLI) throws -> URL {
        let secret = cli.scratch.appendingPathComponent("shadow")
        try Data("root:SECRET-HASH:19000:0:99999:7:::\n".utf8).write(to: secret)
        return secret
    }

    /// Whether any file under the home holds `marker`.
    static func homeHolds(_ marker: String, _ cli: LogCLI) -> Bool {
        let walker = FileManager.default.enumerator(atPath: cli.home.path)
        while let name = walker?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: cli.home.appendingPathComponent(name).path),
               data.range(of: Data(marker.utf8)) != nil { return true }
        }
        return false
    }

    @Test("item 1: a symbolic link as a recording, as recordings/, as takes.json or as the bundle is refused; the secret stays out")
    func symlinks() throws {
        let fixture = try BundleFixture()
        let trainer = try LogCLI()
        defer { fixture.cleanUp(); trainer.cleanUp() }
        let secret = try Self.secret(in: fixture.source)
        let fm = FileManager.default

        // The attack as reported: recordings/x.wav -> /etc/shadow.
        let linkedFile = try fixture.copy("linked-file")
        let name = try fixture.entries()[1]["recording"] as? String ?? ""
        try fm.removeItem(at: linkedFile.appendingPathComponent(name))
        try fm.createSymbolicLink(at: linkedFile.appendingPathComponent(name), withDestinationURL: secret)
        // recordings/ itself a link to a directory holding the secret under the right names.
        let linkedDirectory = try fixture.copy("linked-dir")
        let elsewhere = fixture.source.scratch.appendingPathComponent("elsewhere/recordings")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        for entry in try fixture.entries() {
            try fm.copyItem(at: secret, to: elsewhere.appendingPathComponent(((entry["recording"] as? String) ?? "") .split(separator: "/").last.map(String.init) ?? ""))
        }
        try fm.removeItem(at: linkedDirectory.appendingPathComponent("recordings"))
        try fm.createSymbolicLink(at: linkedDirectory.appendingPathComponent("recordings"), withDestinationURL: elsewhere)
        // takes.json a link.
        let linkedIndex = try fixture.copy("linked-index")
        let realIndex = fixture.source.scratch.appendingPathComponent("index.json")
        try fm.moveItem(at: linkedIndex.appendingPathComponent("takes.json"), to: realIndex)
        try fm.createSymbolicLink(at: linkedIndex.appendingPathComponent("takes.json"), withDestinationURL: realIndex)
        // The bundle directory itself a link.
        let linkedBundle = fixture.source.scratch.appendingPathComponent("linked-bundle")
        try fm.createSymbolicLink(at: linkedBundle, withDestinationURL: fixture.directory)

        for bundle in [linkedFile, linkedDirectory, linkedIndex, linkedBundle] {
            let result = try trainer.run("import-bundle", bundle.path)
            #expect(LogCLI.refusedInOneLine(result), "\(bundle.lastPathComponent): \(result.stderr)")
            #expect(result.stderr.contains("symbolic link"), "\(bundle.lastPathComponent): \(result.stderr)")
            #expect(try trainer.takesJSON().isEmpty)
            #expect(trainer.recordingFiles.isEmpty)
            #expect(!Self.homeHolds("SECRET-HASH", trainer))
        }
        // The untouched bundle still imports.
        #expect(try trainer.run("import-bundle", fixture.directory.path).status == 0)
        #expect(try trainer.takesJSON().count == 2)
    }

    @Test("item 1: a FIFO, a directory or a text file as a recording is refused at once; every recording must decode as audio")
    func onlyAudioFiles() throws {
        let fixture = try BundleFixture()
        let trainer = try LogCLI()
        defer { fixture.cleanUp(); trainer.cleanUp() }
        let name = try fixture.entries()[1]["recording"] as? String ?? ""
        let cases: [(String, (URL) throws -> Void, String)] = [
            ("fifo", { url in _ = try fixture.source.tool("mkfifo", [url.path]) }, "is not a regular file"),
            ("directory", { url in try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false) }, "is not a regular file"),
            ("text", { url in try Data("root:SECRET-HASH:19000\n".utf8).write(to: url) }, "does not decode as audio"),
        ]
        for (label, make, expected) in cases {
            let bundle = try fixture.copy("only-\(label)")
            try FileManager.default.removeItem(at: bundle.appendingPathComponent(name))
            try make(bundle.appendingPathComponent(name))
            let started = Date()
            let result = try trainer.run("import-bundle", bundle.path)
            #expect(Date().timeIntervalSince(started) < 10, "\(label): hung")
            #expect(LogCLI.refusedInOneLine(result), "\(label): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(label): \(result.stderr)")
            #expect(result.stderr.contains("nothing was imported"), "\(label)")
            // All or nothing: the first, valid take did not get in either, and no copy is left.
            #expect(try trainer.takesJSON().isEmpty, "\(label)")
            #expect(trainer.recordingFiles.isEmpty, "\(label): \(trainer.recordingFiles)")
        }
    }

    @Test("refusals and the summary read Dutch with --lang nl (a link, a repeated uuid, no index)")
    func dutch() throws {
        let fixture = try BundleFixture()
        let trainer = try LogCLI()
        defer { fixture.cleanUp(); trainer.cleanUp() }
        let entries = try fixture.entries()
        let name = try #require(entries[1]["recording"] as? String)
        let linked = try fixture.copy("dutch-link")
        try FileManager.default.removeItem(at: linked.appendingPathComponent(name))
        try FileManager.default.createSymbolicLink(at: linked.appendingPathComponent(name), withDestinationURL: try Self.secret(in: fixture.source))
        let twice = try fixture.copy("dutch-twice")
        var forged = entries
        forged[1]["uuid"] = forged[0]["uuid"]
        try JSONSerialization.data(withJSONObject: forged).write(to: twice.appendingPathComponent("takes.json"))
        let unindexed = try fixture.copy("dutch-unindexed")
        try FileManager.default.removeItem(at: unindexed.appendingPathComponent("takes.json"))
        let uuid = (entries[0]["uuid"] as? String ?? "").lowercased()
        let cases: [(URL, String)] = [
            (linked, "is een symbolische link; een bundel bevat alleen gewone bestanden — exporteer hem opnieuw; er is niets geïmporteerd"),
            (twice, "opname \(uuid) (item 2): de uuid komt twee keer voor; exporteer de bundel opnieuw — er is niets geïmporteerd"),
            (unindexed, "geen takes.json; is dit een bundel die `stilte export` schreef?"),
        ]
        for (bundle, expected) in cases {
            let result = try trainer.run("import-bundle", bundle.path, "--lang", "nl")
            #expect(LogCLI.refusedInOneLine(result), "\(bundle.lastPathComponent): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(bundle.lastPathComponent): \(result.stderr)")
            #expect(!result.stderr.contains("nothing was imported"), "\(bundle.lastPathComponent): \(result.stderr)")
        }
        let imported = try trainer.run("import-bundle", fixture.directory.path, "--lang", "nl")
        #expect(imported.stdout == "2 opnamen geïmporteerd (0 stonden al in het logboek) en 0 beoordelingen.\n", "\(imported.stdout)")
    }
}
