import Dispatch
import StilteAudio
#if canImport(Glibc)
import Glibc
#endif

/// Turns Ctrl-C (SIGINT) and SIGTERM into a raised `StopFlag` instead of an
/// abrupt exit, so playback drops cleanly and a recording is finished properly.
/// Keep it alive for as long as the signals should be caught.
final class Interruption {
    /// Raised on the first SIGINT or SIGTERM.
    let flag = StopFlag()
    private let sources: [any DispatchSourceSignal]

    init() {
        let flag = self.flag
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.raise() }
            source.resume()
            return source
        }
    }

    deinit { sources.forEach { $0.cancel() } }
}
