import Foundation
import Synchronization

/// Live capture from an ALSA PCM: a thread of its own reads the device and
/// hands small blocks of mono Float samples to one consumer through a
/// lock-free ring, with overruns and suspends reported in stream order.
///
/// ```swift
/// let capture = try LiveCapture.start(device: "default", sampleRate: 16_000)
/// var block = [Float](repeating: 0, count: capture.blockFrames)
/// loop: while true {
///     let event = block.withUnsafeMutableBufferPointer { capture.next(into: $0) }
///     switch event {
///     case .samples(let count, let frame)?: process(block[..<count], at: frame)
///     case .gap(let gap)?: markUnreliable(at: gap.seconds)
///     case .ended(let error)?: finish(error); break loop
///     case nil: break  // nothing within the timeout: redraw, check for Ctrl-C
///     }
/// }
/// ```
///
/// `next(into:timeout:)` must be called from one consumer at a time; `stop()`
/// may be called from anywhere. The device is closed by the capture thread
/// when it ends, whether by `stop()`, by an error or because this object was
/// released.
public final class LiveCapture: Sendable {
    /// The ALSA device name.
    public let device: String
    /// Frames per second of the delivered stream.
    public let sampleRate: Int
    /// The most frames one `.samples` event carries (10 ms): size buffers to this.
    public let blockFrames: Int

    private let shared: CaptureShared
    /// Consumer side: frames delivered and gaps delivered so far.
    private let consumed = Atomic<Int>(0)
    private let gapsDelivered = Atomic<Int>(0)

    /// Opens `device` for mono S16 capture at `sampleRate` (the plug layer converts)
    /// on a new thread and starts capturing. Throws what the open or the set-up
    /// threw (`snd_pcm_open`, `snd_pcm_hw_params_*`), naming the device.
    /// `ringSeconds` of audio may wait for a slow consumer before blocks are dropped.
    public static func start(device: String = AudioDevice.defaultName, sampleRate: Int = 16_000,
                             ringSeconds: Double = 10) throws(AudioError) -> LiveCapture {
        guard (1_000...384_000).contains(sampleRate) else {
            throw AudioError(function: "snd_pcm_hw_params_set_rate", code: -EINVAL,
                             message: "sample rate \(sampleRate) Hz is outside 1000...384000", subject: device)
        }
        let blockFrames = max(sampleRate / 100, 1)
        let ringFrames = (min(max(ringSeconds, 0), 600) * Double(sampleRate)).rounded()
        let shared = CaptureShared(ringCapacity: max(Int(ringFrames), blockFrames * 4))
        let producer = CaptureProducer(device: device, sampleRate: sampleRate, blockFrames: blockFrames, shared: shared)
        let thread = Thread { producer.run() }
        thread.name = "stilte.capture"
        thread.qualityOfService = .userInteractive
        thread.start()
        if let error = shared.waitUntilOpened() { throw error }
        return LiveCapture(device: device, sampleRate: sampleRate, blockFrames: blockFrames, shared: shared)
    }

    private init(device: String, sampleRate: Int, blockFrames: Int, shared: CaptureShared) {
        self.device = device
        self.sampleRate = sampleRate
        self.blockFrames = blockFrames
        self.shared = shared
    }

    deinit { shared.stop.raise() }

    /// Asks the capture thread to stop; it does within one block (at most 100 ms
    /// on a stalled device). Keep calling
    /// `next(into:timeout:)` until `.ended` to receive what was captured before.
    public func stop() { shared.stop.raise() }

    /// The next event in stream order, or nil when nothing arrived within `timeout`.
    /// `.samples` fills the start of `buffer` with at most `min(buffer.count, blockFrames)`
    /// samples (10 ms), however far behind the consumer is.
    public func next(into buffer: UnsafeMutableBufferPointer<Float>,
                     timeout: Duration = .milliseconds(100)) -> CaptureEvent? {
        if let event = poll(into: buffer) { return event }
        let nanos = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        _ = shared.wakeUp.wait(timeout: .now() + .nanoseconds(Int(max(nanos, 0))))
        return poll(into: buffer)
    }

    /// Every gap the capture thread has reported so far, delivered or not.
    public var gaps: [CaptureGap] { shared.state.withLock { $0.gaps } }

    /// Frames delivered to the consumer so far.
    public var framesDelivered: Int { consumed.load(ordering: .relaxed) }

    private func poll(into buffer: UnsafeMutableBufferPointer<Float>) -> CaptureEvent? {
        // Snapshot the ring first: any gap before those samples is then visible below.
        let available = shared.ring.available
        let delivered = gapsDelivered.load(ordering: .relaxed)
        let (gap, ended, error) = shared.state.withLock { state in
            (delivered < state.gaps.count ? state.gaps[delivered] : nil, state.ended, state.error)
        }
        let position = consumed.load(ordering: .relaxed)
        if let gap, gap.frame <= position {
            gapsDelivered.store(delivered + 1, ordering: .relaxed)
            return .gap(gap)
        }
        let limit = min(available, blockFrames, gap.map { $0.frame - position } ?? Int.max)
        let count = shared.ring.read(into: buffer, limit: limit)
        if count > 0 {
            consumed.store(position + count, ordering: .relaxed)
            return .samples(count: count, frame: position)
        }
        if ended && gap == nil && shared.ring.available == 0 { return .ended(error) }
        return nil
    }
}

/// What the capture thread and the consumer share.
final class CaptureShared: Sendable {
    struct State {
        var opened = false
        var gaps: [CaptureGap] = []
        var ended = false
        var error: AudioError?
    }

    let ring: SampleRing
    let state = Mutex(State())
    let stop = StopFlag()
    /// Signalled after every block and at the end; the consumer waits on it.
    let wakeUp = DispatchSemaphore(value: 0)
    private let opened = DispatchSemaphore(value: 0)

    init(ringCapacity: Int) {
        ring = SampleRing(capacity: ringCapacity)
        state.withLock { $0.gaps.reserveCapacity(256) }
    }

    /// Capture thread: the device is open and configured (or failed to be).
    func didOpen(_ error: AudioError?) {
        state.withLock { state in
            state.opened = true
            if let error { state.ended = true; state.error = error }
        }
        opened.signal()
    }

    /// Starter: waits for `didOpen`; returns its error.
    func waitUntilOpened() -> AudioError? {
        opened.wait()
        return state.withLock { $0.error }
    }

    /// Capture thread: audio is missing at this point of the stream.
    func report(_ gap: CaptureGap) {
        state.withLock { $0.gaps.append(gap) }
    }

    /// Capture thread: adds `count` to the last gap's dropped frames when it is a
    /// consumer drop at `frame` (the consumer is still behind); false otherwise.
    func extendLastDrop(at frame: Int, by count: Int) -> Bool {
        state.withLock { state in
            guard let last = state.gaps.indices.last, state.gaps[last].kind == .consumerTooSlow,
                  state.gaps[last].frame == frame else { return false }
            state.gaps[last].droppedFrames = (state.gaps[last].droppedFrames ?? 0) + count
            return true
        }
    }

    /// Capture thread: no more samples will come.
    func finish(_ error: AudioError?) {
        state.withLock { state in
            state.ended = true
            state.error = error
        }
        wakeUp.signal()
    }
}
