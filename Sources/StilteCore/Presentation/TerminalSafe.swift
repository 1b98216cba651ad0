extension String {
    /// The text with nothing a terminal would obey: tabs and line breaks become spaces,
    /// every other control character (C0, DEL, C1, so every ANSI escape sequence's ESC or CSI)
    /// and every bidirectional override becomes U+FFFD. For text from the log or a bundle
    /// (trainee and reviewer names, comments, scenario ids) printed for a human to read.
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: Self.isUnsafe) else { return self }
        var safe = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "\t", "\n", "\r": safe.append(" ")
            case _ where Self.isUnsafe(scalar): safe.append("\u{FFFD}")
            default: safe.append(scalar)
            }
        }
        return String(safe)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
