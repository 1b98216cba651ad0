import Foundation
import Testing

/// Issue #12: random mutations of a valid bundle (its fields, JSON values, paths, file types,
/// sizes and symbolic links) fed to `stilte import-bundle`, all into one trainer's home.
///
/// Every run must end by `exit` with 0, or with 1 and one `Error:` line (never by a signal,
/// never hanging); no file outside the home may change (a sentinel directory the links point
/// at, the valid bundle, the mutated bundle itself), the home holds no orphan recording, and
/// the log still opens. The seed is printed and named in every failure: rerun one with
/// `STILTE_FUZZ_SEED=S` (`STILTE_FUZZ_VERBOSE=1` prints every run). Time-bounded (``budget``, 40 s) so CI on 2 cores stays well under its
/// limit; worth it because a single bad field once poisoned a whole log (item 2).
@Suite("Bundle fuzzing")
struct BundleFuzzTests {
    /// The seed CI uses (the date this test was written); `STILTE_FUZZ_SEED` overrides it.
    static let defaultSeed: UInt64 = 20_261_203
    /// Wall-clock time the mutated imports may take together, in seconds.
    static let budget: TimeInterval = 40
    /// Longest one import may take before it counts as hung, in seconds (a 1 s take imports in
    /// well under 2 s on the slowest CI machine).
    static let hangSeconds: TimeInterval = 30

    @Test("random mutations of a valid bundle: 0 crashes, 0 files touched outside the home, the log still opens")
    func mutatedBundles() throws {
        let seed = ProcessInfo.processInfo.environment["STILTE_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        print("BundleFuzzTests seed \(seed) (rerun with STILTE_FUZZ_SEED=\(seed))")
        let fixture = try BundleFixture()
        let trainer = try LogCLI()
        defer { fixture.cleanUp(); trainer.cleanUp() }
        #expect(try fixture.source.run("review", "rate", "1", "--rating", "4", "--comment", "steady", "--reviewer", "mark").status == 0)
        try FileManager.default.removeItem(at: fixture.directory)
        #expect(try fixture.source.run("export", "--trainee", "anna", fixture.directory.path).status == 0)

        let sentinel = fixture.source.scratch.appendingPathComponent("sentinel")
        try FileManager.default.createDirectory(at: sentinel.appendingPathComponent("inner"), withIntermediateDirectories: true)
        try Data("root:SENTINEL-SECRET:19000:0:99999:7:::\n".utf8).write(to: sentinel.appendingPathComponent("shadow"))
        try Data(count: 4096).write(to: sentinel.appendingPathComponent("inner/zeros.wav"))
        let outside = [sentinel, fixture.directory]
        let before = outside.map(Snapshot.init)

        let started = Date()
        var runs = 0, accepted = 0, refused = 0
        while Date().timeIntervalSince(started) < Self.budget {
            var rng = SplitMix64(seed: seed &+ UInt64(runs) &* 0x9E37_79B9_7F4A_7C15)
            let bundle = try fixture.copy("fuzz")
            let mutator = BundleMutator(bundle: bundle, sentinel: sentinel)
            let applied = try (0..<rng.int(in: 1...3)).map { _ in try mutator.apply(&rng) }
            let label = "seed \(seed) run \(runs): \(applied.joined(separator: "; "))"
            let bundleBefore = Snapshot(bundle)
            let runStarted = Date()
            let result = try Self.importBundle(bundle, into: trainer)
            if ProcessInfo.processInfo.environment["STILTE_FUZZ_VERBOSE"] != nil {
                print(String(format: "%.2f s exit %d %@: %@", Date().timeIntervalSince(runStarted), result.result.status, label, result.result.stderr))
            }
            #expect(!result.hung, "\(label): hung")
            #expect(!result.result.crashed, "\(label): killed by a signal: \(result.result.stderr)")
            if result.result.status == 0 {
                accepted += 1
                #expect(result.result.stdout.hasPrefix("Imported "), "\(label): \(result.result.stdout)")
            } else {
                refused += 1
                #expect(result.result.status == 1, "\(label): exit \(result.result.status)")
                #expect(LogCLI.refusedInOneLine(result.result), "\(label): \(result.result.stderr)")
            }
            #expect(Snapshot(bundle) == bundleBefore, "\(label): the bundle was changed")
            if runs % 5 == 0 || result.result.status == 0 { try Self.expectLogOpens(trainer, label) }
            runs += 1
            if result.hung || result.result.crashed { break }
        }
        print("BundleFuzzTests seed \(seed): \(runs) mutated bundles in \(Int(Date().timeIntervalSince(started))) s, \(accepted) imported, \(refused) refused")
        #expect(runs >= 10, "only \(runs) runs in \(Int(Self.budget)) s")
        try Self.expectLogOpens(trainer, "seed \(seed) at the end")
        for name in ["progress", "export"] {
            let args = name == "export" ? ["export", "--trainee", "anna", trainer.scratch.appendingPathComponent("re-export").path] : [name]
            let result = try trainer.run(args)
            #expect(!result.crashed && [0, 1].contains(result.status), "seed \(seed): \(name): \(result.stderr)")
        }
        try? FileManager.default.removeItem(at: trainer.scratch.appendingPathComponent("re-export"))
        try? FileManager.default.removeItem(at: fixture.source.scratch.appendingPathComponent("fuzz"))
        #expect(outside.map(Snapshot.init) == before, "seed \(seed): a file outside the home changed")
        #expect(!HostileBundleTests.homeHolds("SENTINEL-SECRET", trainer), "seed \(seed): the sentinel reached the home")
    }

    /// Runs `import-bundle`, killing it when it outlasts ``hangSeconds``.
    static func importBundle(_ bundle: URL, into cli: LogCLI) throws -> (result: LogCLI.Result, hung: Bool) {
        let out = cli.scratch.appendingPathComponent("fuzz-out"), err = cli.scratch.appendingPathComponent("fuzz-err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = try cli.start(["import-bundle", bundle.path], stdout: outHandle, stderr: errHandle)
        let deadline = Date().addingTimeInterval(hangSeconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        let hung = process.isRunning
        if hung { process.terminate() }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let text = { (url: URL) in String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self) }
        return (LogCLI.Result(status: process.terminationStatus, stdout: text(out), stderr: text(err),
                              crashed: !hung && process.terminationReason == .uncaughtSignal), hung)
    }

    /// The log opens and lists its takes, and every recording in the home belongs to a take.
    static func expectLogOpens(_ cli: LogCLI, _ label: String) throws {
        let listed = try cli.run("takes", "--json")
        #expect(listed.status == 0 && !listed.crashed, "\(label): takes --json: \(listed.stderr)")
        let takes = (try? JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))) as? [[String: Any]] ?? []
        let named = Set(takes.compactMap { ($0["recording"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } })
        #expect(Set(cli.recordingFiles) == named, "\(label): orphan or missing recordings \(cli.recordingFiles) vs \(named)")
    }
}

/// Every file and directory under a root with its type, size, mode and modification time;
/// equal snapshots mean nothing under the root was created, removed or written.
struct Snapshot: Equatable {
    var entries: [String: String] = [:]

    init(_ root: URL) {
        var info = stat()
        guard lstat(root.path, &info) == 0 else { return }
        entries["."] = Self.describe(info)
        guard info.st_mode & S_IFMT == S_IFDIR, let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        while let name = walker.nextObject() as? String {
            guard lstat(root.appendingPathComponent(name).path, &info) == 0 else { continue }
            entries[name] = Self.describe(info)
        }
    }

    private static func describe(_ info: stat) -> String {
        "\(info.st_mode) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}

/// A small seeded generator (SplitMix64), so a run can be repeated from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}

/// One random change to a bundle: a field, a JSON value, a path, a file's type, size or bytes.
/// Returns what it did, for the failure message.
struct BundleMutator {
    let bundle: URL
    let sentinel: URL
    private var fm: FileManager { .default }
    private var index: URL { bundle.appendingPathComponent("takes.json") }

    func apply(_ rng: inout SplitMix64) throws -> String {
        switch rng.int(in: 0...9) {
        case 0...3: return try mutateJSON(&rng)
        case 4...6: return try replaceRecording(&rng)
        case 7: return try corruptBytes(&rng)
        case 8: return try replaceStructure(&rng)
        default: return try replaceIndex(&rng)
        }
    }

    /// The index's entries, when it is still a small regular file (a FIFO would never end).
    private func entries() throws -> [[String: Any]] {
        var info = stat()
        guard lstat(index.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= 1 << 20 else { return [] }
        return (try? JSONSerialization.jsonObject(with: Data(contentsOf: index))) as? [[String: Any]] ?? []
    }

    private func write(_ entries: [[String: Any]]) throws {
        try? fm.removeItem(at: index)
        try JSONSerialization.data(withJSONObject: entries).write(to: index)
    }

    /// A JSON value of every kind, including the ones that once got through: year 10000,
    /// Int.max, 1e308, negative numbers, control characters, paths out of the bundle.
    static func value(_ rng: inout SplitMix64) -> Any {
        rng.pick([
            NSNull(), true, false, 0, -5, 1, 7, Int.max, Int.min, 1e308, -1e308, 0.5, 16000, 10_800.5, 99999,
            "", "anna", "mark", "x\u{1B}[2J\u{7}", String(repeating: "n", count: 5000), "../../etc/shadow", "/etc/shadow",
            "10000-01-01T00:00:00Z", "9999-12-31T23:59:59.000Z", "1970-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z",
            "not a date", "00000000-0000-0000-0000-000000000000", UUID().uuidString, "=HYPERLINK(\"x\")",
            [Any](), ["a", 1], ["seconds": 4, "tolerance": 0.5], ["seconds": -1, "tolerance": 1e308], [String: Any](),
        ] as [Any])
    }

    private static let fields = ["uuid", "trainee", "scenarioId", "turn", "recording", "sampleRate", "duration", "analysis",
                                 "target", "reactionTime", "overruns", "unreliable", "createdAt", "pauseDuration", "verdict", "reviews"]
    private static let reviewFields = ["uuid", "reviewer", "rating", "comment", "correctedPauseStart", "correctedPauseEnd", "createdAt"]
    private static let paths = ["../outside.wav", "/etc/shadow", "recordings/../takes.json", "recordings/", "recordings",
                                "recordings/a/b.wav", "recordings/" + String(repeating: "x", count: 300) + ".wav",
                                "", "recordings/\u{0}.wav", "recordings/./x.wav", "textgrids/x.TextGrid", "takes.json",
                                "recordings//x.wav", "recordings/\u{1B}.wav"]

    private func mutateJSON(_ rng: inout SplitMix64) throws -> String {
        var list = try entries()
        guard !list.isEmpty else { return "index already broken" }
        let n = rng.int(in: 0...(list.count - 1))
        switch rng.int(in: 0...9) {
        case 8, 9:
            // A new take whose fields keep their types but not their sense: these get past decoding.
            list[n]["uuid"] = UUID().uuidString
            let (field, value): (String, Any) = rng.pick([
                ("turn", rng.pick([-5, 0, 2, 1000, 1001, Int.max])), ("overruns", rng.pick([-1, 0, 1_080_001, Int.max])),
                ("reactionTime", rng.pick([-1.0, 0.0, 1e308, 10_801.0])), ("sampleRate", rng.pick([0, -1, Int.max])),
                ("createdAt", rng.pick(["10000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2025-06-01T12:00:00.000Z"])),
                ("trainee", rng.pick(["", "bert", "x\u{1B}]0;owned\u{7}", String(repeating: "a", count: 101)])),
                ("scenarioId", rng.pick(["", "../x", "no-such-scenario", "a/b"])),
                ("unreliable", true), ("duration", 1e308), ("pauseDuration", -3.0), ("verdict", "on-target"),
            ] as [(String, Any)])
            list[n][field] = value
            try write(list)
            return "entry \(n) new uuid, \(field) = \(String(describing: value).prefix(40))"
        case 0:
            let field = rng.pick(Self.fields)
            list[n][field] = Self.value(&rng)
            try write(list)
            return "entry \(n).\(field) = \(String(describing: list[n][field]!).prefix(40))"
        case 1:
            let field = rng.pick(Self.fields)
            list[n].removeValue(forKey: field)
            try write(list)
            return "entry \(n) without \(field)"
        case 2:
            let path = rng.pick(Self.paths)
            list[n]["recording"] = path
            try write(list)
            return "entry \(n).recording = \(path.debugDescription.prefix(40))"
        case 3:
            list.append(list[n])
            if rng.int(in: 0...1) == 0 { list[list.count - 1]["uuid"] = UUID().uuidString }
            try write(list)
            return "entry \(n) repeated"
        case 4:
            var reviews = list[n]["reviews"] as? [[String: Any]] ?? []
            var review: [String: Any] = ["uuid": UUID().uuidString, "reviewer": "mark", "rating": 3, "createdAt": "2026-01-01T00:00:00.000Z"]
            let field = rng.pick(Self.reviewFields)
            review[field] = Self.value(&rng)
            reviews.append(review)
            list[n]["reviews"] = reviews
            try write(list)
            return "entry \(n) review with \(field) = \(String(describing: review[field]!).prefix(40))"
        case 5:
            list[n]["uuid"] = UUID().uuidString
            try write(list)
            return "entry \(n) gets a new uuid"
        case 6:
            let field = rng.pick(["target", "analysis"])
            list[n][field] = ["seconds": Self.value(&rng), "tolerance": Self.value(&rng)]
            try write(list)
            return "entry \(n).\(field) replaced"
        default:
            list.swapAt(0, list.count - 1)
            try write(list)
            return "entries reordered"
        }
    }

    /// A recording of the bundle, when `recordings/` is still a real directory (never a file
    /// behind a link: the mutations must not touch the sentinel themselves).
    private func recordingURL(_ rng: inout SplitMix64) throws -> URL? {
        var info = stat()
        let directory = bundle.appendingPathComponent("recordings").path
        guard lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        let names = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
        guard !names.isEmpty else { return nil }
        return bundle.appendingPathComponent("recordings").appendingPathComponent(rng.pick(names.sorted()))
    }

    private func replaceRecording(_ rng: inout SplitMix64) throws -> String {
        guard let url = try recordingURL(&rng) else { return "no recording left" }
        try? fm.removeItem(at: url)
        switch rng.int(in: 0...8) {
        case 0:
            try fm.createSymbolicLink(at: url, withDestinationURL: sentinel.appendingPathComponent("shadow"))
            return "\(url.lastPathComponent) -> sentinel shadow"
        case 1:
            try fm.createSymbolicLink(at: url, withDestinationURL: sentinel.appendingPathComponent("inner/zeros.wav"))
            return "\(url.lastPathComponent) -> sentinel wav"
        case 2:
            try fm.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/zero")
            return "\(url.lastPathComponent) -> /dev/zero"
        case 3:
            guard mkfifo(url.path, 0o600) == 0 else { return "mkfifo failed" }
            return "\(url.lastPathComponent) is a FIFO"
        case 4:
            try fm.createDirectory(at: url, withIntermediateDirectories: false)
            return "\(url.lastPathComponent) is a directory"
        case 5:
            _ = fm.createFile(atPath: url.path, contents: Data())
            return "\(url.lastPathComponent) is empty"
        case 6:
            var bytes = [UInt8](repeating: 0, count: rng.int(in: 1...4096))
            for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
            _ = fm.createFile(atPath: url.path, contents: Data(bytes))
            return "\(url.lastPathComponent) is \(bytes.count) random bytes"
        case 7:
            // Sparse: larger than a recording may be, without using the disk.
            _ = fm.createFile(atPath: url.path, contents: Data("RIFF".utf8))
            guard truncate(url.path, off_t(3) << 30) == 0 else { return "truncate failed" }
            return "\(url.lastPathComponent) is a sparse 3 GiB file"
        default:
            try fm.createSymbolicLink(atPath: url.path, withDestinationPath: "../takes.json")
            return "\(url.lastPathComponent) -> ../takes.json"
        }
    }

    private func corruptBytes(_ rng: inout SplitMix64) throws -> String {
        // Only a small regular file: a FIFO or /dev/zero would never end, a sparse file is 3 GiB.
        var info = stat()
        guard let url = try recordingURL(&rng), lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              info.st_size <= 1 << 20, var data = fm.contents(atPath: url.path), !data.isEmpty else { return "nothing to corrupt" }
        if rng.int(in: 0...1) == 0 {
            let cut = rng.int(in: 0...min(data.count - 1, 200))
            data = data.prefix(cut)
            try data.write(to: url)
            return "\(url.lastPathComponent) cut to \(cut) bytes"
        }
        let flips = rng.int(in: 1...8)
        for _ in 0..<flips {
            let at = rng.int(in: 0...min(data.count - 1, 63))
            data[at] = UInt8.random(in: 0...255, using: &rng)
        }
        try data.write(to: url)
        return "\(url.lastPathComponent) header: \(flips) bytes changed"
    }

    private func replaceStructure(_ rng: inout SplitMix64) throws -> String {
        let recordings = bundle.appendingPathComponent("recordings")
        switch rng.int(in: 0...3) {
        case 0:
            try? fm.removeItem(at: recordings)
            try fm.createSymbolicLink(at: recordings, withDestinationURL: sentinel)
            return "recordings -> sentinel"
        case 1:
            try? fm.removeItem(at: recordings)
            _ = fm.createFile(atPath: recordings.path, contents: Data("not a directory".utf8))
            return "recordings is a file"
        case 2:
            try? fm.removeItem(at: recordings)
            return "recordings removed"
        default:
            let textgrids = bundle.appendingPathComponent("textgrids")
            try? fm.removeItem(at: textgrids)
            try fm.createSymbolicLink(at: textgrids, withDestinationURL: sentinel)
            return "textgrids -> sentinel"
        }
    }

    private func replaceIndex(_ rng: inout SplitMix64) throws -> String {
        let original = (try? JSONSerialization.data(withJSONObject: try entries())) ?? Data()
        try? fm.removeItem(at: index)
        switch rng.int(in: 0...6) {
        case 0:
            try fm.createSymbolicLink(at: index, withDestinationURL: sentinel.appendingPathComponent("shadow"))
            return "takes.json -> sentinel"
        case 1:
            guard mkfifo(index.path, 0o600) == 0 else { return "mkfifo failed" }
            return "takes.json is a FIFO"
        case 2:
            let cut = rng.int(in: 0...max(0, original.count - 1))
            try original.prefix(cut).write(to: index)
            return "takes.json cut to \(cut) bytes"
        case 3:
            try Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8).write(to: index)
            return "takes.json nested 100000 deep"
        case 4:
            _ = fm.createFile(atPath: index.path, contents: Data("[]".utf8))
            guard truncate(index.path, off_t(100) << 20) == 0 else { return "truncate failed" }
            return "takes.json is a sparse 100 MiB file"
        case 5:
            try JSONSerialization.data(withJSONObject: rng.pick([["a": 1], [1, 2, 3], ["x"]] as [Any])).write(to: index)
            return "takes.json of another shape"
        default:
            try fm.createDirectory(at: index, withIntermediateDirectories: false)
            return "takes.json is a directory"
        }
    }
}
