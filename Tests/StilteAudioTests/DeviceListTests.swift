import Testing
import StilteAudio
import StilteTestSupport

@Suite struct DeviceListTests {
    @Test func listsConfiguredDevicesAndMarksTheDefault() throws {
        try TestALSA.setUp()
        let devices = try AudioDevice.all()
        let byName = Dictionary(devices.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["default"]?.isDefault == true)
        #expect(byName["default"]?.description == "Test default: the null device")
        #expect(byName["null"]?.isDefault == false)
        #expect(byName["null"]?.description == "Discard all samples (playback) or generate zero samples (capture)")
        #expect(byName["null"]?.directions == [.playback, .capture])
        #expect(devices.filter(\.isDefault).count == 1)
    }
}
