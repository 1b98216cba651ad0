import Foundation

/// The scenarios of one library: a directory of scenario files (`Scenarios/`) and the prompt
/// recordings they refer to (`Audio/`, next to it).
///
/// Loading never stops at a bad file: every file is parsed on its own, valid scenarios land in
/// ``scenarios`` and each problem, with file, line and field, in ``errors``.
///
/// ```swift
/// let library = try ScenarioLibrary.load(scenariosDirectory: ScenarioLibrary.locate())
/// for error in library.errors { print(error) }
/// let scenario = library.scenario(id: "asks-for-you.nl")
/// ```
public struct ScenarioLibrary: Sendable {
    /// The directory holding the scenario files.
    public let scenariosDirectory: URL
    /// The directory the turns' `audio` paths are relative to.
    public let audioDirectory: URL
    /// The valid scenarios, sorted by id.
    public let scenarios: [Scenario]
    /// One entry per problem, in file order; a file with errors contributes no scenario.
    public let errors: [ScenarioError]

    /// The environment variable naming the scenarios directory.
    public static let environmentVariable = "STILTE_SCENARIOS"
    /// File name extensions read as scenario files.
    public static let fileExtensions: Set<String> = ["yaml", "yml"]

    /// The scenario with this id, if it loaded.
    public func scenario(id: String) -> Scenario? {
        scenarios.first { $0.id == id }
    }

    /// The errors found in the file of the scenario with this id (its file name without extension).
    public func errors(forID id: String) -> [ScenarioError] {
        errors.filter { error in
            let name = (error.file as NSString).lastPathComponent
            return Self.fileExtensions.contains { name == "\(id).\($0)" }
        }
    }

    /// Loads every `*.yaml`/`*.yml` file directly inside `scenariosDirectory`.
    ///
    /// - Parameters:
    ///   - audioDirectory: where prompt files live; default `Audio/` next to `scenariosDirectory`.
    ///   - requireAudio: whether a prompt file that does not exist is an error. Only
    ///     `scripts/make-prompts`, which creates them, passes false; paths are confined to
    ///     `Audio/` either way.
    /// - Throws: ``ScenarioError`` (`.unreadable`) only when the directory itself cannot be listed.
    public static func load(scenariosDirectory: URL, audioDirectory: URL? = nil,
                            requireAudio: Bool = true) throws(ScenarioError) -> ScenarioLibrary {
        let audioDirectory = audioDirectory
            ?? scenariosDirectory.deletingLastPathComponent().appendingPathComponent("Audio", isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: scenariosDirectory.path)
        } catch {
            throw ScenarioError(.unreadable, file: displayPath(scenariosDirectory),
                                "cannot list the scenarios directory — check the path given with --scenarios or \(environmentVariable)")
        }
        let files = names
            .filter { !$0.hasPrefix(".") && fileExtensions.contains(($0 as NSString).pathExtension) }
            .sorted()
            .map { scenariosDirectory.appendingPathComponent($0) }

        let locator = PromptLocator(directory: audioDirectory)
        var parsed: [ParsedScenario] = []
        var errors: [ScenarioError] = []
        var budget = ScenarioLimits.libraryBytes
        reading: for (index, file) in files.enumerated() {
            let display = displayPath(file)
            let data: Data
            switch ScenarioFileReader.read(file, display: display, budget: budget, filesAfter: files.count - index - 1) {
            case .read(let read): data = read
            case .refused(let error):
                errors.append(error)
                continue reading
            case .libraryFull(let error):
                errors.append(error)
                break reading
            }
            budget -= data.count
            guard let text = String(data: data, encoding: .utf8) else {
                errors.append(ScenarioError(.unreadable, file: display, Phrase(
                    en: "is not UTF-8 text — save it as UTF-8",
                    nl: "is geen UTF-8-tekst — sla het op als UTF-8")))
                continue
            }
            var parser = ScenarioParser(displayPath: display, fileURL: file, audio: locator, requireAudio: requireAudio)
            if let scenario = parser.parse(text) { parsed.append(scenario) }
            errors += parser.errors
        }
        let (scenarios, libraryErrors) = checkAcrossFiles(parsed)
        return ScenarioLibrary(scenariosDirectory: scenariosDirectory, audioDirectory: audioDirectory,
                               scenarios: scenarios.sorted { $0.id < $1.id }, errors: errors + libraryErrors)
    }

    /// Unique ids, and pairs that name a loaded scenario in the other language which names them back.
    private static func checkAcrossFiles(_ parsed: [ParsedScenario]) -> ([Scenario], [ScenarioError]) {
        var errors: [ScenarioError] = []
        var byID: [String: ParsedScenario] = [:]
        var unique: [ParsedScenario] = []
        for entry in parsed {
            if let first = byID[entry.scenario.id] {
                errors.append(ScenarioError(.duplicateID, file: entry.displayPath, line: entry.idLine, field: "id",
                    "\"\(entry.scenario.id)\" is already used by \(first.displayPath) — ids must be unique; keep one file"))
                continue
            }
            byID[entry.scenario.id] = entry
            unique.append(entry)
        }
        var valid: [Scenario] = []
        for entry in unique {
            let scenario = entry.scenario
            guard let pairID = scenario.pair else { valid.append(scenario); continue }
            let problem: String?
            if pairID == scenario.id {
                problem = "a scenario cannot pair with itself — name its version in the other language"
            } else if let other = byID[pairID]?.scenario {
                if other.language == scenario.language {
                    problem = "\"\(pairID)\" is also in \(scenario.language.rawValue) — pair an nl scenario with an en one"
                } else if other.pair != scenario.id {
                    problem = "\"\(pairID)\" does not pair back (its pair is \(other.pair.map { "\"\($0)\"" } ?? "missing")) — set pair: \(scenario.id) in it"
                } else {
                    problem = nil
                }
            } else {
                problem = "no valid scenario \"\(pairID)\" in this library — add it, fix its errors, or remove pair"
            }
            if let problem {
                errors.append(ScenarioError(.badPair, file: entry.displayPath, line: entry.pairLine, field: "pair", problem))
            } else {
                valid.append(scenario)
            }
        }
        return (valid, errors)
    }

    /// `url`'s path relative to the working directory when inside it, else absolute.
    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
