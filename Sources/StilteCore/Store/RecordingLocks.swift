import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Advisory locks (`flock`) on recordings being written, so that another
/// process's recovery never touches a take that is still being recorded: a lock
/// disappears with the process that held it, which is exactly when a take in
/// state `.recording` has become an interrupted one.
public final class RecordingLocks: @unchecked Sendable {
    public init() {}

    private let mutex = NSLock()
    /// Open descriptors holding `LOCK_EX`, by take id.
    private var held: [Int64: Int32] = [:]

    /// Creates `path` new (0600, `O_EXCL | O_NOFOLLOW`: never an existing file or a link)
    /// and locks it; the lock is held until `release`.
    public func createAndLock(_ path: String) throws -> Int32 {
        let fd = try PrivateFiles.createNew(path)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw StoreError(.io, "cannot lock the recording (\(message))", path: path)
        }
        return fd
    }

    /// Remembers `fd` as the lock of take `takeId`.
    public func keep(_ fd: Int32, for takeId: Int64) {
        mutex.lock()
        defer { mutex.unlock() }
        if let old = held.updateValue(fd, forKey: takeId) { close(old) }
    }

    /// Releases the lock of take `takeId` (closing its descriptor), if this log holds one.
    public func release(_ takeId: Int64) {
        mutex.lock()
        defer { mutex.unlock() }
        if let fd = held.removeValue(forKey: takeId) { close(fd) }
    }

    /// True when some process (this one included) holds the recording's lock.
    public static func isLocked(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    deinit {
        for fd in held.values { close(fd) }
    }
}
