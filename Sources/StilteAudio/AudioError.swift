import CALSA
import CSndFile

/// A failure of ALSA or libsndfile, carrying the C function that failed, its
/// return code, the library's own text for it and what Stilte was working on.
public struct AudioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed, for example `snd_pcm_open`.
    public var function: String
    /// The negative errno (ALSA) or `SF_ERR_*` code (libsndfile); 0 where none applies.
    public var code: Int32
    /// The library's text for `code` (`snd_strerror` or `sf_strerror`).
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

    /// A libsndfile error read from `handle` (or the global error when `handle` is nil).
    static func sndfile(_ function: String, _ handle: OpaquePointer?, path: String) -> AudioError {
        AudioError(function: function, code: sf_error(handle), message: String(cString: sf_strerror(handle)), subject: path)
    }

    public var description: String { "\(subject): \(message) (\(function))" }
}
