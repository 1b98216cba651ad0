import Foundation
import StilteAnalysis
import StilteAudio

/// Why a file could not be analysed: one line naming the file and what to do.
public struct FileAnalysisError: Error, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// The analysis of one sound file, with the facts from its header.
public struct FileAnalysis: Sendable {
    /// The file as given.
    public var path: String
    /// Frames per second in the file.
    public var sampleRate: Int
    /// Channels in the file (mixed to mono for the analysis).
    public var channels: Int
    /// What the pause engine found.
    public var analysis: Analysis

    /// Streams `path` through a `PauseAnalyzer` in blocks (the file is never loaded whole).
    /// `onEvent` sees the live events as they settle.
    public static func run(path: String, parameters: AnalysisParameters,
                    onEvent: (LiveEvent) -> Void = { _ in }) throws(FileAnalysisError) -> FileAnalysis {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileAnalysisError(path: path, message: "no such file; check the path")
        }
        guard !isDirectory.boolValue else {
            throw FileAnalysisError(path: path, message: "is a directory, not a sound file")
        }
        let reader: SoundFileReader
        do {
            reader = try SoundFileReader(path: path)
        } catch {
            throw FileAnalysisError(path: path, message: "cannot read it as audio (\(error.message)); give a WAV, FLAC or Ogg file")
        }
        guard reader.frames > 0 else {
            throw FileAnalysisError(path: path, message: "contains no audio (0 frames)")
        }
        var analyzer: PauseAnalyzer
        do {
            analyzer = try PauseAnalyzer(sampleRate: reader.sampleRate, channels: reader.channels, parameters: parameters)
        } catch {
            throw FileAnalysisError(path: path, message: error.description)
        }
        var block = [Float](repeating: 0, count: 4096 * reader.channels)
        while true {
            let frames: Int
            do {
                frames = try block.withUnsafeMutableBufferPointer { buffer throws(AudioError) in try reader.read(into: buffer) }
            } catch {
                throw FileAnalysisError(path: path, message: "read failed after \(String(format: "%.2f", analyzer.seconds)) s (\(error.message))")
            }
            if frames == 0 { break }
            let events = block.withUnsafeBufferPointer { analyzer.process(UnsafeBufferPointer(rebasing: $0[0..<(frames * reader.channels)])) }
            events.forEach(onEvent)
        }
        guard analyzer.seconds > 0 else {
            throw FileAnalysisError(path: path, message: "contains no audio (0 frames)")
        }
        return FileAnalysis(path: path, sampleRate: reader.sampleRate, channels: reader.channels, analysis: analyzer.finish())
    }
}
