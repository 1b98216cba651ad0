import Foundation

/// Where Stilte keeps its data: `$STILTE_HOME`, else `$XDG_DATA_HOME/stilte`,
/// else `~/.local/share/stilte`. The embedded session log (StilteStoreSQLite) keeps its
/// file in it; the recordings are ``RecordingStore``'s.
public struct StilteHome: Sendable, Equatable {
    /// The directory itself.
    public var url: URL

    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    /// The home chosen by the environment (see the type's documentation).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> StilteHome {
        if let home = environment["STILTE_HOME"], !home.isEmpty {
            return StilteHome(url: URL(fileURLWithPath: home, isDirectory: true))
        }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return StilteHome(url: URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("stilte", isDirectory: true))
        }
        let user = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return StilteHome(url: user.appendingPathComponent(".local/share/stilte", isDirectory: true))
    }

    /// The directory of all recordings (``RecordingStore/directory``).
    public var recordingsURL: URL { RecordingStore(home: self).directory }
}
