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

    static func rawBytes(_ samples: [Int16]) -> Data {
        samples.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    static func fromRaw(_ data: Data) -> [Int16] {
        data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }
}

/// What a capture delivered until `frames` frames or its end.
struct Collected {
    var samples: [Float] = []
    var gaps: [CaptureGap] = []
    var largestBlock = 0
    var endError: AudioError?
    var ended = false
}

extension LiveCapture {
    /// Consumes events until `frames` samples arrived, the capture ended or
    /// `deadline` passed; stops the capture when done.
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

/// Runs a command line tool and returns its exit status and standard output.
@discardableResult
func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A fresh private directory for one test's files.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-audio-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
