import Foundation

/// How the audio commands print numbers.
public enum Format {
    /// "3.02 s".
    public static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

    /// "-6.0 dBFS", or "-inf dBFS" for silence.
    public static func dBFS(_ value: Float) -> String {
        value.isFinite ? String(format: "%.1f dBFS", value) : "-inf dBFS"
    }
}
