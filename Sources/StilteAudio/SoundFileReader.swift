import CSndFile
#if canImport(Glibc)
import Glibc
#endif

/// Reads any sound file libsndfile understands (WAV, FLAC, Ogg, ...) as
/// interleaved Float samples in -1...1, a block at a time.
///
/// Owns the `SNDFILE` handle; it is closed exactly once, in `deinit`.
public final class SoundFileReader {
    private let handle: OpaquePointer
    /// The file's path, as given.
    public let path: String
    /// Frames per second.
    public let sampleRate: Int
    /// Interleaved channels per frame.
    public let channels: Int
    /// Frames in the file as its header states them.
    public let frames: Int

    /// Opens `path` for reading. Only a regular file is read: a FIFO, a device or a
    /// directory is refused at once (``AudioError/isNotRegularFile``) instead of waiting in
    /// `open` for a writer that may never come. The corresponding C function is `sf_open_fd`.
    public init(path: String) throws(AudioError) {
        // Non-blocking, so that opening a FIFO without a writer returns at once.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .system("sf_open", errno: errno, path: path) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let number = errno
            close(fd)
            throw .system("sf_open", errno: number, path: path)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .notRegularFile(path: path)
        }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
        var info = SF_INFO()
        // libsndfile owns the descriptor from here (closes it in sf_close, or now on failure).
        guard let handle = sf_open_fd(fd, Int32(SFM_READ), &info, Int32(SF_TRUE)) else {
            throw AudioError.sndfile("sf_open", nil, path: path)
        }
        self.handle = handle
        self.path = path
        self.sampleRate = Int(info.samplerate)
        self.channels = Int(info.channels)
        self.frames = Int(info.frames)
        // Float files read as 16-bit clip at full scale instead of wrapping around.
        sf_command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
    }

    deinit { sf_close(handle) }

    /// Duration in seconds according to the header.
    public var duration: Double { sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0 }

    /// Reads up to `buffer.count / channels` frames into `buffer`; returns the
    /// number of frames read, 0 at the end. The corresponding C function is `sf_readf_float`.
    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws(AudioError) -> Int {
        let wanted = buffer.count / channels
        guard wanted > 0, let base = buffer.baseAddress else { return 0 }
        let got = sf_readf_float(handle, base, sf_count_t(wanted))
        if got < 0 || (got == 0 && sf_error(handle) != 0) {
            throw AudioError.sndfile("sf_readf_float", handle, path: path)
        }
        return Int(got)
    }

    /// Reads up to `buffer.count / channels` frames as 16-bit samples (libsndfile
    /// converts, rounding and clipping); returns the number of frames read, 0 at
    /// the end. The corresponding C function is `sf_readf_short`.
    public func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioError) -> Int {
        let wanted = buffer.count / channels
        guard wanted > 0, let base = buffer.baseAddress else { return 0 }
        let got = sf_readf_short(handle, base, sf_count_t(wanted))
        if got < 0 || (got == 0 && sf_error(handle) != 0) {
            throw AudioError.sndfile("sf_readf_short", handle, path: path)
        }
        return Int(got)
    }

    /// Moves the read position to `frame` (clamped to the file). The corresponding C function is `sf_seek`.
    public func seek(toFrame frame: Int) throws(AudioError) {
        if sf_seek(handle, sf_count_t(min(max(0, frame), frames)), SEEK_SET) < 0 {
            throw AudioError.sndfile("sf_seek", handle, path: path)
        }
    }

    /// Reads the whole file as interleaved samples. For tests and short files only.
    public func readAll() throws(AudioError) -> [Float] {
        var out: [Float] = []
        out.reserveCapacity(frames * channels)
        var block = [Float](repeating: 0, count: 4096 * channels)
        while true {
            let n = try block.withUnsafeMutableBufferPointer { buffer throws(AudioError) in try read(into: buffer) }
            if n == 0 { break }
            out.append(contentsOf: block[0..<(n * channels)])
        }
        return out
    }
}
