import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import StilteCore

@Suite("Recording store")
struct RecordingStoreTests {
    @Test("names a take's recording recordings/<uuid>.<ext>, the extension reduced to letters and digits")
    func names() {
        let uuid = UUID(uuidString: "0A1B2C3D-0000-4000-8000-00000000ABCD")!
        #expect(RecordingStore.name(for: uuid, fileExtension: "WAV") == "recordings/0a1b2c3d-0000-4000-8000-00000000abcd.wav")
        #expect(RecordingStore.name(for: uuid, fileExtension: "../x") == "recordings/0a1b2c3d-0000-4000-8000-00000000abcd.x")
        #expect(RecordingStore.name(for: uuid, fileExtension: "") == "recordings/0a1b2c3d-0000-4000-8000-00000000abcd")
    }

    @Test("resolves only recordings/NAME: no escape from the directory, no hidden or nested names",
          arguments: ["../stilte.sqlite", "recordings/../stilte.sqlite", "/etc/passwd", "recordings/a/b.wav",
                      "recordings/..", "recordings/.hidden.wav", "recordings/", "other/a.wav", "recordings"])
    func refusesEscapes(_ name: String) throws {
        let home = StoreFixtures.home()
        let store = RecordingStore(home: home)
        #expect(store.url(of: name) == nil)
        #expect(store.openForReading(name) == nil)
        #expect(throws: StoreError.self) { try store.copyIn(from: -1, sourcePath: "x", to: name) }
    }

    @Test("copies recordings in 0600 in a 0700 directory, opens and removes them; a second copy to the same name fails")
    func createsPrivately() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let store = RecordingStore(home: home)
        try PrivateFiles.makeDirectory(home.url)
        try store.prepare()
        #expect(PrivateFiles.mode(of: store.directory.path) == 0o700)
        let name = RecordingStore.name(for: UUID(), fileExtension: "wav")
        let source = home.url.appendingPathComponent("answer.wav")
        try Data("RIFF".utf8).write(to: source)
        let fd = try PrivateCopy.openForReading(source.path)
        defer { close(fd) }
        try store.copyIn(from: fd, sourcePath: source.path, to: name)
        let url = try #require(try store.existingFile(name))
        #expect(PrivateFiles.mode(of: url.path) == 0o600)
        #expect(throws: StoreError.self) { try store.copyIn(from: fd, sourcePath: source.path, to: name) }
        let opened = try #require(store.openForReading(name))
        #expect(opened.status.st_size == 4)
        close(opened.descriptor)
        try store.remove(name)
        #expect(try store.existingFile(name) == nil)
        try store.remove(name)  // already gone: nothing to do
    }

    @Test("a symbolic link in place of a recording is neither opened nor followed, and removing it removes the link only")
    func refusesLinks() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let store = RecordingStore(home: home)
        try PrivateFiles.makeDirectory(home.url)
        try store.prepare()
        let secret = home.url.appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: secret)
        let name = RecordingStore.name(for: UUID(), fileExtension: "wav")
        try FileManager.default.createSymbolicLink(atPath: store.url(of: name)!.path, withDestinationPath: secret.path)
        #expect(store.openForReading(name) == nil)
        #expect(throws: StoreError.self) { try store.existingFile(name) }
        #expect(throws: StoreError.self) { try store.copyIn(from: -1, sourcePath: "x", to: name) }
        try store.remove(name)
        #expect(FileManager.default.fileExists(atPath: secret.path))
    }

    @Test("a missing recording is a one-line error naming the take and what to do, in both languages")
    func missingRecording() throws {
        let home = StoreFixtures.home()
        let take = Take(id: 7, traineeId: 1, scenarioId: "s1", recordingPath: RecordingStore.name(for: UUID(), fileExtension: "wav"),
                        sampleRate: 16_000)
        let error = try #require(throws: StoreError.self) { try RecordingStore(home: home).requireFile(of: take) }
        #expect(error.code == .missingRecording)
        #expect(error.text(.en).contains("`stilte delete 7`"))
        #expect(error.text(.nl).contains("ontbreekt"))
    }
}
