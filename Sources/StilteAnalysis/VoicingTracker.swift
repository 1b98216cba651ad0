import Foundation

/// Whether each frame is voiced, judged frame after frame in order: periodic and loud
/// enough, with a period that continues the previous frame's and a low-band level that
/// glides (a voice glides; the pulses of a creak or a rattle come at random intervals and
/// make the level jump). Also keeps the run of voiced frames and the level's recent swing.
struct VoicingTracker {
    typealias S = DetectorSettings

    /// Period of the previous frame when it was periodic, else 0.
    private var previousLag = 0
    /// Low-band level around the previous frame (30 ms), dB.
    private var previousLowLevel: Float = 0
    /// Consecutive voiced frames up to the current one.
    private(set) var voicedRun = 0
    /// Energies of the last five frames, oldest first (in dB only where `levelSwing` is asked).
    private var recentEnergies: (Float, Float, Float, Float, Float) = (1, 1, 1, 1, 1)

    /// Takes the next frame: its periodicity (`correlation` 0 when not measured), its low
    /// band `lowDb` over the background, its low-band level over 30 ms (two periods of the
    /// lowest voice), dB, and its speech-band energy. Returns whether it is voiced.
    mutating func update(correlation: Float, lag: Int, lowDb: Float, lowLevel: Float, energy: Float) -> Bool {
        let periodic = correlation >= S.voicedCorrelation && lowDb >= S.voicedDb
        let voiced = periodic && previousLag > 0 && Self.continues(lag, previousLag)
            && abs(lowLevel - previousLowLevel) <= S.maxVoicedJumpDb
        previousLag = periodic ? lag : 0
        previousLowLevel = lowLevel
        voicedRun = voiced ? voicedRun + 1 : 0
        recentEnergies = (recentEnergies.1, recentEnergies.2, recentEnergies.3, recentEnergies.4, energy)
        return voiced
    }

    /// How much the level swung up and down over the last five frames beyond its net change,
    /// dB per frame: a voice glides (a rise at its onset is no swing), a creak's pulses jump.
    var levelSwing: Float {
        func db(_ e: Float) -> Float { 10 * log10(max(e, .leastNormalMagnitude)) }
        let e = recentEnergies
        let l = (db(e.0), db(e.1), db(e.2), db(e.3), db(e.4))
        let steps = abs(l.1 - l.0) + abs(l.2 - l.1) + abs(l.3 - l.2) + abs(l.4 - l.3)
        return (steps - abs(l.4 - l.0)) / 4
    }

    /// Whether a period continues the previous one: within `maxPeriodJump`, or an octave off
    /// (a period-doubling pick of the same voice, up to `maxPeriodOctaves`).
    static func continues(_ lag: Int, _ previous: Int) -> Bool {
        let octaves = log2(Float(lag) / Float(previous))
        return abs(octaves - octaves.rounded()) <= S.maxPeriodJump / log(2) && abs(octaves) < S.maxPeriodOctaves
    }
}
