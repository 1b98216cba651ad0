import Foundation
import Testing
import StilteTestSupport

@Suite struct DevicesCommandTests {
    static let noCard = "No sound card found: ALSA sees no microphone or speaker on this machine. Plug in a headset or USB microphone (check with `arecord -l`), or start a sound server (PulseAudio, PipeWire) and use its device, such as 'pulse'."

    @Test func listsUsableDevicesFirstAndMarksTheDefault() async throws {
        let result = try await Stilte.run(["devices"])
        #expect(result.succeeded)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // These machines have no sound card (the rig's configuration replaces the system's, not the kernel's cards).
        #expect(lines.first == Self.noCard)
        #expect(lines.contains("Playback devices:") && lines.contains("Capture devices:"))
        #expect(lines.contains { $0.wholeMatch(of: #/\* default +Test default: the null device/#) != nil })
        #expect(lines.filter { $0.hasPrefix("* ") }.count == 2, "the default is marked in both lists")
        #expect(!lines.contains { $0.hasPrefix("  null ") }, "null is one of ALSA's building blocks: only with --all")
        #expect(lines.last(where: { !$0.isEmpty }) == "1 more (converters, jack, oss, null, raw outputs): `stilte devices --all`.")
    }

    @Test func allListsTheBuildingBlocksToo() async throws {
        let result = try await Stilte.run(["devices", "--all"])
        #expect(result.succeeded)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.wholeMatch(of: #/  null +Discard all samples \(playback\) or generate zero samples \(capture\)/#) != nil })
        #expect(!lines.contains { $0.contains("stilte devices --all") })
    }

    @Test func saysInDutchWhenAskedTo() async throws {
        let result = try await Stilte.run(["devices"], environment: ["STILTE_LANG": "nl"])
        #expect(result.succeeded)
        #expect(result.output.hasPrefix("Geen geluidskaart gevonden: "))
        #expect(result.output.contains("Afspeelapparaten:\n* default"))
    }

    @Test func saysClearlyWhenThereAreNone() async throws {
        let dir = try TemporaryDirectory()
        let config = dir.file("empty.conf")
        try Data("pcm.quiet { type null }\n".utf8).write(to: config)
        let result = try await Stilte.run(["devices"], environment: ["ALSA_CONFIG_PATH": config.path])
        #expect(result.succeeded)
        #expect(result.output == """
            \(Self.noCard)

            Playback devices: none. ALSA lists no such device (no sound card or sound server configured).
            Capture devices: none. ALSA lists no such device (no sound card or sound server configured).

            """)
    }
}
