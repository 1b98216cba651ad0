import StilteAudio

/// A recording drawn as columns of its lowest and highest sample (−1…1), for the
/// waveform on the take page. Computed once per file and cached (``WaveformCache``).
public struct Waveform: Codable, Sendable, Equatable {
    /// Seconds of audio.
    public var duration: Double
    /// The lowest and highest sample of each column (channels averaged).
    public var low: [Float]
    public var high: [Float]

    /// Columns drawn for a take of any length: about one per pixel of a wide screen.
    static let columns = 1000

    /// Reads the whole file once, block by block (channels mixed to mono).
    static func compute(path: String) throws(AudioError) -> Waveform {
        let reader = try SoundFileReader(path: path)
        let frames = max(reader.frames, 1)
        let columns = min(Self.columns, frames)
        let framesPerColumn = (frames + columns - 1) / columns
        var low = [Float](repeating: 0, count: columns)
        var high = [Float](repeating: 0, count: columns)
        let channels = max(reader.channels, 1)
        var block = [Float](repeating: 0, count: 4096 * channels)
        var frame = 0
        while true {
            let got = try block.withUnsafeMutableBufferPointer { buffer throws(AudioError) in try reader.read(into: buffer) }
            if got == 0 { break }
            for index in 0..<got {
                var sample: Float = 0
                for channel in 0..<channels { sample += block[index * channels + channel] }
                sample /= Float(channels)
                let column = min((frame + index) / framesPerColumn, columns - 1)
                if sample < low[column] { low[column] = sample }
                if sample > high[column] { high[column] = sample }
            }
            frame += got
        }
        return Waveform(duration: reader.duration, low: low, high: high)
    }
}

/// Waveforms of recently shown takes, keyed by take and checked against the file's
/// size and change time, so a page is drawn without reading the audio again.
actor WaveformCache {
    private struct Entry {
        var size: Int
        var modified: Double
        var waveform: Waveform
    }
    private var entries: [Int64: Entry] = [:]
    private var order: [Int64] = []
    /// Takes kept (8 KB each): a trainer's morning of reviewing.
    static let capacity = 512

    /// The cached waveform of `takeId` when the file is unchanged, else computed from it and kept.
    func waveform(takeId: Int64, path: String, size: Int, modified: Double) throws -> Waveform {
        if let entry = entries[takeId], entry.size == size, entry.modified == modified { return entry.waveform }
        let waveform = try Waveform.compute(path: path)
        if entries[takeId] == nil { order.append(takeId) }
        entries[takeId] = Entry(size: size, modified: modified, waveform: waveform)
        if order.count > Self.capacity { entries[order.removeFirst()] = nil }
        return waveform
    }
}
