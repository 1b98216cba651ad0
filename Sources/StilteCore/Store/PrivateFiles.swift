import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creates directories and files that only their owner can read: recordings
/// are people's voices. Modes are set explicitly, whatever the umask.
public enum PrivateFiles {
    /// Directory mode: rwx for the owner only.
    public static let directoryMode: mode_t = 0o700
    /// File mode: rw for the owner only.
    public static let fileMode: mode_t = 0o600

    /// Creates `url` and any missing parents with mode 0700. An existing directory is
    /// set to 0700 too unless `restrictExisting` is false (a user's own directory).
    public static func makeDirectory(_ url: URL, restrictExisting: Bool = true) throws {
        let path = url.path
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: Int(directoryMode)])
            } catch {
                throw StoreError(.io, "cannot create the directory (\(FileProblem(error).en)); check the permissions of its parent or set STILTE_HOME", path: path)
            }
            try setMode(directoryMode, path: path)
        } else if !isDirectory.boolValue {
            throw StoreError(.io, "exists but is not a directory; move it away or choose another path", path: path)
        } else if restrictExisting {
            try setMode(directoryMode, path: path)
        }
    }

    /// Creates `url` empty with mode 0600 if it does not exist, and sets 0600 on it either way.
    public static func makeFile(_ url: URL) throws {
        let path = url.path
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, fileMode)
        if fd < 0 {
            throw StoreError(.io, "cannot create the file (\(String(cString: strerror(errno))))", path: path)
        }
        close(fd)
        try setMode(fileMode, path: path)
    }

    /// Sets the permission bits of an existing file or directory.
    public static func setMode(_ mode: mode_t, path: String) throws {
        if chmod(path, mode) != 0 {
            throw StoreError(.io, "cannot set permissions \(String(mode, radix: 8)) (\(String(cString: strerror(errno))))", path: path)
        }
    }

    /// The permission bits of a file, or nil when it does not exist.
    public static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }
}
