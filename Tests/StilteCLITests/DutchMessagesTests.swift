import Foundation
import Testing
import StilteTestSupport

/// Errors and reports of the audio commands in the interface language (issue #13): with `--lang nl`
/// each says in Dutch what failed and what to do, and no English sentence slips through;
/// with `--lang en` the same line is English.
struct DutchMessagesTests {
    /// Words of the English messages that no Dutch message uses.
    static let englishWords = ["cannot", "must", "already", "not found", "choose", "give", "Played", "Recorded", "the first"]

    /// One failing or reporting command and what its Dutch and English lines contain.
    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let dutch: String
        let english: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases = [
        Case(arguments: ["record", "--rate", "5", "out.wav"], dutch: "--rate moet tussen 8000 en 192000 Hz liggen", english: "--rate must be between"),
        Case(arguments: ["record", "--seconds", "0", "out.wav"], dutch: "--seconds moet meer dan 0", english: "--seconds must be more than 0"),
        Case(arguments: ["play", "/nonexistent/answer.wav"], dutch: "kan '/nonexistent/answer.wav' niet lezen", english: "cannot read '/nonexistent/answer.wav'"),
        Case(arguments: ["record", "--device", "stilte_no_such_device", "--seconds", "1", "DIR/out.wav"],
             dutch: "opnameapparaat 'stilte_no_such_device'", english: "capture device 'stilte_no_such_device'"),
        Case(arguments: ["prompt", "record", "no-such-scenario"], dutch: "geen scenario 'no-such-scenario'", english: "no scenario 'no-such-scenario'"),
    ]

    @Test(arguments: cases)
    func failsInTheChosenLanguage(_ example: Case) async throws {
        let dir = try TemporaryDirectory()
        let arguments = example.arguments.map { $0.replacingOccurrences(of: "DIR", with: dir.url.path) }
        let dutch = try await Stilte.run(arguments + ["--lang", "nl"])
        let line = String(decoding: dutch.standardError, as: UTF8.self)
        #expect(dutch.status != 0 && !dutch.terminatedBySignal)
        #expect(line.contains(example.dutch), "\(line)")
        for word in Self.englishWords { #expect(!line.contains(word), "'\(word)' in: \(line)") }
        let english = try await Stilte.run(arguments + ["--lang", "en"])
        #expect(String(decoding: english.standardError, as: UTF8.self).contains(example.english))
    }

    @Test func aRecordingReportsInDutch() async throws {
        let dir = try TemporaryDirectory()
        let input = dir.file("in.raw")
        try Data(repeating: 0, count: 16_000 * 2).write(to: input)
        let device = TestALSA.fileCapture(input: input, rate: 16_000, channels: 1)
        let result = try await Stilte.run(["record", "--device", device, "--seconds", "0.5", dir.file("out.wav").path, "--lang", "nl"])
        let output = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(result.status == 0, "\(String(decoding: result.standardError, as: UTF8.self))")
        #expect(output.hasPrefix("0,5") && output.contains(" s opgenomen in \(dir.file("out.wav").path): piek -inf dBFS, 0 keer overloop."),
                "\(output)")
    }
}
