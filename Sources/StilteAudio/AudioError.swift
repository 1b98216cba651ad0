import CALSA
import CSndFile
#if canImport(Glibc)
import Glibc
#endif

/// A failure of ALSA, libsndfile or a system call, carrying the C function that
/// failed, its return code, the library's own text for it and what Stilte was
/// working on (a device name or a file path).
public struct AudioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed, for example `snd_pcm_open`.
    public var function: String
    /// A negative errno (ALSA and system calls) or an `SF_ERR_*` code (libsndfile);
    /// 0 where none applies.
    public var code: Int32
    /// The library's text for `code` (`snd_strerror`, `sf_strerror` or `strerror`).
    public var message: String
    /// The device name or file path concerned.
    public var subject: String

    public init(function: String, code: Int32, message: String, subject: String) {
        self.function = function
        self.code = code
        self.message = message
        self.subject = subject
    }

    /// An ALSA error for a negative return code of `function`.
    static func alsa(_ function: String, _ code: Int32, device: String) -> AudioError {
        AudioError(function: function, code: code, message: String(cString: snd_strerror(code)), subject: device)
    }

    /// An ALSA error for a negative `snd_pcm_sframes_t` return of `function`.
    static func alsa(_ function: String, frames code: Int, device: String) -> AudioError {
        alsa(function, Int32(truncatingIfNeeded: code), device: device)
    }

    /// A libsndfile error read from `handle` (or the global error when `handle` is nil).
    /// libsndfile's "System error : No space left on device." becomes "No space left on device".
    static func sndfile(_ function: String, _ handle: OpaquePointer?, path: String) -> AudioError {
        var message = String(cString: sf_strerror(handle))
        if message.hasPrefix("System error : ") { message.removeFirst("System error : ".count) }
        if message.hasSuffix(".") { message.removeLast() }
        return AudioError(function: function, code: sf_error(handle), message: message, subject: path)
    }

    /// A system call's failure, from the `errno` it left; `code` is `-errno`.
    static func system(_ function: String, errno number: Int32, path: String) -> AudioError {
        AudioError(function: function, code: -number, message: String(cString: strerror(number)), subject: path)
    }

    /// A path that is not a regular file (a FIFO, a device, a directory), refused before reading.
    static func notRegularFile(path: String) -> AudioError {
        AudioError(function: "sf_open", code: -EINVAL, message: "not a regular file (a FIFO, device or directory)", subject: path)
    }

    /// True for ``notRegularFile(path:)``: the path is a FIFO, a device or a directory.
    public var isNotRegularFile: Bool { function == "sf_open" && code == -EINVAL }

    /// Capture gave up: `attempts` recoveries in a row (from `code`, `-EPIPE` or `-ESTRPIPE`)
    /// each "succeeded" and the next read failed again, without one frame captured.
    static func failingForEver(code: Int, attempts: Int, device: String) -> AudioError {
        AudioError(function: repeatedRecovery, code: Int32(truncatingIfNeeded: code),
                   message: "\(String(cString: snd_strerror(Int32(truncatingIfNeeded: code)))) \(attempts) times in a row without any audio",
                   subject: device)
    }

    /// The `function` of ``failingForEver(code:attempts:device:)``.
    static let repeatedRecovery = "snd_pcm_recover (repeated)"

    /// True when capture gave up on a device that failed every read, recovery after recovery.
    public var isFailingForEver: Bool { function == Self.repeatedRecovery }

    /// True when the device went away (`-ENODEV`), for example a USB microphone unplugged.
    public var isDisconnect: Bool { code == -ENODEV }

    /// True when the device exists but another program holds it (`-EBUSY`).
    public var isBusy: Bool { code == -EBUSY }

    /// True when the device or file does not exist (`-ENOENT`, `-ENXIO`, `-ENODEV` on open).
    public var isNotFound: Bool { code == -ENOENT || code == -ENXIO || (code == -ENODEV && function == "snd_pcm_open") }

    /// True when a file to be created exists already (`-EEXIST`).
    public var isExistingFile: Bool { code == -EEXIST }

    public var description: String { "\(subject): \(message) (\(function))" }
}
