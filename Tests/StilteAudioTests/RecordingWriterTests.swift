import Foundation
import Testing
import StilteAudio
import StilteTestSupport

@Suite struct RecordingWriterTests {
    @Test func fileIsCompleteWhileStillOpen() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("open.wav").path
        let writer = try RecordingWriter(path: path, sampleRate: 16_000)
        let samples = Signal.samples(24_000).map { Float($0) / 32768 }
        for start in stride(from: 0, to: samples.count, by: 160) {
            try writer.write(Array(samples[start..<min(start + 160, samples.count)]))
        }
        // Not closed: what a kill -9 would leave.
        let reader = try SoundFileReader(path: path)
        #expect(reader.frames == 24_000)
        #expect(try reader.readAll() == samples)
        let soxi = try tool("soxi", ["-s", path])
        #expect(soxi.status == 0 && soxi.output.trimmingCharacters(in: .whitespacesAndNewlines) == "24000")
        try writer.close()
    }

    @Test func replacesAnExistingFileAndMakesItPrivate() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("old.wav").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 1, count: 100_000),
                                                attributes: [.posixPermissions: 0o644]))
        let writer = try RecordingWriter(path: path, sampleRate: 8_000, replacing: true)
        try writer.write([0.5, -0.5])
        try writer.close()
        #expect(try SoundFileReader(path: path).frames == 2)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func keepsAnExistingFileUnlessReplacing() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("earlier-take.wav").path
        let earlier = Data(repeating: 7, count: 1_000)
        #expect(FileManager.default.createFile(atPath: path, contents: earlier))
        #expect {
            _ = try RecordingWriter(path: path, sampleRate: 16_000)
        } throws: { error in
            (error as? AudioError)?.function == "open" && (error as? AudioError)?.code == -EEXIST
        }
        #expect(FileManager.default.contents(atPath: path) == earlier)
    }

    @Test func clipsOutOfRangeSamples() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("clip.wav").path
        let writer = try RecordingWriter(path: path, sampleRate: 8_000)
        try writer.write([2, -2, .nan, 1, -1])
        try writer.close()
        let reader = try SoundFileReader(path: path)
        var back = [Int16](repeating: 0, count: 5)
        _ = try back.withUnsafeMutableBufferPointer { try reader.read(into: $0) }
        #expect(back == [32767, -32768, 0, 32767, -32768])
    }

    @Test func unwritablePathNamesThePath() {
        #expect {
            _ = try RecordingWriter(path: "/nonexistent/dir/take.wav", sampleRate: 16_000)
        } throws: { error in
            let error = error as? AudioError
            return error?.function == "open" && error?.subject == "/nonexistent/dir/take.wav"
                && error?.message == "No such file or directory"
        }
    }

    @Test func writeAfterCloseThrows() throws {
        let dir = try TemporaryDirectory()
        let writer = try RecordingWriter(path: dir.file("c.wav").path, sampleRate: 8_000)
        try writer.close()
        try writer.close()
        #expect(throws: AudioError.self) { try writer.write([0]) }
    }
}
