import Foundation
import Testing

@Suite struct DevicesCommandTests {
    @Test func listsDevicesAndMarksTheDefault() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir, extra: """
            pcm.default { type plug slave.pcm { type null } hint { show on description "Test default" } }
            pcm.stilte_mic { type null hint { show on description "Test microphone" } }
            """)
        let result = try StilteBinary.run(["devices"], alsaConfig: config, in: dir)
        #expect(result.status == 0)
        #expect(result.stdout == """
            Playback devices:
            * default     Test default
              stilte_mic  Test microphone
            Capture devices:
            * default     Test default
              stilte_mic  Test microphone

            """)
    }

    @Test func saysClearlyWhenThereAreNone() throws {
        let dir = try scratchDirectory()
        let config = try CLIDevices.config(in: dir)
        let result = try StilteBinary.run(["devices"], alsaConfig: config, in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Playback devices: none."))
        #expect(result.stdout.contains("Capture devices: none."))
    }
}
