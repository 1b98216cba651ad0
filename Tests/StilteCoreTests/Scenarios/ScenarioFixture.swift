import Foundation
@testable import StilteCore

/// A throwaway scenario library: `<tmp>/Scenarios` and `<tmp>/Audio`, removed on deinit.
final class ScenarioFixture {
    let root: URL
    var scenarios: URL { root.appendingPathComponent("Scenarios") }
    var audio: URL { root.appendingPathComponent("Audio") }

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("stilte-scenarios-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Scenarios"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Audio"),
                                                withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes a scenario file (`name` inside `Scenarios/`).
    func write(_ name: String, _ text: String) throws {
        try text.write(to: scenarios.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Creates a (content-free) prompt file inside `Audio/`.
    func touchAudio(_ path: String) throws {
        let url = audio.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("prompt".utf8).write(to: url)
    }

    func load(requireAudio: Bool = true) throws -> ScenarioLibrary {
        try ScenarioLibrary.load(scenariosDirectory: scenarios, requireAudio: requireAudio)
    }

    /// A valid one-turn scenario; `turnExtra` lines are appended inside the turn,
    /// `extra` lines at the top level. The turn's `audio:` is on line 10.
    static func scenario(id: String, language: String = "en", pair: String? = nil,
                         audio: String? = nil, turnExtra: String = "", extra: String = "") -> String {
        var text = """
            id: \(id)
            title: A client asks
            language: \(language)
            client:
              name: Ann Smit
            moment: asks-for-you
            context: Ann wants you to do it yourself.
            turns:
              - prompt: Will you do it yourself?
                audio: \(audio ?? "\(id)-1.ogg")

            """
        if !turnExtra.isEmpty { text += turnExtra.split(separator: "\n").map { "    \($0)\n" }.joined() }
        if let pair { text += "pair: \(pair)\n" }
        text += extra
        return text
    }
}
