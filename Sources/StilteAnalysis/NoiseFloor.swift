/// Tracks the room's noise floor by minimum statistics: the smallest frame energy
/// over the last few seconds, kept as minima of fixed sub-windows so memory is constant.
/// Speech rarely holds a level for seconds without dipping, so the minimum follows the
/// room, not the voice; a louder room is followed within one window.
struct NoiseFloor {
    private var minima: [Float]
    private var next = 0
    private var current: Float = .infinity
    private var fill = 0
    /// The floor, as energy per frame.
    private(set) var level: Float = DetectorSettings.floorGuard

    init() {
        minima = [Float](repeating: .infinity, count: DetectorSettings.floorSubwindows)
    }

    mutating func update(_ energy: Float) {
        current = min(current, energy)
        fill += 1
        if fill == DetectorSettings.floorSubwindow {
            minima[next] = current
            next = (next + 1) % minima.count
            current = .infinity
            fill = 0
        }
        var m = current
        for v in minima { m = min(m, v) }
        level = max(m, DetectorSettings.floorGuard)
    }
}
