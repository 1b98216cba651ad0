import Foundation

/// A valid bundle made by the real `stilte export`, and the tools to forge it (the hostile-bundle tests).
struct BundleFixture {
    /// The trainee's machine, which exported the bundle.
    let source: LogCLI
    /// The bundle directory.
    let directory: URL

    /// Imports `count` short tone recordings for `trainee` (sox; any audio will do) and exports them.
    init(takes count: Int = 2, trainee: String = "anna", seconds: Double = 1) throws {
        source = try LogCLI()
        var files: [String] = []
        for index in 0..<count {
            let wav = source.scratch.appendingPathComponent("tone\(index).wav")
            try source.tool("sox", ["-n", "-r", "16000", "-b", "16", "-c", "1", wav.path, "synth", String(seconds), "sine", String(200 + 50 * index)])
            files.append(wav.path)
        }
        let imported = try source.run(["import"] + files + ["--trainee", trainee, "--scenario", "clinic-flatters.en"])
        guard imported.status == 0 else { throw NSError(domain: "BundleFixture", code: 1, userInfo: [NSLocalizedDescriptionKey: imported.stderr]) }
        directory = source.scratch.appendingPathComponent("bundle")
        let exported = try source.run("export", "--trainee", trainee, directory.path)
        guard exported.status == 0 else { throw NSError(domain: "BundleFixture", code: 2, userInfo: [NSLocalizedDescriptionKey: exported.stderr]) }
    }

    func cleanUp() { source.cleanUp() }

    var index: URL { directory.appendingPathComponent("takes.json") }

    /// The entries of `takes.json`, loosely typed.
    func entries() throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: index)) as? [[String: Any]] ?? []
    }

    /// Rewrites `takes.json` with `body` applied to its entries.
    func forge(_ body: (inout [[String: Any]]) throws -> Void) throws {
        var list = try entries()
        try body(&list)
        try JSONSerialization.data(withJSONObject: list).write(to: index)
    }

    /// The recording of entry `n`, as a URL inside the bundle.
    func recording(_ n: Int) throws -> URL {
        directory.appendingPathComponent(try entries()[n]["recording"] as? String ?? "")
    }

    /// A copy of this bundle at `name` in the source's scratch space.
    func copy(_ name: String) throws -> URL {
        let copy = source.scratch.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: directory, to: copy)
        return copy
    }
}

extension LogCLI {
    /// Every file under the home's `recordings/`.
    var recordingFiles: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("recordings").path)) ?? []
    }

    /// Whether the run ended by `exit` with a failure status and a single line on stderr (no crash, no signal).
    static func refusedInOneLine(_ result: Result) -> Bool {
        !result.crashed && result.status != 0 && result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("Error: ")
    }
}
