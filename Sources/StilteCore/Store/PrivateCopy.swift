import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Copies recordings into the home a block at a time (a three-hour file never sits in memory),
/// into a new file created `O_EXCL | O_NOFOLLOW` with mode 0600. A copy that fails — a full
/// disk, a source longer than allowed — is removed, so no partial file is left behind.
public enum PrivateCopy {
    /// Bytes read and written at a time.
    public static let blockBytes = 64 * 1024

    /// Opens a local file for reading: it must be a regular file (not a FIFO, device or directory).
    /// Returns the descriptor; the caller closes it. The corresponding C function is `open`.
    public static func openForReading(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            throw StoreError(.io, "cannot open it (\(String(cString: strerror(errno)))); check the path and its permissions", path: path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw StoreError(.invalidInput, "is not a regular file; give a sound file", path: path)
        }
        return fd
    }

    /// Copies everything readable from `source` (named `sourcePath` in messages) into the new
    /// file `destination`; returns the bytes copied. Throws ``StoreError`` `.tooLarge` when the
    /// source holds more than `limit` bytes.
    @discardableResult
    public static func copy(from source: Int32, sourcePath: String, to destination: URL, limit: Int = .max) throws -> Int {
        let path = destination.path
        let target = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, PrivateFiles.fileMode)
        guard target >= 0 else {
            throw StoreError(.io, "cannot create the copy (\(String(cString: strerror(errno)))); check the home's permissions and free space", path: path)
        }
        var copied = 0
        do {
            defer { close(target) }
            guard fchmod(target, PrivateFiles.fileMode) == 0 else {
                throw StoreError(.io, "cannot make the copy private (\(String(cString: strerror(errno))))", path: path)
            }
            var block = [UInt8](repeating: 0, count: blockBytes)
            while true {
                let count = block.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw StoreError(.io, "read failed (\(String(cString: strerror(errno)))); nothing was imported", path: sourcePath)
                }
                if count == 0 { break }
                copied += count
                guard copied <= limit else {
                    throw StoreError(.tooLarge, "is larger than \(limit) bytes; nothing was imported", path: sourcePath)
                }
                try block.withUnsafeBytes { try writeAll(target, $0.baseAddress!, count, path: path) }
            }
            guard fsync(target) == 0 else {
                throw StoreError(.io, "cannot save the copy (\(String(cString: strerror(errno)))); free some space; nothing was imported", path: path)
            }
        } catch {
            unlink(path)
            throw error
        }
        return copied
    }

    /// Writes `count` bytes, retrying short writes and EINTR.
    private static func writeAll(_ fd: Int32, _ base: UnsafeRawPointer, _ count: Int, path: String) throws {
        var done = 0
        while done < count {
            let n = write(fd, base + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = errno == ENOSPC ? "the disk is full; free some space and import again" : String(cString: strerror(errno))
                throw StoreError(.io, "cannot write the copy (\(reason)); nothing was imported", path: path)
            }
            done += n
        }
    }

    /// Whether the file at `url` holds exactly the bytes readable from `source` (from its start).
    public static func sameContent(_ source: Int32, as url: URL) -> Bool {
        let other = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard other >= 0 else { return false }
        defer { close(other) }
        guard lseek(source, 0, SEEK_SET) == 0 else { return false }
        defer { lseek(source, 0, SEEK_SET) }
        var a = [UInt8](repeating: 0, count: blockBytes), b = [UInt8](repeating: 0, count: blockBytes)
        while true {
            let n = a.withUnsafeMutableBytes { fullRead(source, $0) }
            let m = b.withUnsafeMutableBytes { fullRead(other, $0) }
            guard n == m, n >= 0 else { return false }
            if n == 0 { return true }
            guard a[0..<n] == b[0..<n] else { return false }
        }
    }

    /// Reads until `buffer` is full or the end; -1 on an error.
    private static func fullRead(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var done = 0
        while done < buffer.count {
            let n = read(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 { if errno == EINTR { continue }; return -1 }
            if n == 0 { break }
            done += n
        }
        return done
    }
}
