import Foundation
import StilteAudio

/// The get-ready moment: a short capture that measures how loud the room is
/// when nobody speaks.
enum RoomNoise {
    /// The room's level in dBFS: the quietest fifth of 20 ms blocks over `seconds`
    /// of capture from `device` (nil when nothing arrived).
    static func measure(device: String, seconds: Double = 0.6, sampleRate: Int = 16_000) throws(AudioError) -> Double? {
        let capture = try LiveCapture.start(device: device, sampleRate: sampleRate, ringSeconds: 2)
        defer { capture.stop() }
        let blockFrames = sampleRate / 50
        var levels: [Double] = []
        var sum = 0.0, count = 0
        var buffer = [Float](repeating: 0, count: capture.blockFrames)
        let wanted = Int(seconds * Double(sampleRate))
        var frames = 0
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000) + 1500)
        reading: while frames < wanted, ContinuousClock.now < deadline {
            let event = buffer.withUnsafeMutableBufferPointer { capture.next(into: $0, timeout: .milliseconds(50)) }
            switch event {
            case .samples(let n, _)?:
                for sample in buffer[0..<n] {
                    sum += Double(sample) * Double(sample)
                    count += 1
                    if count == blockFrames {
                        levels.append(10 * log10(max(sum / Double(count), 1e-12)))
                        sum = 0; count = 0
                    }
                }
                frames += n
            case .ended?: break reading
            case .gap?, nil: continue
            }
        }
        guard !levels.isEmpty else { return nil }
        return levels.sorted()[levels.count / 5]
    }
}

/// Closing a capture opened only to see whether the device exists.
enum LiveCaptureProbe {
    /// Stops `capture` and waits until its thread has closed the device.
    static func close(_ capture: LiveCapture) {
        capture.stop()
        var buffer = [Float](repeating: 0, count: capture.blockFrames)
        for _ in 0..<100 {
            if case .ended? = buffer.withUnsafeMutableBufferPointer({ capture.next(into: $0, timeout: .milliseconds(20)) }) { return }
        }
    }
}
