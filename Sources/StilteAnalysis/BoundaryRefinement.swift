import Foundation

/// Boundary refinement on the 2 ms grid: where a burst's sound crosses a threshold, found
/// on the block energies the extractor keeps (a ring of the last 8 s), so the hangover's
/// and the frames' lag never reaches a boundary. Thresholds are per 2 ms block and per band
/// (either band reaching its threshold counts: a fricative lives only in the high one).
extension FeatureExtractor {
    /// The first block of the run above `threshold` (6 ms smoothed) that reaches `from`,
    /// not before `limit`; when `from` itself is below, the first block after it (in its
    /// frame) that crosses.
    func refineOnset(from block: Int, threshold: Bands, limit: Int) -> Int {
        var k = block
        if !smoothed(block: k).reaches(threshold) {
            // The frame rose late: move forward to where it crosses.
            let last = block + S.frameBlocks - 1
            while k < last && !smoothed(block: k).reaches(threshold) { k += 1 }
            return k
        }
        while k - 1 >= limit && smoothed(block: k - 1).reaches(threshold) { k -= 1 }
        return k
    }

    /// The end (exclusive) of the run above `threshold` (6 ms smoothed) around `from`, not
    /// before `floor`: forward while above, else back to the last block above.
    func refineOffset(from block: Int, threshold: Bands, floor lowest: Int) -> Int {
        var k = block
        // The newest block whose 6 ms smoothing is complete (its right neighbour exists).
        let newest = blockCount - 2
        if smoothed(block: k).reaches(threshold) {
            while k + 1 <= newest && smoothed(block: k + 1).reaches(threshold) { k += 1 }
            return k + 1
        }
        while k > lowest && !smoothed(block: k).reaches(threshold) { k -= 1 }
        return k + 1
    }

    /// Moves an onset earlier while the `longWindowBlocks` (20 ms) before it still hold more
    /// than `threshold` on average, by at most `extendBlocks`: a weak consonant in noise, too
    /// faint for the 6 ms grid but clear over a longer stretch.
    func extendOnset(_ start: Int, threshold: Bands, limit: Int) -> Int {
        var k = start
        let lowest = max(limit, start - S.extendBlocks)
        while k > lowest && mean(blocks: (k - S.longWindowBlocks)..<k).reaches(threshold) { k -= 1 }
        return k
    }

    /// Moves an end (exclusive) later while the `longWindowBlocks` (20 ms) after it still hold
    /// more than `threshold` on average, by at most `extendBlocks`.
    func extendOffset(_ end: Int, threshold: Bands) -> Int {
        var k = end
        let highest = min(end + S.extendBlocks, blockCount - S.longWindowBlocks)
        while k < highest && mean(blocks: k..<(k + S.longWindowBlocks)).reaches(threshold) { k += 1 }
        return k
    }

    /// The most likely end (exclusive) of sound after block `start`: the maximum over `c` of
    /// the summed excess of each band over its threshold, sum of `energy / threshold - 1`
    /// from `start` to `c`, on the 2 ms grid up to the newest block. Sound above the threshold
    /// raises the sum, background (below its threshold on average) lowers it, so the maximum
    /// sits where sound gives way to background; a gap inside the sound lowers the sum only
    /// as much as it is long. Each band is judged alone (a fricative lives only in the high
    /// one); the later end wins.
    func changePointOffset(from start: Int, threshold: Bands) -> Int {
        let newest = blockCount - 1
        guard start < newest else { return start + 1 }
        var sumLow: Float = 0, sumHigh: Float = 0, sumTop: Float = 0
        var bestLow: Float = 0, bestHigh: Float = 0, bestTop: Float = 0
        var endLow = start, endHigh = start, endTop = start
        for k in start...newest {
            let b = bands(block: k)
            sumLow += b.low / threshold.low - 1
            sumHigh += b.high / threshold.high - 1
            if sumLow > bestLow { bestLow = sumLow; endLow = k + 1 }
            if sumHigh > bestHigh { bestHigh = sumHigh; endHigh = k + 1 }
            if b.top > 0 {
                sumTop += b.top / threshold.top - 1
                if sumTop > bestTop { bestTop = sumTop; endTop = k + 1 }
            }
        }
        return max(endLow, endHigh, endTop)
    }

    /// Band energies of frame `i`.
    func frameBands(_ i: Int) -> Bands {
        let e = frameEnergies(i)
        return Bands(low: e.low, high: e.high, top: frameUpper(i).top)
    }

    /// Level of frame `i`'s speech-band energy, dB.
    func frameLevel(_ i: Int) -> Float { 10 * log10(max(frameEnergies(i).band, .leastNormalMagnitude)) }
}
