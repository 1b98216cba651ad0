import Foundation
import Testing

/// Runs the built `stilte analyze` on small WAV files written by the test.
@Suite struct AnalyzeCommandTests {
    /// A scratch directory removed when the test ends.
    final class Scratch {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-analyze-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func stilte(_ arguments: [String]) throws -> Run {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("stilte"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("stilte"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/stilte"),
        ]
        let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                                  "build stilte first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A 16 kHz mono 16-bit WAV: vowel-like harmonic bursts over faint noise.
    static func writeAnswer(_ path: String, words: [(Double, Double)], seconds: Double) throws {
        let rate = 16000
        var state: UInt32 = 12345
        var samples = [Int16](repeating: 0, count: Int(seconds * Double(rate)))
        var phase = 0.0
        for i in samples.indices {
            let t = Double(i) / Double(rate)
            state = state &* 1_664_525 &+ 1_013_904_223
            var x = (Double(state >> 8) / Double(1 << 24) - 0.5) * 0.002
            let f0 = 115 + 20 * sin(2 * .pi * 2 * t)
            phase += 2 * .pi * f0 / Double(rate)
            for (start, end) in words where t >= start && t < end {
                let envelope = min(1, (t - start) / 0.015) * min(1, (end - t) / 0.04)
                var v = 0.0
                for h in 1...25 {
                    let f = Double(h) * f0
                    let formants = 1 / (1 + pow((f - 650) / 100, 2)) + 0.6 / (1 + pow((f - 1400) / 120, 2))
                    v += formants * sin(Double(h) * phase) / Double(h).squareRoot()
                }
                x += 0.3 * envelope * v
            }
            samples[i] = Int16(max(-32767, min(32767, x * 32767)))
        }
        var data = Data()
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8)); put(UInt32(36 + samples.count * 2))
        data.append(contentsOf: Array("WAVEfmt ".utf8)); put(UInt32(16)); put(UInt16(1)); put(UInt16(1))
        put(UInt32(rate)); put(UInt32(rate * 2)); put(UInt16(2)); put(UInt16(16))
        data.append(contentsOf: Array("data".utf8)); put(UInt32(samples.count * 2))
        for s in samples { put(s) }
        try data.write(to: URL(fileURLWithPath: path))
    }

    static let refusal = [(0.5, 1.2), (1.35, 2.0)]

    @Test func jsonDescribesOneFile() throws {
        let scratch = try Scratch()
        let file = scratch.path("answer.wav")
        try Self.writeAnswer(file, words: Self.refusal + [(6.0, 7.0)], seconds: 7.5)
        let run = try Self.stilte(["analyze", "--json", file])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["file"] as? String == file)
        #expect(object["sampleRate"] as? Int == 16000 && object["channels"] as? Int == 1)
        #expect(abs((object["duration"] as? Double ?? 0) - 7.5) < 0.001)
        let target = try #require(object["target"] as? [String: Double])
        #expect(target == ["seconds": 4.0, "tolerance": 0.5])
        let pause = try #require(object["pause"] as? [String: Any])
        #expect(abs((pause["start"] as? Double ?? 0) - 2.0) < 0.05)
        #expect(abs((pause["end"] as? Double ?? 0) - 6.0) < 0.05)
        #expect(abs((pause["duration"] as? Double ?? 0) - 4.0) < 0.1)
        #expect(pause["events"] is [Any])
        let refusal = try #require(object["refusal"] as? [String: Double])
        #expect(abs((refusal["start"] ?? 0) - 0.5) < 0.05)
        #expect((object["segments"] as? [[String: Double]])?.count == 2)
        #expect(object["verdict"] as? String == "on-target")
    }

    @Test func optionsChangeTheRule() throws {
        let scratch = try Scratch()
        let file = scratch.path("answer.wav")
        try Self.writeAnswer(file, words: Self.refusal + [(6.0, 7.0)], seconds: 7.5)
        let run = try Self.stilte(["analyze", "--json", "--target", "2", "--tolerance", "0.2", "--min-pause", "0.1", file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let pause = try #require(object["pause"] as? [String: Any])
        #expect(abs((pause["start"] as? Double ?? 0) - 1.2) < 0.05, "a 0.15 s gap now ends the refusal")
        #expect(object["verdict"] as? String == "short")
    }

    @Test func pauseIsNullWhenSpeechNeverStops() throws {
        let scratch = try Scratch()
        let file = scratch.path("rush.wav")
        try Self.writeAnswer(file, words: Self.refusal + [(2.3, 3.5)], seconds: 3.7)
        let run = try Self.stilte(["analyze", "--json", file])
        #expect(run.stdout.contains("\"pause\":null"))
        #expect(run.stdout.contains("\"verdict\":\"no-pause\""))
    }

    @Test func badFilesGetOneLineEachAndTheRestIsStillAnalysed() throws {
        let scratch = try Scratch()
        let good = scratch.path("good.wav"), empty = scratch.path("empty.wav"), text = scratch.path("notes.wav")
        let headerOnly = scratch.path("header.wav"), missing = scratch.path("missing.wav")
        try Self.writeAnswer(good, words: Self.refusal + [(6.0, 7.0)], seconds: 7.5)
        try Self.writeAnswer(headerOnly, words: [], seconds: 0)
        FileManager.default.createFile(atPath: empty, contents: Data())
        try "not audio".write(toFile: text, atomically: true, encoding: .utf8)
        let run = try Self.stilte(["analyze", "--json", missing, empty, good, text, headerOnly, scratch.url.path])
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 5, "\(run.stderr)")
        for bad in [missing, empty, text, headerOnly, scratch.url.path] {
            #expect(lines.filter { $0.contains(bad + ":") }.count == 1, "\(bad) in \(run.stderr)")
        }
        #expect(!run.stderr.contains("Fatal") && !run.stderr.contains("Stack"))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1 && array.first?["file"] as? String == good)
    }

    @Test func writesTextGridAndLabelsForOneFile() throws {
        let scratch = try Scratch()
        let file = scratch.path("answer.wav")
        try Self.writeAnswer(file, words: Self.refusal + [(6.0, 7.0)], seconds: 7.5)
        let grid = scratch.path("answer.TextGrid"), labels = scratch.path("answer.txt")
        let run = try Self.stilte(["analyze", file, "--textgrid", grid, "--labels", labels])
        #expect(run.status == 0, "\(run.stderr)")
        let textGrid = try String(contentsOfFile: grid, encoding: .utf8)
        #expect(textGrid.hasPrefix("File type = \"ooTextFile\"\nObject class = \"TextGrid\""))
        #expect(textGrid.contains("name = \"speech\"") && textGrid.contains("name = \"answer\""))
        #expect(textGrid.contains("text = \"pause\"") && textGrid.contains("text = \"solution\""))
        let labelLines = try String(contentsOfFile: labels, encoding: .utf8).split(separator: "\n")
        let pause = try #require(labelLines.first { $0.contains("\tpause ") })
        let fields = pause.split(separator: "\t")
        #expect(fields.count == 3 && abs((Double(fields[0]) ?? 0) - 2.0) < 0.05 && abs((Double(fields[1]) ?? 0) - 6.0) < 0.05)
    }

    @Test func severalFilesWriteExportsIntoADirectory() throws {
        let scratch = try Scratch()
        let a = scratch.path("a.wav"), b = scratch.path("b.wav")
        try Self.writeAnswer(a, words: Self.refusal + [(6.0, 7.0)], seconds: 7.5)
        try Self.writeAnswer(b, words: Self.refusal, seconds: 4.0)
        let out = scratch.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let run = try Self.stilte(["analyze", a, b, "--textgrid", out, "--labels", out])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["a.TextGrid", "b.TextGrid", "a.txt", "b.txt"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name)")
        }
        let notDirectory = try Self.stilte(["analyze", a, b, "--textgrid", scratch.path("x.TextGrid")])
        #expect(notDirectory.status != 0 && notDirectory.stderr.contains("must be an existing directory"))
    }

    @Test func oneFileIntoAnExistingDirectoryAsCpWould() throws {
        let scratch = try Scratch()
        let file = scratch.path("answer.wav")
        try Self.writeAnswer(file, words: Self.refusal + [(6.0, 7.0)], seconds: 7.5)
        let out = scratch.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let run = try Self.stilte(["analyze", file, "--textgrid", out, "--labels", out])
        #expect(run.status == 0, "\(run.stderr)")
        let grid = try String(contentsOfFile: out + "/answer.TextGrid", encoding: .utf8)
        #expect(grid.contains("name = \"events\""))
        #expect(FileManager.default.fileExists(atPath: out + "/answer.txt"))
    }

    @Test func aFileThatCannotBeWrittenIsSaidInPlainWords() throws {
        let scratch = try Scratch()
        let file = scratch.path("answer.wav")
        try Self.writeAnswer(file, words: Self.refusal + [(6.0, 7.0)], seconds: 7.5)
        let missing = scratch.path("no-such-folder/answer.TextGrid")
        let run = try Self.stilte(["analyze", file, "--textgrid", missing])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("stilte analyze: \(missing): cannot create the file (No such file or directory)"))
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("operation could not be completed"))
    }

    /// Issue 9, the answer that never pauses: words without a silence of --min-pause, then quiet.
    /// JSON has `pause: null` and the silence after the last word in a field of its own; the
    /// screen says no pause was found and measures that silence, in English and Dutch; a short
    /// refusal followed by silence only stays `no-continuation`.
    @Test func anAnswerThatNeverPausesIsReportedAsMeasured() throws {
        let scratch = try Scratch()
        let runOn = scratch.path("run-on.wav")
        // 5.4 s of words 0.2 s apart (longer than any refusal), then 2.6 s of quiet.
        try Self.writeAnswer(runOn, words: stride(from: 0.5, to: 5.5, by: 0.8).map { ($0, $0 + 0.6) }, seconds: 8.5)
        let run = try Self.stilte(["analyze", "--json", runOn])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "no-pause")
        #expect(object["pause"] is NSNull, "\(object["pause"] ?? "missing")")
        let after = try #require(object["silenceAfterLastWord"] as? Double)
        #expect(abs(after - 2.6) < 0.1, "silence after the last word \(after) s")
        let refusalEnd = try #require((object["refusal"] as? [String: Double])?["end"])
        #expect(abs(refusalEnd + after - 8.5) < 0.002, "the silence runs from the last word to the end")

        let measured = String(format: "%.2f s", after)
        let english = try Self.stilte(["analyze", runOn]).stdout
        #expect(english.contains("pause     none")
                && english.contains("verdict   no-pause: no pause between the words; \(measured) of silence after the last"), "\(english)")
        let dutch = try Self.stilte(["--lang", "nl", "analyze", runOn]).stdout
        let gemeten = measured.replacingOccurrences(of: ".", with: ",")
        #expect(dutch.contains("pauze     geen")
                && dutch.contains("oordeel   no-pause: geen pauze tussen de woorden; \(gemeten) stilte na het laatste"), "\(dutch)")
        #expect(dutch.contains("Stop na het nee en tel in stilte; bied dan de oplossing."))
        for text in [english, dutch] {
            #expect(!text.contains("no-continuation") && !text.contains("never"), "\(text)")
            for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        }

        let alone = scratch.path("refusal-alone.wav")
        try Self.writeAnswer(alone, words: Self.refusal, seconds: 6)
        let refusal = try #require(try JSONSerialization.jsonObject(with: Data(try Self.stilte(["analyze", "--json", alone]).stdout.utf8)) as? [String: Any])
        #expect(refusal["verdict"] as? String == "no-continuation")
        #expect((refusal["pause"] as? [String: Any])?["end"] as? Double == 6)
    }

    @Test func humanOutputFitsEightyColumns() throws {
        let scratch = try Scratch()
        let file = scratch.path("answer.wav")
        try Self.writeAnswer(file, words: Self.refusal + [(6.0, 7.0)], seconds: 7.5)
        let run = try Self.stilte(["analyze", file])
        #expect(run.status == 0)
        for line in run.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        // The tone's last frame may be read as the refusal's end (one 10 ms frame late): 3.99 s.
        #expect((run.stdout.contains("= 4.0") || run.stdout.contains("= 3.99")) && run.stdout.contains("verdict   on-target"), "\(run.stdout)")
    }
}
