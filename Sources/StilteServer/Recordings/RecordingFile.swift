#if canImport(Glibc)
import Glibc
#endif
import Foundation
import StilteCore

/// A take's recording opened for reading by the server. Reached only through the
/// take's id: the name comes from the log (``Take/recordingPath``, which
/// ``RecordingStore`` keeps inside `recordings/`), never from a request; a
/// symbolic link or anything but a regular file is refused.
///
/// Owns the file descriptor; it is closed exactly once, in `deinit`.
final class RecordingFile {
    private let descriptor: Int32
    /// Bytes in the file.
    let size: Int
    /// Seconds since 1970 of the last change (with ``size``, tells a cached waveform is stale).
    let modified: Double
    /// The path, for libsndfile (which opens by name).
    let path: String
    /// `audio/wav`, `audio/flac`, `audio/ogg` by the file's extension.
    let mimeType: String

    /// Opens the recording of `take` in `home`, or nil when it is missing, a link or not a regular file.
    init?(of take: Take, in home: StilteHome) {
        guard let (descriptor, url, status) = RecordingStore(home: home).openForReading(take.recordingPath) else { return nil }
        self.descriptor = descriptor
        self.size = Int(status.st_size)
        self.modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
        self.path = url.path
        self.mimeType = Self.mimeTypes[url.pathExtension.lowercased()] ?? "application/octet-stream"
    }

    deinit { close(descriptor) }

    static let mimeTypes = ["wav": "audio/wav", "flac": "audio/flac", "ogg": "audio/ogg", "oga": "audio/ogg"]

    /// The bytes in `range` (clamped to the file). The corresponding C function is `pread`.
    func read(_ range: ClosedRange<Int>) throws -> [UInt8] {
        let upper = min(range.upperBound, size - 1)
        guard range.lowerBound <= upper else { return [] }
        var bytes = [UInt8](repeating: 0, count: upper - range.lowerBound + 1)
        var done = 0
        while done < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(range.lowerBound + done))
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw StoreError(.io, "cannot read the recording (\(String(cString: strerror(errno))))", path: path) }
            done += got
        }
        return bytes
    }
}
