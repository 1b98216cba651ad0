import ArgumentParser
import StilteAudio

extension Stilte {
    /// `stilte devices`: the ALSA playback and capture devices.
    struct Devices: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List ALSA playback and capture devices (* marks the default).")

        func run() throws {
            let devices: [AudioDevice]
            do throws(AudioError) {
                devices = try AudioDevice.all()
            } catch {
                throw CommandFailure("cannot list ALSA devices (\(error.message), \(error.function)): check the ALSA configuration (`aplay -L`)")
            }
            section("Playback devices", devices.filter { $0.directions.contains(.playback) })
            section("Capture devices", devices.filter { $0.directions.contains(.capture) })
        }

        private func section(_ title: String, _ devices: [AudioDevice]) {
            guard !devices.isEmpty else {
                print("\(title): none. ALSA lists no such device (no sound card or sound server configured).")
                return
            }
            print("\(title):")
            let width = min(devices.map(\.name.count).max() ?? 0, 40)
            for device in devices {
                let mark = device.isDefault ? "*" : " "
                let padded = device.name.padding(toLength: max(width, device.name.count), withPad: " ", startingAt: 0)
                print("\(mark) \(padded)  \(device.description)")
            }
        }
    }
}
