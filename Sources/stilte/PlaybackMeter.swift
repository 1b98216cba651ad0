import Foundation
import StiltePractice
import StilteAnalysis
import StilteCore

/// The position line of `stilte play` and `stilte review play`, on a terminal only (as sox's
/// `play` shows one): seconds played of the whole and a bar, redrawn in place at most 10 times
/// a second on standard error; for a take, the pause is marked on the bar (`_`) and named, so a
/// trainer can find the times to correct. Silent when standard error is not a terminal.
struct PlaybackMeter {
    /// The file's length in seconds.
    let duration: Double
    /// The take's pause, if any.
    let pause: TimeSpan?
    /// Columns of the bar.
    static let barWidth = 30

    private let enabled = isatty(STDERR_FILENO) != 0
    private let clock = ContinuousClock()
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false

    init(duration: Double, pause: TimeSpan? = nil) {
        self.duration = duration
        self.pause = pause
    }

    /// Redraws the line for `seconds` into the file, when 100 ms have passed since the last draw.
    mutating func update(seconds: Double) {
        guard enabled else { return }
        let now = clock.now
        if let lastDraw, now - lastDraw < .milliseconds(100) { return }
        lastDraw = now
        write("\r" + Self.line(seconds: seconds, duration: duration, pause: pause, Interface.language) + "\u{1B}[K")
        drawn = true
    }

    /// Clears the line so the summary starts on a clean line.
    mutating func finish() {
        if enabled && drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    /// "  2.40 / 9.84 s  [#######_____..........]  pause 2.37–6.29 s, now 0.03 s into it".
    static func line(seconds: Double, duration: Double, pause: TimeSpan?, _ language: Language) -> String {
        let cell = max(duration, 0.001) / Double(barWidth)
        let bar = (0..<barWidth).map { i -> Character in
            let t = (Double(i) + 0.5) * cell
            if t <= seconds { return "#" }
            if let pause, t >= pause.start && t <= pause.end { return "_" }
            return "."
        }
        let position = NumberFormat.decimal(seconds, language)
        var line = String(repeating: " ", count: max(0, 6 - position.count)) + position + " / "
            + NumberFormat.seconds(duration, language) + "  [" + String(bar) + "]"
        if let pause {
            let span = NumberFormat.span(pause.start, pause.end, language)
            line += Phrase(en: "  pause \(span)", nl: "  pauze \(span)").text(language)
            if seconds >= pause.start && seconds <= pause.end {
                let into = NumberFormat.seconds(seconds - pause.start, language)
                line += Phrase(en: ", now \(into) into it", nl: ", nu \(into) erin").text(language)
            }
        }
        return line
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
