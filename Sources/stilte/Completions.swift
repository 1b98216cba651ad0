import ArgumentParser
import Foundation
import StilteAudio
import StilteCore
import StilteStoreSQLite

/// Dynamic shell completion (`stilte --generate-completion-script bash|zsh|fish`): the
/// candidates come from this machine when TAB is pressed. Nothing here creates a file: without
/// a session log or a scenario library a completion simply offers nothing.
enum Completions {
    /// The candidates of `all` that start with `prefix` (the shells filter too; this keeps the list short).
    static func matching(_ all: [String], _ prefix: String) -> [String] {
        all.filter { $0.hasPrefix(prefix) }
    }

    /// The session log when one exists; never creates it.
    static func existingLog() -> (any SessionLog)? {
        let home = StilteHome.fromEnvironment()
        guard SQLiteStore.exists(in: home) else { return nil }
        return try? SQLiteStore.open(home: home, access: .readOnly)
    }

    /// The scenario ids (the `--scenarios` given on the command line, else the default library).
    static var scenarioIds: CompletionKind {
        .custom { words, _, prefix in
        let explicit = words.firstIndex(of: "--scenarios").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
        guard let directory = try? ScenarioLibrary.locate(explicit: explicit),
              let library = try? ScenarioLibrary.load(scenariosDirectory: directory, requireAudio: false) else { return [] }
        return matching(library.scenarios.map(\.id), prefix)
    } }

    /// The trainee names in the session log.
    static var traineeNames: CompletionKind {
        .custom { _, _, prefix in
        let names = (try? existingLog()?.trainees().map(\.name)) ?? []
        return matching(names.sorted(), prefix)
    } }

    /// The take ids and their short UUIDs.
    static var takeReferences: CompletionKind {
        .custom { _, _, prefix in
        let takes = (try? existingLog()?.takes(TakeFilter())) ?? []
        return matching(takes.flatMap { ["\($0.id ?? 0)", $0.shortUUID] }, prefix)
    } }

    /// The ALSA PCM names for playback.
    static var playbackDevices: CompletionKind { .custom { _, _, prefix in devices(.playback, prefix) } }

    /// The ALSA PCM names for capture.
    static var captureDevices: CompletionKind { .custom { _, _, prefix in devices(.capture, prefix) } }

    /// The ALSA PCM names either way (`--device` of `play` and `record`).
    static var anyDevices: CompletionKind { .custom { _, _, prefix in devices([.playback, .capture], prefix) } }

    private static func devices(_ direction: AudioDevice.Directions, _ prefix: String) -> [String] {
        let all = (try? AudioDevice.all()) ?? []
        return matching(all.filter { !$0.directions.isDisjoint(with: direction) }.map(\.name), prefix)
    }
}
