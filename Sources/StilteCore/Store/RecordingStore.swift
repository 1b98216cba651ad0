import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one owner of a Stilte home's recordings. It alone names them (`recordings/<uuid>.<ext>`),
/// turns a stored name into a file (where a log creates and locks a new take's, 0600,
/// `O_EXCL | O_NOFOLLOW`), copies them in (0600, never over a file or a link), opens them for reading (regular files only, never through a symbolic link) and removes
/// them. Session logs store the name it gives (``Take/recordingPath``); a stored name that is not
/// exactly `recordings/NAME`, NAME one plain file name, resolves to nothing, so no row of any
/// log, bundle or request can point outside the directory.
public struct RecordingStore: Sendable, Equatable {
    /// The directory's name inside the home, and the first component of every stored name.
    public static let directoryName = "recordings"
    /// Longest file extension kept (`flac`, `wav`, `ogg`, `opus` fit), in characters.
    static let longestExtension = 8

    /// The home the recordings belong to.
    public let home: StilteHome

    public init(home: StilteHome) {
        self.home = home
    }

    /// The directory of all recordings.
    public var directory: URL { home.url.appendingPathComponent(Self.directoryName, isDirectory: true) }

    /// Creates the directory (0700) or checks that the existing one is private and not a link.
    public func prepare() throws {
        try PrivateFiles.makeDirectory(directory)
    }

    /// The stored name of the recording of take `uuid`: `recordings/<uuid>.<ext>`, the
    /// extension lowercased and reduced to ASCII letters and digits (none when nothing is left).
    public static func name(for uuid: UUID, fileExtension: String) -> String {
        let ext = String(fileExtension.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(longestExtension))
        return "\(directoryName)/\(uuid.uuidString.lowercased())\(ext.isEmpty ? "" : "." + ext)"
    }

    /// Whether `storedName` is one this store can hold: `recordings/NAME`, NAME a plain file
    /// name (not hidden, no `/`, no NUL, at most 255 bytes).
    public static func isValidName(_ storedName: String) -> Bool {
        let parts = storedName.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == directoryName else { return false }
        let file = parts[1]
        return !file.isEmpty && !file.hasPrefix(".") && !file.contains("\0") && file.utf8.count <= 255
    }

    /// The file of `storedName`, or nil for a name this store does not hold (``isValidName(_:)``).
    /// The file need not exist.
    public func url(of storedName: String) -> URL? {
        guard Self.isValidName(storedName) else { return nil }
        return home.url.appendingPathComponent(storedName)
    }

    /// Where `storedName` is, for messages: its file's path, or the name itself when it is not
    /// one this store holds.
    public func location(of storedName: String) -> String {
        url(of: storedName)?.path ?? storedName
    }

    /// The file of an existing recording: nil when it is missing or the name is not one this store
    /// holds; throws ``StoreError`` `.unsafePath` for a symbolic link, anything but a regular file,
    /// or a file of another user.
    public func existingFile(_ storedName: String) throws -> URL? {
        guard let url = url(of: storedName), try PrivateFiles.checkFile(url.path) else { return nil }
        return url
    }

    /// The recording's file for a user to read (`review show`, export), or a one-line error
    /// naming the take and what to do.
    public func requireFile(of take: Take) throws -> URL {
        guard let url = try existingFile(take.recordingPath) else {
            let id = take.id ?? 0
            throw StoreError(.missingRecording, RecordingText.missing(take: id), path: location(of: take.recordingPath))
        }
        return url
    }

    /// Copies everything readable from `source` into the new recording `storedName` (0600);
    /// returns its file. A failed copy leaves nothing behind (``PrivateCopy``).
    @discardableResult
    public func copyIn(from source: Int32, sourcePath: String, to storedName: String, limit: Int = .max) throws -> URL {
        let url = try writableURL(storedName)
        try PrivateCopy.copy(from: source, sourcePath: sourcePath, to: url, limit: limit)
        return url
    }

    /// Opens the recording `storedName` for reading: a regular file, not followed through a
    /// link. Nil when it is missing, a link or anything else; the caller closes the descriptor.
    public func openForReading(_ storedName: String) -> (descriptor: Int32, url: URL, status: stat)? {
        guard let url = url(of: storedName) else { return nil }
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        return (descriptor, url, status)
    }

    /// Whether the recording `storedName` holds exactly the bytes readable from `source`.
    public func holdsSameContent(_ storedName: String, as source: Int32) -> Bool {
        guard let url = url(of: storedName) else { return false }
        return PrivateCopy.sameContent(source, as: url)
    }

    /// Removes the recording `storedName` (a link is removed, never followed). A missing file
    /// or a name this store does not hold is not an error: there is nothing of it here.
    public func remove(_ storedName: String) throws {
        guard let url = url(of: storedName) else { return }
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw StoreError(.io, RecordingText.cannotRemove(String(cString: strerror(errno))), path: url.path)
        }
    }

    /// Bytes free for new recordings, or nil when the file system does not say.
    public func freeBytes() -> Int? {
        var info = statvfs()
        guard statvfs(directory.path, &info) == 0 else { return nil }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }

    private func writableURL(_ storedName: String) throws -> URL {
        guard let url = url(of: storedName) else {
            throw StoreError(.invalidInput, RecordingText.notAName(storedName))
        }
        return url
    }
}

extension SessionLog {
    /// The recordings of this log's home.
    public var recordings: RecordingStore { RecordingStore(home: home) }
}

/// The sentences of ``RecordingStore``'s errors, in English and Dutch.
enum RecordingText {
    static func missing(take id: Int64) -> Phrase {
        Phrase(en: "the recording of take \(id) is missing; restore it or delete the take with `stilte delete \(id)`",
               nl: "de geluidsopname van opname \(id) ontbreekt; zet hem terug of verwijder de opname met `stilte delete \(id)`")
    }

    static func cannotRemove(_ reason: String) -> Phrase {
        Phrase(en: "cannot remove the recording (\(reason)); check the permissions of the recordings directory",
               nl: "kan de geluidsopname niet verwijderen (\(reason)); controleer de rechten van de map recordings")
    }

    static func notAName(_ name: String) -> Phrase {
        Phrase(en: "\(name.prefix(80)) is not a recording name (recordings/NAME); nothing was written",
               nl: "\(name.prefix(80)) is geen naam van een geluidsopname (recordings/NAAM); er is niets geschreven")
    }
}
