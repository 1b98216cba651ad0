import Foundation
import StilteCore

/// Opening the embedded session log: the one entry a front end or a test needs, in
/// Core's terms only (no GRDB type), so it can stand beside other stores.
///
/// ```swift
/// let log = try SQLiteStore.open(home: .fromEnvironment())
/// let scratch = try SQLiteStore.open(at: URL(fileURLWithPath: "/tmp/stilte-test"), access: .readOnly)
/// ```
public enum SQLiteStore {
    /// The log in `home` (`stilte.sqlite`, with recordings beside it), created and migrated
    /// when missing unless `access` is `.readOnly`. Throws ``StoreError`` as
    /// ``SQLiteSessionLog/init(home:access:)`` does.
    public static func open(home: StilteHome, access: SQLiteSessionLog.Access = .readWrite) throws
        -> any SessionLog & ReviewBrowsing {
        try SQLiteSessionLog(home: home, access: access)
    }

    /// The log in the directory `directory` (a Stilte home), as ``open(home:access:)``.
    public static func open(at directory: URL, access: SQLiteSessionLog.Access = .readWrite) throws
        -> any SessionLog & ReviewBrowsing {
        try open(home: StilteHome(url: directory), access: access)
    }

    /// Whether `home` holds a log file yet (reading never creates one).
    public static func exists(in home: StilteHome) -> Bool {
        FileManager.default.fileExists(atPath: home.databaseURL.path)
    }
}

extension StilteHome {
    /// The SQLite session log's file in this home.
    public var databaseURL: URL { url.appendingPathComponent("stilte.sqlite") }
}
