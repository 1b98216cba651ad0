import Foundation
import StilteAudio

/// Deterministic test signals: 16-bit samples spread over the whole range,
/// extremes included, so an exactness check sees every bit.
enum Signal {
    static func samples(_ count: Int, seed: UInt64 = 0x5EED) -> [Int16] {
        var state = seed
        var out = (0..<count).map { _ -> Int16 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int16(truncatingIfNeeded: state >> 48)
        }
        if count >= 2 { out[0] = .min; out[1] = .max }
        return out
    }

    /// The Float values `LiveCapture` delivers for 16-bit `samples`.
    static func floats(_ samples: some Collection<Int16>) -> [Float] {
        samples.map { Float($0) / 32768 }
    }
}

/// What a capture delivered until `frames` frames or its end.
struct Collected: Sendable {
    var samples: [Float] = []
    var gaps: [CaptureGap] = []
    var largestBlock = 0
    var endError: AudioError?
    var ended = false
}

extension LiveCapture {
    /// Consumes events until `frames` samples arrived, the capture ended or
    /// `deadline` passed, writing samples to `writer` as they come; stops the capture when done.
    func collect(frames: Int, deadline: Duration = .seconds(10), writer: RecordingWriter? = nil) throws -> Collected {
        var result = Collected()
        var buffer = [Float](repeating: 0, count: blockFrames * 4)
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while result.samples.count < frames && clock.now < end {
            let event = buffer.withUnsafeMutableBufferPointer { next(into: $0) }
            switch event {
            case .samples(let count, let frame)?:
                precondition(frame == result.samples.count, "samples out of order")
                let take = min(count, frames - result.samples.count)
                result.samples += buffer[0..<take]
                result.largestBlock = max(result.largestBlock, count)
                try writer?.write(Array(buffer[0..<take]))
            case .gap(let gap)?:
                result.gaps.append(gap)
            case .ended(let error)?:
                result.endError = error
                result.ended = true
                stop()
                return result
            case nil:
                continue
            }
        }
        stop()
        return result
    }
}

/// Runs blocking `work` (a real-time capture or playback) on a thread of its own,
/// so tests that wait on the wall clock do not hold Swift's few cooperative
/// threads and can run at the same time.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
