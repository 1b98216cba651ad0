import Foundation
import Testing
@testable import StilteCore

/// Scenario files past ``ScenarioLimits`` are reported and not read (a 200 MB file once cost
/// 13 s and 1 GB on every command), and a FIFO among them does not block loading.
@Suite("Scenario file limits")
struct ScenarioLimitTests {
    /// A valid scenario `id` padded with comment lines to exactly `bytes` bytes.
    static func padded(_ id: String, bytes: Int) -> String {
        var text = ScenarioFixture.scenario(id: id)
        let line = "# padding: notes a writer might keep in the file, long enough to fill it.\n"
        while text.utf8.count + line.utf8.count <= bytes { text += line }
        let left = bytes - text.utf8.count
        if left >= 2 { text += "#" + String(repeating: "x", count: left - 2) + "\n" } else if left == 1 { text += "\n" }
        return text
    }

    @Test func aFileLargerThanTheLimitIsNotReadAndNamedInOneLine() throws {
        let fixture = try ScenarioFixture()
        try fixture.touchAudio("big.en-1.ogg")
        try fixture.touchAudio("small.en-1.ogg")
        try fixture.write("big.en.yaml", Self.padded("big.en", bytes: ScenarioLimits.fileBytes + 1))
        try fixture.write("small.en.yaml", ScenarioFixture.scenario(id: "small.en"))
        let library = try fixture.load()
        #expect(library.scenario(id: "big.en") == nil)
        #expect(library.scenario(id: "small.en") != nil)
        let error = try #require(library.errors.first)
        #expect(library.errors.count == 1)
        #expect(error.code == .tooLarge)
        #expect(error.file.hasSuffix("Scenarios/big.en.yaml"))
        #expect(error.text(.en).contains("is 65 KiB; a scenario file may be at most 64 KiB"))
        #expect(error.text(.en).contains("shorten it or split it"))
        #expect(error.text(.nl).contains("een scenariobestand mag hoogstens 64 KiB zijn"))
        #expect(!error.text(.en).contains("\n") && !error.text(.nl).contains("\n"))
    }

    @Test func aFileJustWithinTheLimitLoads() throws {
        let fixture = try ScenarioFixture()
        try fixture.touchAudio("edge.en-1.ogg")
        try fixture.write("edge.en.yaml", Self.padded("edge.en", bytes: ScenarioLimits.fileBytes))
        let library = try fixture.load()
        #expect(library.errors == [])
        #expect(library.scenario(id: "edge.en") != nil)
    }

    @Test func theLibraryStopsReadingPastItsTotalAndSaysHowManyFilesWereLeft() throws {
        let fixture = try ScenarioFixture()
        // Files of 60 KiB: 17 fit in 1 MiB, the 18th does not; 20 files leave 3 unread.
        let perFile = 60 << 10
        let fitting = ScenarioLimits.libraryBytes / perFile
        let ids = (1...fitting + 3).map { String(format: "s%02d.en", $0) }
        for id in ids {
            try fixture.touchAudio("\(id)-1.ogg")
            try fixture.write("\(id).yaml", Self.padded(id, bytes: perFile))
        }
        let library = try fixture.load()
        #expect(library.scenarios.map(\.id) == Array(ids.prefix(fitting)))
        let error = try #require(library.errors.first)
        #expect(library.errors.count == 1)
        #expect(error.code == .tooLarge)
        #expect(error.file.hasSuffix("Scenarios/\(ids[fitting]).yaml"))
        #expect(error.text(.en).contains("more than 1024 KiB together; this file and the 2 after it were not read"))
        #expect(error.text(.nl).contains("dit bestand en de 2 erna zijn niet gelezen"))
    }

    @Test func aFIFONamedLikeAScenarioIsRefusedWithoutWaitingForAWriter() throws {
        let fixture = try ScenarioFixture()
        let fifo = fixture.scenarios.appendingPathComponent("pipe.en.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Should loading block in open(), a writer arrives after 5 s so the test ends either way.
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
            let writer = open(fifo.path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        let started = Date()
        let library = try fixture.load()
        #expect(Date().timeIntervalSince(started) < 2)
        let error = try #require(library.errors.first)
        #expect(error.code == .unreadable)
        #expect(error.text(.en).contains("is not a regular file"))
        #expect(error.text(.nl).contains("is geen gewoon bestand"))
    }
}
