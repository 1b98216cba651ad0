import Testing
import StilteAudio

@Suite struct DeviceListTests {
    @Test func listsConfiguredDevicesAndMarksTheDefault() throws {
        TestDevices.setUp()
        let devices = try AudioDevice.all()
        let byName = Dictionary(devices.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["default"]?.isDefault == true)
        #expect(byName["default"]?.description == "Stilte test default")
        #expect(byName["stilte_listed"]?.isDefault == false)
        #expect(byName["stilte_listed"]?.description == "Stilte test device")
        #expect(byName["stilte_listed"]?.directions == [.playback, .capture])
        #expect(devices.filter(\.isDefault).count == 1)
    }
}
