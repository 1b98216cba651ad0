import ArgumentParser
import StilteAudio

/// `--device NAME`, shared by the commands that open an ALSA PCM.
struct DeviceOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: .text(en: "ALSA device name (see `stilte devices`).", nl: "Naam van het ALSA-apparaat (zie `stilte devices`)."), completion: Completions.anyDevices)
    var device: String = AudioDevice.defaultName
}
