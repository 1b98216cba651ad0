import Foundation

/// Tracks the room: the noise floor by minimum statistics (the smallest frame energy
/// over the last few seconds, kept as minima of fixed sub-windows so memory is
/// constant), and the background level above it (a slow average, in dB, of the frames
/// outside speech). In steady noise the background sits a few dB over the floor; in a
/// murmur of other voices it sits at the murmur's typical level, so decisions are taken
/// against what the room usually sounds like, not against its quietest moment.
struct NoiseFloor {
    typealias S = DetectorSettings

    private var minima: [Float]
    private var next = 0
    private var current: Float = .infinity
    private var fill = 0
    /// The floor, as energy per frame.
    private(set) var floor: Float = S.floorGuard
    private var backgroundDb: Float?
    /// The background level, as energy per frame (never below the floor).
    private(set) var level: Float = S.floorGuard

    init() {
        minima = [Float](repeating: .infinity, count: S.floorSubwindows)
    }

    /// Raises the background to `db` (energy per frame, dB) at once: the room has been
    /// measured over a steady stretch that the average could not follow.
    mutating func raise(toDb db: Float) {
        guard db > (backgroundDb ?? -.infinity) else { return }
        backgroundDb = db
        level = pow(10, db / 10)
    }

    /// Adds a frame's energy; `inSpeech` frames move only the floor.
    mutating func update(_ energy: Float, inSpeech: Bool) {
        current = min(current, energy)
        fill += 1
        if fill == S.floorSubwindow {
            minima[next] = current
            next = (next + 1) % minima.count
            current = .infinity
            fill = 0
        }
        var m = current
        for v in minima { m = min(m, v) }
        floor = max(m, S.floorGuard)
        let floorDb = 10 * log10(floor)
        var background = backgroundDb ?? floorDb
        if !inSpeech {
            let x = min(max(10 * log10(max(energy, S.floorGuard)), floorDb), background + S.backgroundStepDb)
            background += S.backgroundRate * (x - background)
        }
        background = max(background, floorDb)
        backgroundDb = background
        level = pow(10, background / 10)
    }
}
