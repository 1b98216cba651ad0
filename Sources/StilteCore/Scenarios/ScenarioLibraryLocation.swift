import Foundation

extension ScenarioLibrary {
    /// Finds the scenarios directory, in this order:
    /// 1. `explicit` (the CLI's `--scenarios DIR`),
    /// 2. the `STILTE_SCENARIOS` environment variable,
    /// 3. the nearest directory above the executable that holds both `Scenarios/` and `Audio/`
    ///    (a build in `.build/debug/stilte` finds the package root's library, from any working directory).
    ///
    /// - Throws: ``ScenarioError`` (`.noLibrary`) naming what was tried and what to do.
    public static func locate(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = currentExecutable()) throws(ScenarioError) -> URL {
        if let explicit {
            return try existingDirectory(explicit, origin: "--scenarios")
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return try existingDirectory(fromEnvironment, origin: environmentVariable)
        }
        guard let executable else {
            throw ScenarioError(.noLibrary, file: "stilte",
                                "cannot tell where the executable is — pass --scenarios DIR or set \(environmentVariable)")
        }
        var directory = executable.deletingLastPathComponent().standardizedFileURL
        while true {
            let scenarios = directory.appendingPathComponent("Scenarios", isDirectory: true)
            let audio = directory.appendingPathComponent("Audio", isDirectory: true)
            if isDirectory(scenarios.path), isDirectory(audio.path) { return scenarios }
            let parent = directory.deletingLastPathComponent().standardizedFileURL
            if parent.path == directory.path { break }
            directory = parent
        }
        throw ScenarioError(.noLibrary, file: executable.deletingLastPathComponent().path,
                            "no Scenarios/ and Audio/ found here or above — pass --scenarios DIR or set \(environmentVariable)")
    }

    /// The running executable, with symbolic links resolved (Linux: `/proc/self/exe`).
    public static func currentExecutable() -> URL? {
        if let path = PromptLocator.realPath("/proc/self/exe") { return URL(fileURLWithPath: path) }
        guard let first = CommandLine.arguments.first, let path = PromptLocator.realPath(first) else { return nil }
        return URL(fileURLWithPath: path)
    }

    private static func existingDirectory(_ path: String, origin: String) throws(ScenarioError) -> URL {
        guard isDirectory(path) else {
            throw ScenarioError(.noLibrary, file: path,
                                "is not a directory (from \(origin)) — give the directory holding the scenario files")
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
