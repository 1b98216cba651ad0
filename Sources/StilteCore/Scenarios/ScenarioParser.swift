import Foundation
import StilteAnalysis
import Yams

/// Turns the text of one scenario file into a ``Scenario``, collecting every problem it finds
/// (each with file, line and field) instead of stopping at the first.
struct ScenarioParser {
    /// The file as shown in errors.
    let displayPath: String
    let fileURL: URL
    let audio: PromptLocator
    /// Whether a missing prompt file is an error (false only while generating the prompts).
    let requireAudio: Bool

    private(set) var errors: [ScenarioError] = []

    init(displayPath: String, fileURL: URL, audio: PromptLocator, requireAudio: Bool) {
        self.displayPath = displayPath
        self.fileURL = fileURL
        self.audio = audio
        self.requireAudio = requireAudio
    }

    static let scenarioKeys = ["id", "title", "language", "pair", "client", "moment", "context", "turns", "tip"]
    static let clientKeys = ["name", "voice"]
    static let turnKeys = ["prompt", "audio", "target", "tolerance", "minPause", "thinkingPause", "solutionSpeech", "example", "tip"]

    /// The scenario and where its `pair` field sits, or nil when the file has errors (see `errors`).
    mutating func parse(_ text: String) -> ParsedScenario? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, problem) = Self.describe(error)
            errors.append(ScenarioError(.syntax, file: displayPath, line: line, "\(problem) — fix the YAML syntax"))
            return nil
        } catch {
            errors.append(ScenarioError(.syntax, file: displayPath, "\(error) — fix the YAML syntax"))
            return nil
        }
        guard let root, let mapping = mapping(root, field: nil) else {
            if root == nil {
                errors.append(ScenarioError(.missingField, file: displayPath, line: 1,
                                            "the file is empty — start from the example in Scenarios/README.md"))
            }
            return nil
        }
        checkKeys(mapping, allowed: Self.scenarioKeys, path: "")

        let id = string(mapping, "id", path: "")
        if let id {
            let stem = fileURL.deletingPathExtension().lastPathComponent
            if id.value != stem {
                add(.idMismatch, id.line, "id", "\"\(id.value)\" differs from the file name — rename the file to \(id.value).yaml or set id: \(stem)")
            }
        }
        let title = string(mapping, "title", path: "")
        let language = enumValue(mapping, "language", path: "", as: ScenarioLanguage.self)
        let pair = string(mapping, "pair", path: "", required: false)
        let client = parseClient(mapping)
        let moment = enumValue(mapping, "moment", path: "", as: ScenarioMoment.self)
        let context = string(mapping, "context", path: "")
        let tip = string(mapping, "tip", path: "", required: false)
        let turns = parseTurns(mapping, scenarioID: id?.value)

        guard errors.isEmpty, let id, let title, let language, let client, let moment, let context, let turns
        else { return nil }
        let scenario = Scenario(id: id.value, title: title.value, language: language, pair: pair?.value,
                                client: client, moment: moment, context: context.value, turns: turns,
                                tip: tip?.value, file: fileURL)
        return ParsedScenario(scenario: scenario, displayPath: displayPath, idLine: id.line, pairLine: pair?.line)
    }

    // MARK: - Parts

    private mutating func parseClient(_ scenario: Node.Mapping) -> ScenarioClient? {
        guard let node = value(scenario, "client", path: "", required: true),
              let mapping = mapping(node, field: "client") else { return nil }
        checkKeys(mapping, allowed: Self.clientKeys, path: "client")
        let name = string(mapping, "name", path: "client")
        let voice = string(mapping, "voice", path: "client", required: false)
        if let voice, voice.value.range(of: "^[A-Za-z0-9_-]+$", options: .regularExpression) == nil {
            add(.badValue, voice.line, "client.voice",
                "\"\(voice.value)\" is not an espeak-ng voice variant name — use one like f3 or m2 (espeak-ng --voices=variant)")
        }
        guard let name else { return nil }
        return ScenarioClient(name: name.value, voice: voice?.value)
    }

    private mutating func parseTurns(_ scenario: Node.Mapping, scenarioID: String?) -> [ScenarioTurn]? {
        guard let node = value(scenario, "turns", path: "", required: true) else { return nil }
        guard case let .sequence(sequence) = node else {
            add(.wrongType, line(of: node), "turns", "expected a list of turns (lines starting with \"- prompt:\")")
            return nil
        }
        if sequence.isEmpty {
            add(.missingField, line(of: node), "turns", "the list is empty — give the client at least one turn")
            return nil
        }
        var turns: [ScenarioTurn] = []
        for (index, element) in sequence.enumerated() {
            if let turn = parseTurn(element, path: "turns[\(index)]") { turns.append(turn) }
        }
        return turns.count == sequence.count ? turns : nil
    }

    private mutating func parseTurn(_ node: Node, path: String) -> ScenarioTurn? {
        guard let mapping = mapping(node, field: path) else { return nil }
        checkKeys(mapping, allowed: Self.turnKeys, path: path)
        let prompt = string(mapping, "prompt", path: path)
        let audioPath = string(mapping, "audio", path: path)
        let defaults = AnalysisParameters()
        let target = number(mapping, "target", path: path) ?? Located(value: defaults.target.seconds, line: nil)
        let tolerance = number(mapping, "tolerance", path: path) ?? Located(value: defaults.target.tolerance, line: nil)
        let minPause = number(mapping, "minPause", path: path) ?? Located(value: defaults.minPause, line: nil)
        let example = string(mapping, "example", path: path, required: false)
        let tip = string(mapping, "tip", path: path, required: false)
        let thinkingPause = number(mapping, "thinkingPause", path: path)
            ?? Located(value: StopRule.defaultThinkingPause, line: nil)
        let solutionSpeech = number(mapping, "solutionSpeech", path: path)
            ?? Located(value: StopRule.defaultSolutionSpeech, line: nil)

        var valid = true
        let parameters = AnalysisParameters(target: PauseTarget(seconds: target.value, tolerance: tolerance.value), minPause: minPause.value)
        do { _ = try parameters.validated() } catch {
            let field: Located<Double>, name: String
            switch error {
            case .target: (field, name) = (target, "target")
            case .tolerance: (field, name) = (tolerance, "tolerance")
            case .minPause, .longestRefusal: (field, name) = (minPause, "minPause")
            }
            add(.badValue, field.line ?? line(of: node), "\(path).\(name)",
                ParameterText.phrase(error, names: .fields).en)
            valid = false
        }
        if !(thinkingPause.value >= 1 && thinkingPause.value <= 30) {
            add(.badValue, thinkingPause.line ?? line(of: node), "\(path).thinkingPause",
                "\(thinkingPause.value) s is not a thinking pause — give seconds between 1 and 30, e.g. 2.5")
            valid = false
        }
        if !(solutionSpeech.value >= 0 && solutionSpeech.value <= 10) {
            add(.badValue, solutionSpeech.line ?? line(of: node), "\(path).solutionSpeech",
                "\(solutionSpeech.value) s is not a length of speech — give seconds between 0 and 10, e.g. 0.4")
            valid = false
        }
        var audioURL: URL?
        if let audioPath {
            switch audio.resolve(audioPath.value, requireExisting: requireAudio) {
            case .success(let url): audioURL = url
            case .failure(let problem):
                add(problem.code, audioPath.line, "\(path).audio", problem.message)
            }
        }
        guard valid, let prompt, let audioPath, let audioURL else { return nil }
        return ScenarioTurn(prompt: prompt.value, audio: audioPath.value, audioURL: audioURL,
                            target: parameters.target, minPause: parameters.minPause, example: example?.value, tip: tip?.value,
                            thinkingPause: thinkingPause.value, solutionSpeech: solutionSpeech.value)
    }

    // MARK: - Field readers

    private mutating func add(_ code: ScenarioError.Code, _ line: Int?, _ field: String?, _ message: String) {
        errors.append(ScenarioError(code, file: displayPath, line: line, field: field, message))
    }

    private func line(of node: Node) -> Int? { node.mark?.line }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private mutating func mapping(_ node: Node, field: String?) -> Node.Mapping? {
        if case let .mapping(mapping) = node { return mapping }
        add(.wrongType, line(of: node), field, "expected a mapping of \"key: value\" lines")
        return nil
    }

    private mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], path: String) {
        for key in mapping.keys {
            let name = key.scalar?.string ?? "?"
            guard !allowed.contains(name) else { continue }
            let hint = Self.closest(to: name, in: allowed).map { "did you mean \"\($0)\"? " } ?? ""
            add(.unknownKey, line(of: key), join(path, name),
                "unknown key — \(hint)allowed here: \(allowed.joined(separator: ", "))")
        }
    }

    private mutating func value(_ mapping: Node.Mapping, _ key: String, path: String, required: Bool) -> Node? {
        if let node = mapping[key] {
            if case let .scalar(scalar) = node, scalar.style == .plain, node.null != nil {
                if required { add(.missingField, line(of: node), join(path, key), "has no value — fill it in") }
                return nil
            }
            return node
        }
        if required {
            add(.missingField, mapping.mark?.line, join(path, key), "required field is missing — add \"\(key):\"")
        }
        return nil
    }

    private mutating func string(_ mapping: Node.Mapping, _ key: String, path: String,
                                 required: Bool = true) -> Located<String>? {
        guard let node = value(mapping, key, path: path, required: required) else { return nil }
        guard case let .scalar(scalar) = node else {
            add(.wrongType, line(of: node), join(path, key), "expected text, found a \(Self.kind(of: node))")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            add(.missingField, line(of: node), join(path, key), "is empty — fill it in")
            return nil
        }
        return Located(value: text, line: line(of: node))
    }

    private mutating func number(_ mapping: Node.Mapping, _ key: String, path: String) -> Located<Double>? {
        guard let node = value(mapping, key, path: path, required: false) else { return nil }
        guard case let .scalar(scalar) = node, let number = Double(scalar.string.trimmingCharacters(in: .whitespaces)),
              number.isFinite else {
            add(.wrongType, line(of: node), join(path, key), "expected a number of seconds, e.g. 4.0")
            return nil
        }
        return Located(value: number, line: line(of: node))
    }

    private mutating func enumValue<E: RawRepresentable & CaseIterable>(
        _ mapping: Node.Mapping, _ key: String, path: String, as type: E.Type
    ) -> E? where E.RawValue == String {
        guard let text = string(mapping, key, path: path) else { return nil }
        if let value = E(rawValue: text.value) { return value }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        add(.badValue, text.line, join(path, key), "\"\(text.value)\" is not one of: \(allowed)")
        return nil
    }

    // MARK: - Helpers

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }

    /// The allowed key a typo most likely meant (edit distance ≤ 2), if any.
    static func closest(to key: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The line and the problem of a YAML syntax error, on one line.
    static func describe(_ error: YamlError) -> (Int?, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return (mark.line, "YAML: \(prefix)\(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, "key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) appears twice — keep one")
        default:
            let firstLine = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            return (nil, "YAML: \(firstLine)")
        }
    }
}

/// A value with the line it was read from.
struct Located<Value> {
    var value: Value
    var line: Int?
}

/// A scenario before the checks that need the whole library (unique ids, pairs).
struct ParsedScenario {
    var scenario: Scenario
    var displayPath: String
    var idLine: Int?
    var pairLine: Int?
}
