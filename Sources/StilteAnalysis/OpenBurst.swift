import Foundation

/// What the detector has gathered about the burst it has open: its extent, level and
/// voicing so far. Frames are indices of 10 ms frames, `start` a fine block (2 ms).
struct OpenBurst {
    typealias S = DetectorSettings

    /// First block of the burst (refined on the 2 ms grid).
    var start: Int
    /// The last active frame (`activeDb` over the background).
    var lastActive: Int
    /// Inactive frames since `lastActive`.
    var inactiveRun = 0
    var activeFrames = 0
    /// Summed speech-band energy of the active frames.
    var activeEnergy: Float = 0
    /// The loudest frame's speech-band energy, and each band's loudest frame.
    var peak: Float = 0
    var peakBands = Bands(low: 0, high: 0, top: 0)
    var voicedFrames = 0
    /// First and last frame of sustained voicing (`minVoicedFrames` in a row), -1 before any.
    var firstVoiced = -1
    var lastVoiced = -1
    /// Spectral shape of the previous voiced frame, and the summed change between voiced frames.
    var shape: (Float, Float)?
    var shapeChange: Float = 0
    var shapeSteps = 0
    /// Live only: the end reported by `speechPaused` (or `soundPaused`), until sound resumes.
    var pausedAt: Int?
    /// Live only: the level at which sound resumes after `speechPaused`.
    var resumeLevel = Bands(low: 0, high: 0, top: 0)

    init(start: Int, lastActive: Int) {
        self.start = start
        self.lastActive = lastActive
    }

    /// Takes decided frame `i` into the burst.
    mutating func add(frame i: Int, energy: Float, bands: Bands, active: Bool, voiced: Bool, voicedRun: Int) {
        if active {
            lastActive = i
            inactiveRun = 0
            activeFrames += 1
            activeEnergy += energy
            peak = max(peak, energy)
            peakBands = Bands.max(peakBands, bands)
        } else {
            inactiveRun += 1
        }
        guard voiced else { return }
        voicedFrames += 1
        // Only sustained voicing marks where the voice is; a stray periodic frame in
        // a reverberant tail or a rattle does not.
        if voicedRun >= S.minVoicedFrames {
            if firstVoiced < 0 { firstVoiced = i - S.minVoicedFrames }
            lastVoiced = i
        }
        let e = max(energy, .leastNormalMagnitude)
        let shape = (10 * log10(max(bands.high, .leastNormalMagnitude) / e), 10 * log10(max(bands.low, .leastNormalMagnitude) / e))
        if let previous = self.shape {
            shapeChange += abs(shape.0 - previous.0) + abs(shape.1 - previous.1)
            shapeSteps += 1
        }
        self.shape = shape
    }

    /// Whether the burst has shown enough voicing to be speech: a run of `minVoicedFrames`
    /// voiced frames while at least `minVoicedShare` of its active frames are voiced (or a
    /// run of `sureVoicedFrames`), with a level that glides rather than swings.
    func provesSpeech(_ voicing: VoicingTracker) -> Bool {
        voicing.voicedRun >= S.minVoicedFrames
            && (Float(voicedFrames) >= S.minVoicedShare * Float(activeFrames) || voicing.voicedRun >= S.sureVoicedFrames)
            && voicing.levelSwing <= S.maxLevelSwingDb
    }
}
