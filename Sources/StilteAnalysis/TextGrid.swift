import Foundation

/// Why a TextGrid could not be read.
public struct TextGridError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Praat TextGrids: written for a trainer to inspect and correct the detection, and
/// read back to take over the corrected pause.
public enum TextGrid {
    /// One interval tier.
    public struct Tier: Equatable, Sendable {
        public var name: String
        public var intervals: [(span: TimeSpan, text: String)]

        public init(name: String, intervals: [(span: TimeSpan, text: String)]) {
            self.name = name
            self.intervals = intervals
        }

        public static func == (a: Tier, b: Tier) -> Bool {
            a.name == b.name && a.intervals.count == b.intervals.count
                && zip(a.intervals, b.intervals).allSatisfy { $0.span == $1.span && $0.text == $1.text }
        }
    }

    /// A TextGrid (long text format) with the tiers `speech` (speech / empty),
    /// `answer` (refusal / pause / solution) and `events` (the sounds in the pause: breath,
    /// click, filler, as in the Audacity labels) over `0 ... analysis.duration`.
    public static func render(_ analysis: Analysis) -> String {
        let speech = fill(analysis.segments.map { ($0, "speech") }, duration: analysis.duration)
        let answer = fill(AnswerParts.of(analysis).map { ($0.span, $0.label) }, duration: analysis.duration)
        let sounds = (analysis.pause?.events ?? []).map { (TimeSpan(start: $0.start, end: $0.end), $0.kind.rawValue) }
        let events = fill(sounds, duration: analysis.duration)
        return render([Tier(name: "speech", intervals: speech), Tier(name: "answer", intervals: answer),
                       Tier(name: "events", intervals: events)],
                      duration: analysis.duration)
    }

    /// Interval tiers as a TextGrid in Praat's long text format.
    public static func render(_ tiers: [Tier], duration: Double) -> String {
        var out = """
        File type = "ooTextFile"
        Object class = "TextGrid"

        xmin = 0
        xmax = \(number(duration))
        tiers? <exists>
        size = \(tiers.count)
        item []:

        """
        for (t, tier) in tiers.enumerated() {
            out += """
                item [\(t + 1)]:
                    class = "IntervalTier"
                    name = \(quoted(tier.name))
                    xmin = 0
                    xmax = \(number(duration))
                    intervals: size = \(tier.intervals.count)

            """
            for (i, interval) in tier.intervals.enumerated() {
                out += """
                        intervals [\(i + 1)]:
                            xmin = \(number(interval.span.start))
                            xmax = \(number(interval.span.end))
                            text = \(quoted(interval.text))

                """
            }
        }
        return out
    }

    /// The interval labelled `pause` (first found, any interval tier) in a TextGrid in
    /// Praat's long or short text format.
    public static func pauseSpan(in text: String) throws(TextGridError) -> TimeSpan {
        for tier in try parse(text) {
            if let pause = tier.intervals.first(where: { $0.text.trimmingCharacters(in: .whitespaces).lowercased() == "pause" }) {
                return pause.span
            }
        }
        throw TextGridError(message: "no interval labelled \"pause\" in the TextGrid; label the corrected pause \"pause\"")
    }

    /// The time a TextGrid covers (its `xmin` … `xmax`, in seconds): the length of the
    /// recording it was made for.
    public static func extent(of text: String) throws(TextGridError) -> TimeSpan {
        var tokens = Tokens(text)
        guard try tokens.string() == "ooTextFile", try tokens.string() == "TextGrid" else {
            throw TextGridError(message: "not a Praat TextGrid (expected File type = \"ooTextFile\", Object class = \"TextGrid\")")
        }
        return TimeSpan(start: try tokens.number(), end: try tokens.number())
    }

    /// The interval tiers of a TextGrid (point tiers are skipped).
    public static func parse(_ text: String) throws(TextGridError) -> [Tier] {
        var tokens = Tokens(text)
        guard try tokens.string() == "ooTextFile", try tokens.string() == "TextGrid" else {
            throw TextGridError(message: "not a Praat TextGrid (expected File type = \"ooTextFile\", Object class = \"TextGrid\")")
        }
        _ = try tokens.number(); _ = try tokens.number()
        guard try tokens.flag() else { return [] }
        let count = try tokens.count()
        var tiers: [Tier] = []
        for _ in 0..<count {
            let kind = try tokens.string(), name = try tokens.string()
            _ = try tokens.number(); _ = try tokens.number()
            let n = try tokens.count()
            var intervals: [(span: TimeSpan, text: String)] = []
            for _ in 0..<n {
                if kind == "IntervalTier" {
                    let start = try tokens.number(), end = try tokens.number()
                    intervals.append((TimeSpan(start: start, end: end), try tokens.string()))
                } else {
                    _ = try tokens.number(); _ = try tokens.string()
                }
            }
            if kind == "IntervalTier" { tiers.append(Tier(name: name, intervals: intervals)) }
        }
        return tiers
    }

    /// Covers `0 ... duration` with the labelled spans and empty intervals between them.
    private static func fill(_ spans: [(TimeSpan, String)], duration: Double) -> [(span: TimeSpan, text: String)] {
        var out: [(span: TimeSpan, text: String)] = []
        var t = 0.0
        for (span, label) in spans.sorted(by: { $0.0.start < $1.0.start }) {
            let start = max(span.start, t), end = min(span.end, duration)
            guard end > start else { continue }
            if start > t { out.append((TimeSpan(start: t, end: start), "")) }
            out.append((TimeSpan(start: start, end: end), label))
            t = end
        }
        if duration > t || out.isEmpty { out.append((TimeSpan(start: t, end: max(duration, t)), "")) }
        return out
    }

    private static func number(_ x: Double) -> String {
        var s = String(format: "%.6f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    private static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The values of a Praat text file, skipping the long format's labels
    /// (`xmin =`, `item [1]:`) and `!` comments.
    private struct Tokens {
        private let scalars: [Unicode.Scalar]
        private var i = 0
        private var line = 1

        init(_ text: String) { scalars = Array(text.unicodeScalars) }

        mutating func string() throws(TextGridError) -> String {
            guard case .string(let s) = try next() else { throw error("expected a quoted text") }
            return s
        }

        mutating func number() throws(TextGridError) -> Double {
            guard case .number(let x) = try next() else { throw error("expected a number") }
            return x
        }

        mutating func count() throws(TextGridError) -> Int {
            let x = try number()
            guard x >= 0, x < 10_000_000, x == x.rounded() else { throw error("expected a count") }
            return Int(x)
        }

        mutating func flag() throws(TextGridError) -> Bool {
            switch try next() {
            case .flag(let f): return f
            case .number(let x): return x != 0
            default: throw error("expected <exists>")
            }
        }

        private enum Token { case string(String), number(Double), flag(Bool) }

        private func error(_ what: String) -> TextGridError {
            TextGridError(message: "TextGrid line \(line): \(what); save it from Praat as a text file")
        }

        private mutating func next() throws(TextGridError) -> Token {
            while i < scalars.count {
                let c = scalars[i]
                switch c {
                case "\n": line += 1; i += 1
                case "\"":
                    i += 1
                    var s = String.UnicodeScalarView()
                    while true {
                        guard i < scalars.count else { throw error("unterminated text") }
                        let d = scalars[i]
                        i += 1
                        if d == "\"" {
                            if i < scalars.count && scalars[i] == "\"" { s.append("\""); i += 1; continue }
                            break
                        }
                        if d == "\n" { line += 1 }
                        s.append(d)
                    }
                    return .string(String(s))
                case "[":
                    while i < scalars.count && scalars[i] != "]" { i += 1 }
                    i += 1
                case "!":
                    while i < scalars.count && scalars[i] != "\n" { i += 1 }
                case "<":
                    var word = ""
                    while i < scalars.count && scalars[i] != ">" { word.unicodeScalars.append(scalars[i]); i += 1 }
                    i += 1
                    return .flag(word == "<exists")
                case "0"..."9", "-", "+", ".":
                    var word = ""
                    while i < scalars.count, !CharacterSet.whitespacesAndNewlines.contains(scalars[i]) {
                        word.unicodeScalars.append(scalars[i]); i += 1
                    }
                    guard let x = Double(word) else { throw error("\"\(word)\" is not a number") }
                    return .number(x)
                case "a"..."z", "A"..."Z", "_":
                    // A label such as `xmin`, `intervals`, `size`: skip the word.
                    while i < scalars.count, CharacterSet.alphanumerics.contains(scalars[i]) || scalars[i] == "_" || scalars[i] == "?" { i += 1 }
                default:
                    i += 1
                }
            }
            throw error("unexpected end of file")
        }
    }
}
