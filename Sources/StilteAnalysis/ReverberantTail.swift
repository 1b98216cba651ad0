import Foundation

/// A room's reverberant tail after the voice: the dry sound ended at the last strong frame
/// and the room rang on, falling steadily. The end of the speech is the end of the direct
/// sound, so such a tail is cut (at the peak minus `decayCutDb`, from the last strong frame).
extension BurstDetector {
    /// The last strong frame of a speech burst when everything after it is a steady decay
    /// (each third of it at least `minDecayDbPerFrame` per frame below the one before, by
    /// median level, over at least `minDecayFrames`): the dry sound ended there and the room
    /// rang on. Medians of thirds, not frame-to-frame steps, measure the fall: a room's tail
    /// jitters by several dB from frame to frame. A drop followed by a quiet, level syllable
    /// or a new burst is speech, not a room.
    func reverberantDecayStart(_ burst: OpenBurst) -> Int? {
        let strong = lastStrongFrame(of: burst, before: burst.lastActive + 1)
        let frames = min(burst.lastActive - strong, S.maxDecayFrames)
        guard frames >= S.minDecayFrames else { return nil }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: frames + 1) { levels in
            for k in 0...frames { levels[k] = features.frameLevel(strong + k) }
            // Each third of the tail must lie below the one before: a room decays steadily,
            // while a voice that drops and then holds a quiet note (a soft final syllable), or
            // a new sound after the drop, does not.
            let third = (frames + 1) / 3
            func median(_ part: Int) -> Float {
                var slice = UnsafeMutableBufferPointer(rebasing: levels[(part * third)..<((part + 1) * third)])
                slice.sort()
                return slice[third / 2]
            }
            let (first, second, last) = (median(0), median(1), median(2))
            let needed = S.minDecayDbPerFrame * Float(third)
            return first - second >= needed && second - last >= needed ? strong : nil
        }
    }

    /// Live only: the last strong frame before `window` when every frame of `window` is below
    /// the burst's peak minus `decayCutDb` and the level falls through it (at least
    /// `minDecayDbPerFrame` a frame overall, never rising more than `maxDecayRiseDb` from one
    /// frame to the next), as a reverberant tail does, and the tail is at least
    /// `minLiveDecayFrames` long; nil for a level sound (a fricative, a breath) or a new rise.
    func liveDecayStart(_ burst: OpenBurst, window: ClosedRange<Int>) -> Int? {
        let cut = burst.peak * decibels(-S.decayCutDb)
        var previous = features.frameLevel(window.lowerBound - 1)
        let first = previous
        for j in window {
            guard features.frameEnergies(j).band < cut else { return nil }
            let l = features.frameLevel(j)
            guard l - previous <= S.maxDecayRiseDb else { return nil }
            previous = l
        }
        guard first - previous >= S.minDecayDbPerFrame * Float(window.count) else { return nil }
        let strong = lastStrongFrame(of: burst, before: window.lowerBound)
        // A short tail reaches the quiet level soon anyway.
        guard window.upperBound - strong >= S.minLiveDecayFrames else { return nil }
        return strong
    }

    /// The last frame before `frame` within `strongDb` of the burst's peak (or its first frame).
    private func lastStrongFrame(of burst: OpenBurst, before frame: Int) -> Int {
        let strongLevel = burst.peak * decibels(-S.strongDb)
        var strong = frame - 1
        while strong > burst.start / S.frameBlocks && features.frameEnergies(strong).band < strongLevel { strong -= 1 }
        return strong
    }
}
