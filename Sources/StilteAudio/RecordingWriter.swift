import CSndFile
import Foundation

/// Writes a recording while it is being captured: a mono 16-bit PCM WAV whose
/// header is rewritten after every write (`SFC_SET_UPDATE_HEADER_AUTO`), so the
/// file is a valid, complete WAV at every moment and a `kill -9` loses only
/// what had not been handed to `write` yet.
///
/// 16-bit PCM because capture is 16-bit at the device edge: FLOAT would double
/// the size without adding information, and PCM_16 WAV is what every tool
/// (sox, players, editors) reads. Float samples from `LiveCapture` convert back
/// to the exact 16-bit values captured.
///
/// New files are created with mode 0600 (voice recordings are personal data).
/// An existing file is kept (`open` fails with `-EEXIST`) unless `replacing`
/// is true; then it is truncated and set to 0600. Every `sf_writef_short`
/// return is checked: a short write (a full disk) throws, and the file keeps
/// every frame that reached it.
///
/// Owns the file descriptor and the `SNDFILE`; both are closed exactly once,
/// by `close()` or else in `deinit`.
public final class RecordingWriter {
    /// The file's path, as given.
    public let path: String
    /// Frames per second.
    public let sampleRate: Int
    /// Frames written so far.
    public private(set) var framesWritten = 0

    private var handle: OpaquePointer?
    private var descriptor: Int32
    private var scratch: [Int16]

    /// Creates `path` as a mono 16-bit WAV at `sampleRate`; replaces an existing
    /// file only when `replacing` is true. The corresponding C functions are `open` and `sf_open_fd`.
    public init(path: String, sampleRate: Int, replacing: Bool = false) throws(AudioError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else { throw .system("open", errno: errno, path: path) }
        guard fchmod(fd, 0o600) == 0 else {
            let error = AudioError.system("fchmod", errno: errno, path: path)
            Glibc.close(fd)
            throw error
        }
        var info = SF_INFO()
        info.samplerate = Int32(clamping: sampleRate)
        info.channels = 1
        info.format = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
        guard let handle = sf_open_fd(fd, Int32(SFM_WRITE), &info, Int32(SF_FALSE)) else {
            let error = AudioError.sndfile("sf_open_fd", nil, path: path)
            Glibc.close(fd)
            throw error
        }
        sf_command(handle, Int32(SFC_SET_UPDATE_HEADER_AUTO), nil, Int32(SF_TRUE))
        self.handle = handle
        self.descriptor = fd
        self.path = path
        self.sampleRate = sampleRate
        self.scratch = [Int16](repeating: 0, count: 4096)
    }

    deinit { _ = try? close() }

    /// Seconds written so far.
    public var seconds: Double { sampleRate > 0 ? Double(framesWritten) / Double(sampleRate) : 0 }

    /// Appends mono samples (Float, -1...1; clipped beyond). Throws on any
    /// short write, naming the file and the system's reason (for example
    /// "No space left on device"); what was written before stays in the file.
    /// The corresponding C function is `sf_writef_short`.
    public func write(_ samples: UnsafeBufferPointer<Float>) throws(AudioError) {
        guard let handle else {
            throw AudioError(function: "sf_writef_short", code: 0, message: "the recording is already closed", subject: path)
        }
        if scratch.count < samples.count { scratch = [Int16](repeating: 0, count: samples.count) }
        let written = scratch.withUnsafeMutableBufferPointer { buffer -> sf_count_t in
            SampleConversion.toInt16(samples, buffer)
            guard let base = buffer.baseAddress else { return 0 }
            return sf_writef_short(handle, base, sf_count_t(samples.count))
        }
        if written > 0 { framesWritten += Int(written) }
        if written != sf_count_t(samples.count) {
            var error = AudioError.sndfile("sf_writef_short", handle, path: path)
            if error.code == 0 {
                error.message = "wrote \(written) of \(samples.count) frames"
            }
            throw error
        }
    }

    /// Convenience for `write(_:)` with an array.
    public func write(_ samples: [Float]) throws(AudioError) {
        try samples.withUnsafeBufferPointer { buffer throws(AudioError) in try write(buffer) }
    }

    /// Finishes the header and closes the file; later calls do nothing.
    /// The corresponding C function is `sf_close`.
    public func close() throws(AudioError) {
        guard let handle else { return }
        self.handle = nil
        let rc = sf_close(handle)
        let closed = Glibc.close(descriptor)
        let closeErrno = errno
        descriptor = -1
        if rc != 0 {
            throw AudioError(function: "sf_close", code: rc, message: String(cString: sf_error_number(rc)), subject: path)
        }
        if closed != 0 { throw .system("close", errno: closeErrno, path: path) }
    }
}
