import Foundation
import StilteAudio
import Testing
import StilteTestSupport

/// "Every shipped scenario loads, and its prompts exist and play": each prompt the scenarios
/// name is played by `stilte play` through the real ALSA code path into a stock `file` plugin
/// device, and what reached the device is the file's audio, sample for sample.
@Suite("Shipped prompts play through ALSA")
struct ShippedPromptsPlayTests {
    @Test func everyShippedPromptPlaysSampleForSample() async throws {
        try TestALSA.setUp()
        let dir = try TemporaryDirectory()

        let listed = try ScenariosCLI.run(["scenarios", "--json"])
        #expect(listed.status == 0, "\(listed.error)")
        let scenarios = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let prompts = scenarios.flatMap { ($0["turns"] as? [[String: Any]] ?? []).compactMap { $0["audioPath"] as? String } }
        #expect(prompts.count >= 30)

        for (index, prompt) in prompts.enumerated() {
            let reader = try SoundFileReader(path: prompt)
            let expected = try Self.decodedSamples(reader)
            let device = dir.file("played-\(index).raw")
            let result = try await Stilte.run(
                ["play", prompt, "--device", TestALSA.filePlayback(output: device, rate: reader.sampleRate, channels: 1)])
            #expect(result.status == 0, "\(prompt): \(result.errorOutput)")
            #expect(result.output.hasPrefix("Played \(String(format: "%.2f s", reader.duration)) of \(prompt)"), "\(result.output)")
            #expect(result.output.contains("(0 underruns)"))
            let played = try RawAudio.read(device)
            #expect(played.count == reader.frames, "\(prompt)")
            let differing = zip(played, expected).filter { $0 != $1 }.count
            #expect(played.count == expected.count && differing == 0,
                    "\(prompt): \(differing) of \(expected.count) samples differ from the file's")
            try? FileManager.default.removeItem(at: device)
        }
    }

    /// The file's samples as libsndfile decodes them to 16 bits (what `stilte play` sends).
    private static func decodedSamples(_ reader: SoundFileReader) throws -> [Int16] {
        var samples: [Int16] = []
        var block = [Int16](repeating: 0, count: 4096)
        while true {
            let frames = try block.withUnsafeMutableBufferPointer { buffer in try reader.read(into: buffer) }
            if frames == 0 { break }
            samples += block[0..<frames]
        }
        return samples
    }
}
