import Foundation
import Testing
import StilteAudio
import StilteTestSupport

/// A 64 KiB tmpfs; `unavailableReason` says why none can be mounted here.
private enum SmallDisk {
    static let unavailableReason: String? = {
        guard let dir = try? TemporaryDirectory() else { return "no scratch directory" }
        guard let mounted = try? tool("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.url.path]), mounted.status == 0 else {
            return "mount -t tmpfs is not permitted here (needs root)"
        }
        _ = try? tool("umount", [dir.url.path])
        return nil
    }()
}

@Suite struct FullDiskTests {
    @Test(.enabled(if: SmallDisk.unavailableReason == nil, "needs permission to mount a 64 KiB tmpfs (root)"))
    func shortWriteThrowsAndTheFileKeepsWhatFitted() throws {
        let disk = try TemporaryDirectory()
        #expect(try tool("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.url.path]).status == 0)
        defer { _ = try? tool("umount", [disk.url.path]) }
        let path = disk.file("take.wav").path
        let writer = try RecordingWriter(path: path, sampleRate: 16_000)
        let samples = Signal.samples(16_000 * 3).map { Float($0) / 32768 }
        var failure: AudioError?
        for start in stride(from: 0, to: samples.count, by: 160) {
            do throws(AudioError) { try writer.write(Array(samples[start..<start + 160])) } catch { failure = error; break }
        }
        #expect(failure?.function == "sf_writef_short")
        #expect(failure?.message == "No space left on device")
        #expect(failure?.subject == path)
        try writer.close()
        let reader = try SoundFileReader(path: path)
        #expect(reader.frames > 30_000 && reader.frames <= writer.framesWritten)
        #expect(try reader.readAll() == Array(samples[0..<reader.frames]))
    }
}
