import StilteAnalysis

/// Every number a person reads, formatted in one place: seconds, target windows, clocks.
///
/// Dutch writes a decimal comma ("3,92 s"), English a point ("3.92 s"). Machine formats
/// (JSON, CSV, TSV) do not come here: they always use a point.
public enum NumberFormat {
    /// The character between whole and fractional part.
    public static func decimalSeparator(_ language: Language) -> String {
        switch language {
        case .en: "."
        case .nl: ","
        }
    }

    /// `value` rounded to `digits` decimals (0…3): "3.92", "3,9"; "–" for a value that is not finite.
    public static func decimal(_ value: Double, digits: Int = 2, _ language: Language) -> String {
        guard value.isFinite else { return "–" }
        let digits = max(0, min(3, digits))
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + "\(scaled)" }
        let fraction = String(scaled % scale)
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return sign + "\(scaled / scale)" + decimalSeparator(language) + padded
    }

    /// Seconds with their unit: "3.92 s" (nl "3,92 s"); "–" when there is no value.
    public static func seconds(_ value: Double?, digits: Int = 2, _ language: Language) -> String {
        guard let value else { return "–" }
        return decimal(value, digits: digits, language) + " s"
    }

    /// A stretch of a recording: "2.37–6.29 s".
    public static func span(_ start: Double, _ end: Double, _ language: Language) -> String {
        decimal(start, language) + "–" + decimal(end, language) + " s"
    }

    /// The target window: "4.0 ± 0.5 s".
    public static func target(_ target: PauseTarget, _ language: Language) -> String {
        decimal(target.seconds, digits: 1, language) + " ± " + decimal(target.tolerance, digits: 1, language) + " s"
    }

    /// Milliseconds without decimals: "120 ms".
    public static func milliseconds(_ seconds: Double?, _ language: Language) -> String {
        guard let seconds, seconds.isFinite else { return "–" }
        return decimal(seconds * 1000, digits: 0, language) + " ms"
    }

    /// A running clock to the tenth: "0:03.4" (nl "0:03,4").
    public static func clock(_ seconds: Double, _ language: Language) -> String {
        let tenths = Int((max(0, seconds) * 10).rounded(.down))
        let minutes = tenths / 600
        let rest = tenths % 600
        let secs = rest / 10
        return "\(minutes):\(secs < 10 ? "0" : "")\(secs)" + decimalSeparator(language) + "\(rest % 10)"
    }
}
