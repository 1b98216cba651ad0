import Foundation
import StilteTestSupport

/// arecord/aplay as child processes under the test ALSA configuration.
enum ALSAUtils {
    static func arecord(device: String, to file: URL, rate: Int, channels: Int, seconds: Int,
                        environment: [String: String]? = nil) async throws -> ChildProcess.Result {
        try await run("arecord", device: device, file: file, rate: rate, channels: channels,
                      extra: ["-d", "\(seconds)"], environment: environment)
    }

    static func aplay(device: String, from file: URL, rate: Int, channels: Int) async throws -> ChildProcess.Result {
        try await run("aplay", device: device, file: file, rate: rate, channels: channels, extra: [], environment: nil)
    }

    private static func run(_ tool: String, device: String, file: URL, rate: Int, channels: Int, extra: [String],
                            environment: [String: String]?) async throws -> ChildProcess.Result {
        try TestALSA.setUp()
        guard let executable = ChildProcess.tool(tool) else {
            throw RigError("\(tool) is not installed: run scripts/setup (package alsa-utils)")
        }
        let arguments = ["-D", device, "-t", "raw", "-f", "S16_LE", "-r", "\(rate)", "-c", "\(channels)"]
            + extra + [file.path]
        return try await ChildProcess.run(executable, arguments, environment: environment ?? TestALSA.environment,
                                          timeout: 20)
    }
}

/// Frame index (per channel-0 sample) where a ramp from `RawAudio.ramp` stops counting up by one, or nil.
func firstRampBreak(_ samples: [Int16], channels: Int = 1, modulus: Int = 30000) -> Int? {
    let frames = samples.count / channels
    guard frames > 1 else { return nil }
    for frame in 1..<frames where Int(samples[frame * channels]) != (Int(samples[(frame - 1) * channels]) + 1) % modulus {
        return frame
    }
    return nil
}

/// Full cycles in `samples`: rises from below `-threshold` to above `+threshold` (hysteresis ignores the tiny
/// wiggles a resampler leaves around zero).
func cycles(_ samples: [Int16], threshold: Int16 = 1000) -> Int {
    var count = 0, wasLow = false
    for sample in samples {
        if sample < -threshold { wasLow = true }
        if sample > threshold && wasLow { count += 1; wasLow = false }
    }
    return count
}
