import ArgumentParser
import StilteCore
import StilteAudio

extension Stilte {
    /// `stilte devices`: the ALSA playback and capture devices to use, the rest with `--all`.
    struct Devices: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "List ALSA playback and capture devices (* marks the default).", nl: "Toon de ALSA-apparaten voor afspelen en opnemen (* is de standaard)."),
            discussion: Interface.text(en: """
                Shows the devices to talk and listen through: the default, the sound cards, sound servers \
                and your own ALSA configuration. --all adds ALSA's building blocks (rate converters, \
                jack, oss, null, a card's surround and HDMI outputs), as `arecord -L` does.
                """, nl: "Toont de apparaten om mee te praten en te luisteren: de standaard, de geluidskaarten, geluidsservers en je eigen ALSA-instellingen. --all voegt de bouwstenen van ALSA toe (samplefrequentie-omzetters, jack, oss, null, surround- en HDMI-uitgangen van een kaart), zoals `arecord -L`."))

        @Flag(help: .text(en: "Also list converters, jack, oss, null and a card's raw outputs.", nl: "Toon ook converters, jack, oss, null en de ruwe uitgangen van een kaart."))
        var all = false

        func run() throws {
            let devices: [AudioDevice]
            do throws(AudioError) {
                devices = try AudioDevice.all()
            } catch {
                throw CommandFailure(Phrase(
                    en: "cannot list ALSA devices (\(error.message), \(error.function)): check the ALSA configuration (`aplay -L`)",
                    nl: "kan de ALSA-apparaten niet opsommen (\(error.message), \(error.function)): controleer de ALSA-instellingen (`aplay -L`)"))
            }
            if SoundCard.all().isEmpty {
                print(Phrase(
                    en: "No sound card found: ALSA sees no microphone or speaker on this machine. Plug in a headset or USB microphone (check with `arecord -l`), or start a sound server (PulseAudio, PipeWire) and use its device, such as 'pulse'.",
                    nl: "Geen geluidskaart gevonden: ALSA ziet op deze computer geen microfoon of luidspreker. Sluit een headset of USB-microfoon aan (controleer met `arecord -l`), of start een geluidsserver (PulseAudio, PipeWire) en gebruik zijn apparaat, zoals 'pulse'.").text(Interface.language))
                print()
            }
            let shown = all ? devices : devices.filter(\.isEveryday)
            section(Phrase(en: "Playback devices", nl: "Afspeelapparaten").text(Interface.language), shown.filter { $0.directions.contains(.playback) })
            section(Phrase(en: "Capture devices", nl: "Opnameapparaten").text(Interface.language), shown.filter { $0.directions.contains(.capture) })
            let hidden = devices.count - shown.count
            if hidden > 0 {
                print(Phrase(en: "\(hidden) more (converters, jack, oss, null, raw outputs): `stilte devices --all`.",
                                nl: "Nog \(hidden) (omzetters, jack, oss, null, ruwe uitgangen): `stilte devices --all`.").text(Interface.language))
            }
        }

        private func section(_ title: String, _ devices: [AudioDevice]) {
            guard !devices.isEmpty else {
                print(Phrase(en: "\(title): none. ALSA lists no such device (no sound card or sound server configured).",
                                nl: "\(title): geen. ALSA kent zo'n apparaat niet (geen geluidskaart of geluidsserver ingesteld).").text(Interface.language))
                return
            }
            print("\(title):")
            let width = min(devices.map(\.name.count).max() ?? 0, 40)
            // The default first, then the others in ALSA's order.
            for device in devices.filter(\.isDefault) + devices.filter({ !$0.isDefault }) {
                let mark = device.isDefault ? "*" : " "
                let padded = device.name.padding(toLength: max(width, device.name.count), withPad: " ", startingAt: 0)
                print("\(mark) \(padded)  \(device.description)")
            }
        }
    }
}
