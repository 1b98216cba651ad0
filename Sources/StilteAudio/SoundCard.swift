import CALSA
#if canImport(Glibc)
import Glibc
#endif

/// A sound card the kernel's ALSA driver knows (`/proc/asound/cards`, `aplay -l`).
public struct SoundCard: Sendable, Equatable {
    /// The card's number: `hw:NUMBER`.
    public var number: Int
    /// Its short name, for example `PCH` or `USB Audio`.
    public var name: String

    public init(number: Int, name: String) {
        self.number = number
        self.name = name
    }

    /// The cards present, in ALSA's order; empty on a machine without one (a server, a container).
    /// The corresponding C functions are `snd_card_next` and `snd_card_get_name`.
    public static func all() -> [SoundCard] {
        ALSALibrary.prepare()
        var cards: [SoundCard] = []
        var number: Int32 = -1
        while snd_card_next(&number) >= 0, number >= 0 {
            var raw: UnsafeMutablePointer<CChar>?
            var name = "card \(number)"
            if snd_card_get_name(number, &raw) >= 0, let raw {
                name = String(cString: raw)
                free(raw)
            }
            cards.append(SoundCard(number: Int(number), name: name))
        }
        return cards
    }
}

extension AudioDevice {
    /// Whether this is a device to talk and listen through (`default`, a card's `hw`/`plughw`/
    /// `sysdefault`, a sound server such as `pulse` or `pipewire`, a PCM of the user's own
    /// configuration) rather than one of ALSA's building blocks: sample-rate converters and
    /// effects from libasound2-plugins (`lavrate`, `speex`, `upmix` …), `jack`, `oss`, `null`,
    /// and a card's raw surround/HDMI/S/PDIF outputs and mixing plugins. `stilte devices` shows
    /// these only with `--all`, as `arecord -l` shows cards where `arecord -L` shows everything.
    public var isEveryday: Bool {
        let base = name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name
        return !Self.buildingBlocks.contains(base) && !Self.buildingBlockPrefixes.contains { base.hasPrefix($0) }
    }

    /// PCM names (before any `:`) of ALSA's and libasound2-plugins' building blocks.
    static let buildingBlocks: Set<String> = [
        "null", "jack", "oss", "speex", "upmix", "vdownmix", "a52", "usbstream", "iec958", "spdif", "hdmi",
        "dmix", "dsnoop", "modem", "phoneline", "front", "rear", "center_lfe", "side",
    ]
    static let buildingBlockPrefixes = ["lavrate", "samplerate", "speexrate", "surround"]
}
