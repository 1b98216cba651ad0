import Foundation
import Synchronization

/// `AudioPlayer.play` on a thread of its own, for a screen that keeps drawing
/// while a prompt plays.
///
/// ```swift
/// let prompt = BackgroundPlayback.start(file: "Audio/client-1.wav", device: "default")
/// while !prompt.isFinished { redraw(); if userPressedEscape { prompt.stop() } }
/// let result = try prompt.wait()   // throws what play threw (bad file, bad device)
/// ```
public final class BackgroundPlayback: Sendable {
    private let stopFlag = StopFlag()
    private let outcome = Mutex<Result<PlaybackResult, AudioError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    private init() {}

    /// Starts playing `path` to `device` on a new thread and returns at once.
    public static func start(file path: String, device: String = AudioDevice.defaultName) -> BackgroundPlayback {
        let playback = BackgroundPlayback()
        let thread = Thread {
            let result: Result<PlaybackResult, AudioError>
            do throws(AudioError) {
                result = .success(try AudioPlayer.play(file: path, device: device, stop: playback.stopFlag))
            } catch {
                result = .failure(error)
            }
            playback.outcome.withLock { $0 = result }
            playback.done.signal()
        }
        thread.name = "stilte.playback"
        thread.start()
        return playback
    }

    /// Asks playback to stop; it does within about 20 ms.
    public func stop() { stopFlag.raise() }

    /// Whether playback has ended (played out, stopped or failed).
    public var isFinished: Bool { outcome.withLock { $0 != nil } }

    /// Waits for the end and returns what `AudioPlayer.play` returned, or throws what it threw.
    public func wait() throws(AudioError) -> PlaybackResult {
        while true {
            if let result = outcome.withLock({ $0 }) { return try result.get() }
            done.wait()
            done.signal()  // let other waiters through too
        }
    }
}
