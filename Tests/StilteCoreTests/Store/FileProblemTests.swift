import Foundation
import Testing
@testable import StilteCore

/// Foundation's file errors in plain words, never "NSCocoaErrorDomain error 512".
@Suite struct FileProblemTests {
    @Test func foundationErrorsBecomePlainWords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-fileproblem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        // The error of issue #16: writing a text atomically onto an existing directory.
        let onDirectory = #expect(throws: (any Error).self) { try "x".write(toFile: dir.path, atomically: true, encoding: .utf8) }
        let problem = FileProblem(try #require(onDirectory))
        #expect(problem != .failed, "\(String(describing: onDirectory))")
        #expect(!problem.en.contains("NSCocoaErrorDomain") && !problem.nl.isEmpty)

        let missing = #expect(throws: (any Error).self) { try Data().write(to: dir.appendingPathComponent("no/such/file")) }
        #expect(FileProblem(try #require(missing)) == .notFound)
        let unreadable = #expect(throws: (any Error).self) { try String(contentsOf: dir.appendingPathComponent("absent"), encoding: .utf8) }
        #expect(FileProblem(try #require(unreadable)).en == "no such file or folder")
        #expect(FileProblem(errno: ENOSPC).nl == "de schijf is vol")
    }
}
