import Foundation

/// Raw S16_LE sample files, the format of the rig's input and output files.
public enum RawAudio {
    /// Writes `samples` (interleaved) as raw little-endian 16-bit to `url`, replacing it (permissions 0600).
    public static func write(_ samples: [Int16], to url: URL) throws {
        let data = samples.map(\.littleEndian).withUnsafeBytes { Data($0) }
        try data.write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    /// Reads a raw little-endian 16-bit file as interleaved samples (a trailing odd byte is ignored).
    public static func read(_ url: URL) throws -> [Int16] {
        samples(of: try Data(contentsOf: url))
    }

    /// Interleaved samples of raw little-endian 16-bit bytes.
    public static func samples(of data: Data) -> [Int16] {
        let count = data.count / 2
        return [Int16](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                for index in 0..<count {
                    buffer[index] = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: index * 2, as: Int16.self))
                }
            }
            initialized = count
        }
    }

    /// A sine tone: `seconds` at `rate`, `frequency` Hz, peak `amplitude` (0...1), the same on every channel.
    public static func sine(frequency: Double, seconds: Double, rate: Int, channels: Int = 1,
                            amplitude: Double = 0.5) -> [Int16] {
        let frames = Int((seconds * Double(rate)).rounded())
        var samples = [Int16]()
        samples.reserveCapacity(frames * channels)
        for frame in 0..<frames {
            let value = Int16((amplitude * 32767 * sin(2 * .pi * frequency * Double(frame) / Double(rate))).rounded())
            samples.append(contentsOf: repeatElement(value, count: channels))
        }
        return samples
    }

    /// A ramp whose frame `i` holds `i % modulus` on every channel: shows exactly where frames were lost.
    public static func ramp(frames: Int, channels: Int = 1, modulus: Int = 30000) -> [Int16] {
        (0..<frames).flatMap { repeatElement(Int16($0 % modulus), count: channels) }
    }
}
