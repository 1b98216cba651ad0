import Foundation
import StilteAudio

/// The live input level line of `stilte record`, on a terminal only: peak dBFS
/// of the last tenth of a second and a bar, redrawn in place at most 10 times a
/// second on standard error. Silent when standard error is not a terminal.
public struct LevelMeter {
    private let enabled = isatty(STDERR_FILENO) != 0
    private let clock = ContinuousClock()
    private var lastDraw: ContinuousClock.Instant?
    private var windowPeak: Float = 0
    private var drawn = false

    public init() {}

    /// Records a block's peak and redraws when 100 ms have passed since the last draw.
    public mutating func update(peak: Float, seconds: Double) {
        guard enabled else { return }
        windowPeak = max(windowPeak, peak)
        let now = clock.now
        if let lastDraw, now - lastDraw < .milliseconds(100) { return }
        lastDraw = now
        let level = PeakLevel.dBFS(windowPeak)
        windowPeak = 0
        // The bar spans -60...0 dBFS in 30 steps.
        let filled = level.isFinite ? max(0, min(30, Int(((level + 60) / 2).rounded()))) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        write("\r\(Format.seconds(seconds))  [\(bar)] \(Format.dBFS(level))   ")
        drawn = true
    }

    /// Prints `note` on a line of its own, above the meter.
    public mutating func note(_ note: String) {
        if enabled && drawn { write("\r\u{1B}[K") }
        write(note + "\n")
    }

    /// Clears the meter line so the summary starts on a clean line.
    public mutating func finish() {
        if enabled && drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
