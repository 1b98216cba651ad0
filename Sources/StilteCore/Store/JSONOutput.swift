import Foundation

/// The one set-up of the JSON Stilte writes: `--json` outputs, the server's API, bundles.
/// Keys sorted (stable output to diff and test), slashes as they are (`/` in file paths).
public enum JSONOutput {
    /// An encoder with those settings; `pretty` indents (for people), `dates` defaults to ISO 8601.
    public static func encoder(pretty: Bool = true,
                               dates: JSONEncoder.DateEncodingStrategy = .iso8601) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = dates
        return encoder
    }
}
