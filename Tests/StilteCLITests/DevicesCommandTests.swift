import Foundation
import Testing
import StilteTestSupport

@Suite struct DevicesCommandTests {
    @Test func listsDevicesAndMarksTheDefault() async throws {
        let result = try await Stilte.run(["devices"])
        #expect(result.succeeded)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Playback devices:")
        #expect(lines.contains { $0.wholeMatch(of: #/\* default +Test default: the null device/#) != nil })
        #expect(lines.contains { $0.wholeMatch(of: #/  null +Discard all samples \(playback\) or generate zero samples \(capture\)/#) != nil })
        #expect(lines.contains("Capture devices:"))
        #expect(lines.filter { $0.hasPrefix("* ") }.count == 2, "the default is marked in both lists")
    }

    @Test func saysClearlyWhenThereAreNone() async throws {
        let dir = try TemporaryDirectory()
        let config = dir.file("empty.conf")
        try Data("pcm.quiet { type null }\n".utf8).write(to: config)
        let result = try await Stilte.run(["devices"], environment: ["ALSA_CONFIG_PATH": config.path])
        #expect(result.succeeded)
        #expect(result.output == """
            Playback devices: none. ALSA lists no such device (no sound card or sound server configured).
            Capture devices: none. ALSA lists no such device (no sound card or sound server configured).

            """)
    }
}
