/// The feature extractor's six biquad sections run side by side in the lanes of one
/// vector: the speech-band high-pass (two sections), then on its output the pitch
/// low-pass and the high-band high-pass (two sections each).
///
/// Each lane is one section, a step behind the section feeding it: at step t the first
/// section takes sample t, the second the first's output for sample t - 1, and so on.
/// One step is one vector evaluation of the biquad, exactly the arithmetic of
/// `Biquad.process` in every lane, so the outputs are bit for bit those of the sections
/// run one after another. `run` fills and drains the pipeline, so between calls every
/// section has seen the same samples. Like `Biquad.flushTinyState`, each section's state
/// is flushed of tiny values before it takes a sample at a multiple of `flushInterval`.
struct FilterPipeline {
    typealias Vector = SIMD8<Float>

    /// Lanes: 0, 1 speech band; 2, 4 pitch low-pass; 3, 5 high band; 6, 7 unused (all zero).
    /// A lane's depth, the step at which it takes the first sample of a `run`, is 0, 1, 2, 2,
    /// 3, 3: lanes are ordered by depth, and the deepest is `drain` steps behind the first.
    private static let drain = 3
    /// Most samples one `run` takes (a quarter of a second at 8 kHz).
    static let capacity = 2048
    /// Samples between state flushes.
    static let flushInterval = 16

    /// The coefficients of every lane.
    private struct Coefficients {
        var b0 = Vector(), b1 = Vector(), b2 = Vector(), a1 = Vector(), a2 = Vector()

        /// One step of every section: `Biquad.process` lane by lane.
        @inline(__always)
        func step(_ x: Float, _ state: inout State) -> Vector {
            let previous = state.outputs
            let input = Vector(x, previous[0], previous[1], previous[1], previous[2], previous[3], 0, 0)
            let y = b0 * input + state.z1
            state.z1 = b1 * input - a1 * y + state.z2
            state.z2 = b2 * input - a2 * y
            state.outputs = y
            return y
        }
    }

    /// Every lane's state, and the outputs of the last step (the next step's inputs).
    private struct State {
        var z1 = Vector(), z2 = Vector(), outputs = Vector()

        /// Puts back lanes `lanes` of the filter state from `saved` (sections that had no sample to take).
        @inline(__always)
        mutating func restore(_ lanes: Range<Int>, from saved: State) {
            for lane in lanes { z1[lane] = saved.z1[lane]; z2[lane] = saved.z2[lane] }
        }

        /// `Biquad.flushTinyState` in lanes `lanes`.
        @inline(__always)
        mutating func flushTiny(_ lanes: Range<Int>) {
            for lane in lanes {
                if abs(z1[lane]) < 1e-25 { z1[lane] = 0 }
                if abs(z2[lane]) < 1e-25 { z2[lane] = 0 }
            }
        }
    }

    private let coefficients: Coefficients
    private var state = State()
    /// Step t's outputs.
    private var outputs: ContiguousArray<Vector>

    /// Sections `highPass` (two, in series), then `lowPass` and `highBand` (two each) on its output.
    init(highPass: (Biquad, Biquad), lowPass: (Biquad, Biquad), highBand: (Biquad, Biquad)) {
        let sections = [highPass.0, highPass.1, lowPass.0, highBand.0, lowPass.1, highBand.1]
        var c = Coefficients()
        for (lane, section) in sections.enumerated() {
            c.b0[lane] = section.b0; c.b1[lane] = section.b1; c.b2[lane] = section.b2
            c.a1[lane] = section.a1; c.a2[lane] = section.a2
        }
        coefficients = c
        outputs = ContiguousArray(repeating: Vector(), count: Self.capacity + Self.drain)
    }

    /// The lanes of depth below `d` are lanes 0 ..< lanes(below: d).
    @inline(__always)
    private static func lanes(below d: Int) -> Int { min(d, 2) + 2 * max(0, d - 2) }

    /// Filters `input` (at most `capacity` samples), whose first sample is sample `first` of
    /// the stream; `forEach` then gives the outputs.
    mutating func run(_ input: UnsafeBufferPointer<Float>, first: Int) {
        precondition(input.count <= Self.capacity, "FilterPipeline.run takes at most \(Self.capacity) samples")
        let n = input.count, drain = Self.drain
        guard n > 0, let x = input.baseAddress else { return }
        let c = coefficients, start = state
        state = outputs.withUnsafeMutableBufferPointer { out in
            var s = start
            // Filling: the deeper sections have no sample yet.
            for t in 0..<drain { out[t] = Self.partialStep(t, n: n, first: first, x, c, &s) }
            // Every section busy; a section about to take a sample at a flush point is flushed first.
            var t = drain
            while t < n {
                switch (first &+ t) & (Self.flushInterval - 1) {
                case 0: s.flushTiny(0..<1)
                case 1: s.flushTiny(1..<2)
                case 2: s.flushTiny(2..<4)
                case 3: s.flushTiny(4..<6)
                default: break
                }
                out[t] = c.step(x[t], &s)
                t += 1
            }
            // Draining: the first sections have taken every sample.
            for t in max(drain, n)..<(n + drain) { out[t] = Self.partialStep(t, n: n, first: first, x, c, &s) }
            return s
        }
    }

    /// Step `t` of a run of `n` samples when some sections have no sample to take (while the
    /// pipeline fills or drains): those keep their state.
    private static func partialStep(_ t: Int, n: Int, first: Int, _ x: UnsafePointer<Float>, _ c: Coefficients,
                                    _ s: inout State) -> Vector {
        // Active: the lanes of depth d with d <= t < n + d.
        let active = lanes(below: max(0, t - n + 1))..<lanes(below: min(t, drain) + 1)
        let phase = (first + t) % flushInterval
        if phase <= drain && active.contains(lanes(below: phase)) {
            s.flushTiny(lanes(below: phase)..<lanes(below: phase + 1))
        }
        let saved = s
        let y = c.step(t < n ? x[t] : 0, &s)
        s.restore(0..<active.lowerBound, from: saved)
        s.restore(active.upperBound..<lanes(below: drain + 1), from: saved)
        return y
    }

    /// Calls `body(band, low, high)` for samples `samples` of the last `run` in turn: the
    /// speech band, the pitch signal (the band low-passed) and the high band (the band high-passed).
    @inline(__always)
    func forEach(_ samples: Range<Int>, _ body: (_ band: Float, _ low: Float, _ high: Float) -> Void) {
        outputs.withUnsafeBufferPointer { out in
            for j in samples { body(out[j + 1][1], out[j + 3][4], out[j + 3][5]) }
        }
    }
}
