import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creates directories and files that only their owner can read: recordings
/// are people's voices. Modes are set explicitly, whatever the umask, and only
/// on what Stilte creates itself. Nothing here follows a symbolic link, and a
/// directory or file that belongs to someone else, or that others may write,
/// is refused rather than used or repaired.
public enum PrivateFiles {
    /// Directory mode: rwx for the owner only.
    public static let directoryMode: mode_t = 0o700
    /// File mode: rw for the owner only.
    public static let fileMode: mode_t = 0o600

    /// Creates `url` (and any missing parents) with mode 0700, or checks that an
    /// existing one is safe to keep private data in (``checkDirectory(_:)``).
    /// An existing directory's mode is never changed.
    public static func makeDirectory(_ url: URL) throws {
        let path = url.path
        var info = stat()
        if lstat(path, &info) == 0 {
            try checkDirectory(path, info)
            return
        }
        guard errno == ENOENT else { throw failure(StoreText.inspecting, errno: errno, path: path) }
        let parent = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: parent.path) {
            do {
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: Int(directoryMode)])
            } catch {
                throw StoreError(.io, StoreText.cannotCreateDirectory(FileProblem(error).en), path: parent.path)
            }
        }
        guard mkdir(path, directoryMode) == 0 else {
            let number = errno
            // Another process (a second `stilte` opening a new home) made it meanwhile: check that one.
            if number == EEXIST { return try checkDirectory(path) }
            throw StoreError(.io, StoreText.cannotCreateDirectory(String(cString: strerror(number))), path: path)
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw failure(StoreText.openingNewDirectory, errno: errno, path: path) }
        defer { close(fd) }
        guard fchmod(fd, directoryMode) == 0 else { throw failure(StoreText.settingPermissions, errno: errno, path: path) }
    }

    /// Checks that an existing `path` is a directory Stilte may keep private data in:
    /// not a symbolic link, owned by this user, not writable by group or others.
    public static func checkDirectory(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw failure(StoreText.inspecting, errno: errno, path: path) }
        try checkDirectory(path, info)
    }

    private static func checkDirectory(_ path: String, _ info: stat) throws {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw StoreError(.unsafePath, StoreText.symbolicLink, path: path)
        default: throw StoreError(.io, StoreText.notADirectory, path: path)
        }
        try checkOwner(path, info)
        if info.st_mode & 0o022 != 0 {
            throw StoreError(.unsafePath, StoreText.writableByOthers(mode: info.st_mode & 0o7777), path: path)
        }
    }

    /// Takes an exclusive `flock` on the directory at `url` (not a link), waiting for
    /// another process that holds it; closing the returned descriptor releases it.
    public static func lockDirectory(_ url: URL) throws -> Int32 {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw failure(StoreText.inspecting, errno: errno, path: url.path) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let number = errno
                close(fd)
                throw failure(StoreText.inspecting, errno: number, path: url.path)
            }
        }
        return fd
    }

    /// Checks that an existing `path` is a regular file of this user, not a symbolic link.
    /// Returns false when there is nothing at `path`.
    @discardableResult
    public static func checkFile(_ path: String) throws -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw failure(StoreText.inspecting, errno: errno, path: path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw StoreError(.unsafePath, StoreText.symbolicLink, path: path)
        default: throw StoreError(.unsafePath, StoreText.notARegularFile, path: path)
        }
        try checkOwner(path, info)
        return true
    }

    private static func checkOwner(_ path: String, _ info: stat) throws {
        let me = geteuid()
        if info.st_uid != me {
            throw StoreError(.unsafePath, StoreText.ownedBySomeoneElse(owner: info.st_uid, me: me), path: path)
        }
    }

    /// Creates `path` new, empty and 0600 (`O_CREAT | O_EXCL | O_NOFOLLOW`, so neither an
    /// existing file nor a symbolic link is ever opened) and returns its open descriptor,
    /// write-only. The caller closes it.
    public static func createNew(_ path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw StoreError(.io, StoreText.cannotCreateFile(String(cString: strerror(errno))), path: path) }
        guard fchmod(fd, fileMode) == 0 else {
            let number = errno
            close(fd)
            throw failure(StoreText.settingPermissions, errno: number, path: path)
        }
        return fd
    }

    /// Creates `url` empty with mode 0600 when nothing is there; an existing file
    /// is only checked (``checkFile(_:)``), never changed.
    public static func makeFile(_ url: URL) throws {
        if try checkFile(url.path) { return }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        guard fd >= 0 else {
            let number = errno
            // Someone else created it meanwhile: check that one instead.
            if number == EEXIST, try checkFile(url.path) { return }
            throw StoreError(.io, StoreText.cannotCreateFile(String(cString: strerror(number))), path: url.path)
        }
        defer { close(fd) }
        guard fchmod(fd, fileMode) == 0 else { throw failure(StoreText.settingPermissions, errno: errno, path: url.path) }
    }

    /// Writes `data` to `url` as a 0600 file whatever the umask: into a new file next to
    /// it (`O_EXCL | O_NOFOLLOW`), then renamed over `url`. A symbolic link at `url` is
    /// replaced, never followed; readers never see half a file.
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = try createNew(temporary)
        var failed: Int32 = 0
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let n = Glibc.write(fd, base + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failed = n < 0 ? errno : EIO; return }
                offset += n
            }
        }
        if failed == 0 && fsync(fd) != 0 { failed = errno }
        close(fd)
        if failed == 0 && rename(temporary, url.path) != 0 { failed = errno }
        if failed != 0 {
            unlink(temporary)
            throw StoreError(.io, StoreText.cannotWriteFile(String(cString: strerror(failed))), path: url.path)
        }
    }

    /// The permission bits of a file, or nil when it does not exist (links are not followed).
    public static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    private static func failure(_ what: Phrase, errno number: Int32, path: String) -> StoreError {
        StoreError(.io, StoreText.systemFailure(what, String(cString: strerror(number))), path: path)
    }
}
