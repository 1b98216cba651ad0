import Foundation
import GRDB
import Testing
@testable import StilteCore
@testable import StilteStoreSQLite

/// `STILTE_HOME` pointing somewhere Stilte must not write: a directory of someone else or that others
/// may write, symbolic links for the home, the log or `recordings/` (issue #12, item 3). Run as root
/// in CI, so files of "someone else" are made by `chown` to nobody.
@Suite("A hostile home is refused and left as it was")
struct HostileHomeTests {
    /// The uid of `nobody`: another user than the one running the tests.
    static let nobody: uid_t = 65_534

    /// A scratch directory holding a home and what it may point to.
    private struct Scratch {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-hostile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        func url(_ name: String) -> URL { root.appendingPathComponent(name) }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    private static func info(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    private static func refusal(_ home: StilteHome, access: SQLiteSessionLog.Access = .readWrite) -> StoreError? {
        do {
            _ = try SQLiteSessionLog(home: home, access: access)
            return nil
        } catch let error as StoreError {
            return error
        } catch {
            Issue.record("not a StoreError: \(error)")
            return nil
        }
    }

    @Test("a home anyone may write (1777) is refused, not chmod-ed")
    func worldWritableHome() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dir = scratch.url("shared")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
        #expect(chmod(dir.path, 0o1777) == 0)
        let error = Self.refusal(StilteHome(url: dir))
        #expect(error?.code == .unsafePath)
        #expect(error?.description.hasPrefix(dir.path) == true)
        #expect(error?.description.contains("STILTE_HOME") == true)
        #expect(Self.info(dir.path).map { $0.st_mode & 0o7777 } == 0o1777, "the directory's mode is unchanged")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing was created in it")
    }

    @Test("a home of another user is refused, its owner and mode unchanged", .enabled(if: geteuid() == 0, "needs root to chown"))
    func homeOfSomeoneElse() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dir = scratch.url("theirs")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
        #expect(chmod(dir.path, 0o755) == 0)
        try #require(chown(dir.path, Self.nobody, Self.nobody) == 0)
        let error = Self.refusal(StilteHome(url: dir))
        #expect(error?.code == .unsafePath)
        #expect(error?.message.contains("belongs to user \(Self.nobody)") == true)
        #expect(Self.info(dir.path).map { $0.st_mode & 0o7777 } == 0o755)
        #expect(Self.info(dir.path)?.st_uid == Self.nobody)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("a stilte.sqlite of another user is refused and left as it was", .enabled(if: geteuid() == 0, "needs root to chown"))
    func databaseOfSomeoneElse() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let home = StilteHome(url: scratch.url("home"))
        _ = try SQLiteSessionLog(home: home).saveTake(StoreFixtures.take(seconds: 4))
        try #require(chown(home.databaseURL.path, Self.nobody, Self.nobody) == 0)
        let before = StoreFixtures.bytes(home.databaseURL)
        for access in [SQLiteSessionLog.Access.readWrite, .readOnly] {
            #expect(Self.refusal(home, access: access)?.code == .unsafePath)
        }
        #expect(StoreFixtures.bytes(home.databaseURL) == before)
    }

    @Test("a home that is a symbolic link is refused; nothing is written where it points")
    func homeIsALink() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let target = scratch.url("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let link = scratch.url("home")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        for access in [SQLiteSessionLog.Access.readWrite, .readOnly] {
            let error = Self.refusal(StilteHome(url: link), access: access)
            #expect(error?.code == .unsafePath)
            #expect(error?.message.contains("symbolic link") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test("stilte.sqlite, its -wal or recordings/ as a symbolic link: refused, the target untouched")
    func linksInsideTheHome() throws {
        for name in ["stilte.sqlite", "stilte.sqlite-wal", "stilte.sqlite-shm", "recordings"] {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let home = StilteHome(url: scratch.url("home"))
            try PrivateFiles.makeDirectory(home.url)
            let target = scratch.url("victim")
            let victim = Data("root's secret\n".utf8)
            if name == "recordings" {
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            } else {
                try victim.write(to: target)
            }
            let targetMode = PrivateFiles.mode(of: target.path)
            try FileManager.default.createSymbolicLink(at: home.url.appendingPathComponent(name), withDestinationURL: target)
            let error = Self.refusal(home)
            #expect(error?.code == .unsafePath, "\(name)")
            #expect(error?.description.hasPrefix(home.url.appendingPathComponent(name).path) == true, "\(name): \(String(describing: error))")
            if name == "recordings" {
                #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
            } else {
                #expect(StoreFixtures.bytes(target) == victim, "\(name)")
                #expect(PrivateFiles.mode(of: target.path) == targetMode, "\(name): the target's mode is unchanged")
            }
        }
    }

    @Test("an own home of mode 0755 is used as it is, never chmod-ed; what Stilte creates is 0700/0600")
    func ownHomeKeepsItsMode() throws {
        let old = umask(0)
        defer { umask(old) }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let home = StilteHome(url: scratch.url("home"))
        try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: false)
        #expect(chmod(home.url.path, 0o755) == 0)
        _ = try SQLiteSessionLog(home: home).saveTake(StoreFixtures.take(seconds: 4))
        #expect(PrivateFiles.mode(of: home.url.path) == 0o755)
        #expect(PrivateFiles.mode(of: home.recordingsURL.path) == 0o700)
        #expect(PrivateFiles.mode(of: home.databaseURL.path) == 0o600)
    }

    @Test("recording files are created O_EXCL|O_NOFOLLOW: a planted link or file is never opened")
    func recordingFilesNeverFollowLinks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let victim = scratch.url("victim")
        try Data("keep me".utf8).write(to: victim)
        let victimMode = PrivateFiles.mode(of: victim.path)
        let link = scratch.url("take.wav")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        let locks = RecordingLocks()
        #expect(throws: StoreError.self) { _ = try locks.createAndLock(link.path) }
        #expect(throws: StoreError.self) { _ = try locks.createAndLock(victim.path) }
        #expect(throws: StoreError.self) { try PrivateFiles.makeFile(link) }
        #expect(StoreFixtures.bytes(victim) == Data("keep me".utf8))
        #expect(PrivateFiles.mode(of: victim.path) == victimMode)
    }

    @Test("PrivateFiles.write replaces a link instead of writing through it, 0600 under umask 0")
    func privateWriteReplacesLinks() throws {
        let old = umask(0)
        defer { umask(old) }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let victim = scratch.url("victim")
        try Data("keep me".utf8).write(to: victim)
        let out = scratch.url("export.csv")
        try FileManager.default.createSymbolicLink(at: out, withDestinationURL: victim)
        try PrivateFiles.write(Data("a,b\n".utf8), to: out)
        #expect(StoreFixtures.bytes(victim) == Data("keep me".utf8))
        #expect(StoreFixtures.bytes(out) == Data("a,b\n".utf8))
        #expect(PrivateFiles.mode(of: out.path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).sorted() == ["export.csv", "victim"])
    }

    @Test("a trainee name with control characters is refused; terminalSafe neutralises what older logs hold")
    func controlCharactersInNames() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        for name in ["eve\u{1B}[2J", "a\u{9B}31m", "tab\tbed", "bell\u{07}"] {
            let error = #expect(throws: StoreError.self) { try log.beginSession(trainee: name, devices: "default", appVersion: "test") }
            #expect(error?.code == .invalidInput)
        }
        #expect(try log.trainees().isEmpty)
        #expect("eve\u{1B}]0;t\u{07}\u{202E}x\nok".terminalSafe == "eve\u{FFFD}]0;t\u{FFFD}\u{FFFD}x ok")
        #expect("Anna de Vries".terminalSafe == "Anna de Vries")
    }
}
