import CALSA
#if canImport(Glibc)
import Glibc
#endif

/// One ALSA PCM as `aplay -L` / `arecord -L` list it.
public struct AudioDevice: Sendable, Equatable {
    /// Which way sound can go through a device.
    public struct Directions: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Sound goes out: `stilte play --device NAME` works.
        public static let playback = Directions(rawValue: 1)
        /// Sound comes in: `stilte record --device NAME` works.
        public static let capture = Directions(rawValue: 2)
    }

    /// The name to open, for example `default`, `pulse` or `plughw:CARD=USB,DEV=0`.
    public var name: String
    /// The human description, lines joined with " — " (empty when ALSA gives none).
    public var description: String
    /// Playback, capture or both (ALSA's IOID hint; no hint means both).
    public var directions: Directions
    /// True for the device Stilte opens when none is named (`default`).
    public var isDefault: Bool

    public init(name: String, description: String, directions: Directions, isDefault: Bool) {
        self.name = name
        self.description = description
        self.directions = directions
        self.isDefault = isDefault
    }

    /// The device name Stilte uses when none is given.
    public static let defaultName = "default"

    /// The PCMs ALSA's configuration lists (all cards and plugins with a hint).
    /// The corresponding C functions are `snd_device_name_hint` and `snd_device_name_get_hint`.
    public static func all() throws(AudioError) -> [AudioDevice] {
        let hints = try DeviceHints()
        return hints.entries.compactMap { hint in
            guard let name = DeviceHints.value(hint, "NAME") else { return nil }
            let description = (DeviceHints.value(hint, "DESC") ?? "")
                .split(whereSeparator: \.isNewline).joined(separator: " — ")
            let directions: Directions
            switch DeviceHints.value(hint, "IOID") {
            case "Output": directions = .playback
            case "Input": directions = .capture
            default: directions = [.playback, .capture]
            }
            return AudioDevice(name: name, description: description, directions: directions,
                               isDefault: name == defaultName)
        }
    }
}

/// The hint array of `snd_device_name_hint`, owned: freed exactly once in `deinit`.
private final class DeviceHints {
    private let hints: UnsafeMutablePointer<UnsafeMutableRawPointer?>

    init() throws(AudioError) {
        ALSALibrary.prepare()
        var raw: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        let rc = snd_device_name_hint(-1, "pcm", &raw)
        guard rc >= 0, let raw else { throw .alsa("snd_device_name_hint", rc, device: "pcm") }
        hints = raw
    }

    deinit { snd_device_name_free_hint(hints) }

    /// The non-nil hints, in ALSA's order.
    var entries: [UnsafeMutableRawPointer] {
        var out: [UnsafeMutableRawPointer] = []
        var cursor = hints
        while let hint = cursor.pointee {
            out.append(hint)
            cursor += 1
        }
        return out
    }

    /// One field (`NAME`, `DESC`, `IOID`) of a hint; the C string is freed here.
    static func value(_ hint: UnsafeMutableRawPointer, _ id: String) -> String? {
        guard let c = snd_device_name_get_hint(hint, id) else { return nil }
        defer { free(c) }
        return String(cString: c)
    }
}
