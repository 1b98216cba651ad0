import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bundle directory opened once. Every file in it is opened relative to that descriptor,
/// one path component at a time with `O_NOFOLLOW`, so a symbolic link anywhere on the way,
/// or anything but directories leading to a regular file, is refused: a bundle cannot make
/// Stilte read `/etc/shadow`, a FIFO or a device.
final class BundleDirectory {
    /// The directory as given.
    let url: URL
    private let descriptor: Int32

    /// Opens `url`, which must be a directory and not itself a symbolic link.
    /// The corresponding C function is `open`.
    init(_ url: URL) throws {
        self.url = url
        descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw StoreError(.notFound, BundleText.noSuchBundle, path: url.path)
            case ELOOP, ENOTDIR: throw StoreError(.invalidInput, BundleText.bundleNotADirectory, path: url.path)
            default: throw StoreError(.io, BundleText.cannotOpenBundle(String(cString: strerror(code))), path: url.path)
            }
        }
    }

    deinit { close(descriptor) }

    /// A regular file of the bundle, open for reading; closed when released.
    final class File {
        /// The file's descriptor (read-only).
        let descriptor: Int32
        /// Its size in bytes when it was opened.
        let size: Int
        /// Its path, for messages.
        let path: String

        fileprivate init(descriptor: Int32, size: Int, path: String) {
            self.descriptor = descriptor
            self.size = size
            self.path = path
        }

        deinit { close(descriptor) }
    }

    /// Whether `relative` is a plain path inside a bundle: `/`-separated names, none of them
    /// empty, `.` or `..`, and no NUL or control character.
    static func isPlainPath(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
            && !relative.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Opens `relative` (see ``isPlainPath(_:)``): every directory on the way and the file itself
    /// are opened with `O_NOFOLLOW` from the one before; the file must be a regular file.
    /// The corresponding C functions are `openat` and `fstat`.
    func openFile(_ relative: String) throws -> File {
        let path = url.appendingPathComponent(relative).path
        guard Self.isPlainPath(relative) else {
            throw StoreError(.invalidInput, BundleText.notAPlainPath(relative), path: url.path)
        }
        let parts = relative.split(separator: "/").map(String.init)
        var current = descriptor
        defer { if current != descriptor { close(current) } }
        for (index, name) in parts.enumerated() {
            let last = index == parts.count - 1
            var info = stat()
            guard fstatat(current, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                let code = errno
                if code == ENOENT { throw StoreError(.missingRecording, BundleText.notInBundle, path: path) }
                throw StoreError(.io, BundleText.cannotRead(String(cString: strerror(code))), path: path)
            }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK {
                throw StoreError(.invalidInput, BundleText.symbolicLink(isFile: last), path: path)
            }
            guard kind == (last ? S_IFREG : S_IFDIR) else {
                throw StoreError(.invalidInput, BundleText.wrongKind(isFile: last), path: path)
            }
            let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | (last ? O_NONBLOCK : O_DIRECTORY)
            let next = openat(current, name, flags)
            guard next >= 0 else {
                let code = errno
                throw StoreError(.io, BundleText.cannotOpen(String(cString: strerror(code))), path: path)
            }
            if current != descriptor { close(current) }
            current = next
        }
        // What was opened is what was checked (not swapped for something else meanwhile).
        var opened = stat()
        guard fstat(current, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            throw StoreError(.invalidInput, BundleText.changedWhileOpened, path: path)
        }
        let file = File(descriptor: current, size: Int(opened.st_size), path: path)
        current = descriptor
        return file
    }

    /// Reads a whole file of the bundle, refusing one larger than `limit` bytes.
    func read(_ relative: String, limit: Int) throws -> Data {
        let file = try openFile(relative)
        guard file.size <= limit else {
            throw StoreError(.tooLarge, BundleText.fileTooLarge(bytes: file.size, limit: limit), path: file.path)
        }
        var data = Data()
        var block = [UInt8](repeating: 0, count: PrivateCopy.blockBytes)
        while true {
            let count = block.withUnsafeMutableBytes { Glibc.read(file.descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError(.io, BundleText.readFailed(String(cString: strerror(errno))), path: file.path)
            }
            if count == 0 { break }
            data.append(contentsOf: block[0..<count])
            guard data.count <= limit else {
                throw StoreError(.tooLarge, BundleText.grewPast(limit: limit), path: file.path)
            }
        }
        return data
    }
}
