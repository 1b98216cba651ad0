import Foundation
import Testing
import StilteAudio

@Suite struct CaptureTests {
    @Test func deliversExactlyTheInputsSamplesInSmallBlocks() throws {
        let dir = try temporaryDirectory()
        let input = Signal.samples(16_000)
        let raw = dir.appendingPathComponent("in.raw").path
        try Signal.rawBytes(input).write(to: URL(fileURLWithPath: raw))
        let capture = try LiveCapture.start(device: TestDevices.fileCapture(input: raw), sampleRate: 16_000)
        let got = try capture.collect(frames: input.count)
        #expect(got.samples == input.map { Float($0) / 32768 })
        #expect(got.gaps.isEmpty)
        #expect(got.largestBlock <= 16_000 / 50, "blocks of at most 20 ms")
    }

    @Test func recordingReadBackIsBitExactAndPrivate() throws {
        let dir = try temporaryDirectory()
        let input = Signal.samples(24_000, seed: 7)
        let raw = dir.appendingPathComponent("in.raw").path
        try Signal.rawBytes(input).write(to: URL(fileURLWithPath: raw))
        let path = dir.appendingPathComponent("take.wav").path
        let capture = try LiveCapture.start(device: TestDevices.fileCapture(input: raw), sampleRate: 16_000)
        let writer = try RecordingWriter(path: path, sampleRate: 16_000)
        _ = try capture.collect(frames: input.count, writer: writer)
        try writer.close()

        let reader = try SoundFileReader(path: path)
        #expect(reader.sampleRate == 16_000 && reader.channels == 1 && reader.frames == input.count)
        var back = [Int16](repeating: 0, count: input.count + 10)
        let n = try back.withUnsafeMutableBufferPointer { try reader.read(into: $0) }
        #expect(n == input.count)
        #expect(Array(back[0..<n]) == input)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func unknownDeviceThrowsFromStart() {
        TestDevices.setUp()
        #expect {
            _ = try LiveCapture.start(device: "stilte_no_such_device")
        } throws: { error in
            let error = error as? AudioError
            return error?.function == "snd_pcm_open" && error?.subject == "stilte_no_such_device"
        }
    }
}
