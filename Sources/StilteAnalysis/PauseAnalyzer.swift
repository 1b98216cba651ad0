/// Why a `PauseAnalyzer` could not be set up.
public struct AnalyzerSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The pause engine: interleaved samples in, live events out, an `Analysis` at the end.
///
/// One streaming implementation serves files and live capture alike. Memory is
/// constant apart from the result itself (the speech segments and events found):
/// the audio is downmixed, resampled to 8 kHz and reduced to 2 ms energies and
/// 10 ms decisions as it arrives. Any block size gives the same result.
///
/// ```swift
/// var analyzer = try PauseAnalyzer(sampleRate: 48000, channels: 2)
/// for block in blocks { for event in analyzer.process(block) { show(event) } }
/// let analysis = analyzer.finish()
/// ```
public struct PauseAnalyzer {
    typealias S = DetectorSettings

    /// Input frames per second.
    public let sampleRate: Int
    /// Interleaved channels per input frame.
    public let channels: Int
    public let parameters: AnalysisParameters

    private var resampler: Resampler
    private var detector = BurstDetector()
    private var assembler: SegmentAssembler
    private var inputFrames = 0
    /// A partial input frame left over from the previous block.
    private var carry: [Float] = []
    /// The downmixed chunk (the first frames of the chunk being analysed).
    private var mono = ContiguousArray<Float>(repeating: 0, count: chunkFrames)
    private var resampled = ContiguousArray<Float>()
    /// The band above the analysis rate's (4-8 kHz) at the same instants, when the input has it.
    private var resampledTop = ContiguousArray<Float>()
    private var reports: [BurstReport] = []
    private static let chunkFrames = 4096

    /// Sets up the analysis of audio at `sampleRate` Hz (1 Hz ... 1 MHz) with `channels` channels.
    public init(sampleRate: Int, channels: Int, parameters: AnalysisParameters = AnalysisParameters()) throws(AnalyzerSetupError) {
        guard (1...1_000_000).contains(sampleRate) else {
            throw AnalyzerSetupError(message: "sample rate \(sampleRate) Hz is not usable; expected 1 Hz to 1 MHz")
        }
        guard (1...64).contains(channels) else {
            throw AnalyzerSetupError(message: "\(channels) channels is not usable; expected 1 to 64")
        }
        do { _ = try parameters.validated() } catch {
            throw AnalyzerSetupError(message: error.description)
        }
        self.sampleRate = sampleRate
        self.channels = channels
        self.parameters = parameters
        resampler = Resampler(inputRate: sampleRate, outputRate: S.rate)
        assembler = SegmentAssembler(minPause: parameters.minPause)
        resampled.reserveCapacity(Self.chunkFrames + 16)
        resampledTop.reserveCapacity(Self.chunkFrames + 16)
        reports.reserveCapacity(8)
    }

    /// Seconds of audio consumed so far.
    public var seconds: Double { Double(inputFrames) / Double(sampleRate) }

    /// Analyses the next block of interleaved samples (any length; a partial frame is
    /// kept for the next call) and returns the live events it settled.
    public mutating func process(_ interleaved: UnsafeBufferPointer<Float>) -> [LiveEvent] {
        var live: [LiveEvent] = []
        var rest = interleaved[...]
        if !carry.isEmpty {
            let needed = channels - carry.count
            carry.append(contentsOf: rest.prefix(needed))
            rest = rest.dropFirst(needed)
            if carry.count == channels {
                let frame = carry
                carry.removeAll()
                frame.withUnsafeBufferPointer { consume($0, into: &live) }
            }
        }
        let whole = rest.count / channels * channels
        if whole > 0 {
            let start = rest.startIndex
            consume(UnsafeBufferPointer(rebasing: interleaved[start..<(start + whole)]), into: &live)
        }
        carry.append(contentsOf: rest.dropFirst(whole))
        return live
    }

    /// Ends the audio and returns the measurement. Call once, after the last `process`.
    public mutating func finish() -> Analysis {
        var live: [LiveEvent] = []
        return finish(into: &live)
    }

    /// Ends the audio, adds the live events its end settles to `live` (the last segments, a
    /// refusal followed by silence only), and returns the measurement. Applied after all
    /// earlier events, they leave a screen with exactly what the returned `Analysis` says.
    public mutating func finish(into live: inout [LiveEvent]) -> Analysis {
        // Let the look-ahead frames be decided on silence after the end.
        let realSamples = detector.sampleCount
        let padding = [Float](repeating: 0, count: (S.lookaheadFrames + 1) * S.frameSize)
        let lastFrame = (realSamples + S.frameSize - 1) / S.frameSize - 1
        padding.withUnsafeBufferPointer { feedInternal($0, top: $0, lastRealFrame: lastFrame, into: &live) }
        reports.removeAll(keepingCapacity: true)
        detector.finish(into: &reports)
        handle(reports, into: &live)
        let duration = seconds
        assembler.finish(duration: duration, into: &live)
        return PauseRule.apply(segments: assembler.segments, events: assembler.events, duration: duration, parameters: parameters)
    }

    private mutating func consume(_ block: UnsafeBufferPointer<Float>, into live: inout [LiveEvent]) {
        var offset = 0
        let frames = block.count / channels
        while offset < frames {
            let n = min(Self.chunkFrames, frames - offset)
            Self.downmix(UnsafeBufferPointer(rebasing: block[(offset * channels)..<((offset + n) * channels)]),
                         channels: channels, into: &mono)
            resampled.removeAll(keepingCapacity: true)
            resampledTop.removeAll(keepingCapacity: true)
            mono.withUnsafeBufferPointer {
                resampler.process(UnsafeBufferPointer(rebasing: $0[0..<n]), into: &resampled, top: &resampledTop)
            }
            let chunk = resampled, topChunk = resampledTop
            chunk.withUnsafeBufferPointer { samples in
                topChunk.withUnsafeBufferPointer { feedInternal(samples, top: $0, lastRealFrame: Int.max, into: &live) }
            }
            inputFrames += n
            offset += n
        }
    }

    /// Averages the channels of each frame of `interleaved` into the start of `mono` (large
    /// enough). A sample that is not a number (a damaged float file) counts as silence rather
    /// than poisoning every filter after it.
    private static func downmix(_ interleaved: UnsafeBufferPointer<Float>, channels: Int,
                                into mono: inout ContiguousArray<Float>) {
        mono.withUnsafeMutableBufferPointer { out in
            guard let y = out.baseAddress, let x = interleaved.baseAddress else { return }
            let frames = interleaved.count / channels
            if channels == 1 {
                for i in 0..<frames { y[i] = x[i].isFinite ? x[i] : 0 }
                return
            }
            let scale = 1 / Float(channels)
            for i in 0..<frames {
                var sum: Float = 0
                for c in 0..<channels { sum += x[i * channels + c] }
                y[i] = sum.isFinite ? sum * scale : 0
            }
        }
    }

    private mutating func feedInternal(_ samples: UnsafeBufferPointer<Float>, top: UnsafeBufferPointer<Float>, lastRealFrame: Int,
                                       into live: inout [LiveEvent]) {
        var offset = 0
        while offset < samples.count {
            offset += detector.push(UnsafeBufferPointer(rebasing: samples[offset...]), top: UnsafeBufferPointer(rebasing: top[offset...]))
            guard let completed = detector.completedFrame else { continue }
            let frame = completed - S.lookaheadFrames
            guard frame >= 0, frame <= lastRealFrame else { continue }
            reports.removeAll(keepingCapacity: true)
            detector.decide(frame: frame, into: &reports)
            handle(reports, into: &live)
            let now = Double((frame + 1) * S.frameBlocks) * S.blockSeconds
            let unconfirmed = detector.unconfirmedBurstStart.map { Double($0) * S.blockSeconds }
            assembler.tick(now: now, unconfirmedStart: unconfirmed, into: &live)
        }
    }

    private mutating func handle(_ reports: [BurstReport], into live: inout [LiveEvent]) {
        let t = S.blockSeconds
        for report in reports {
            switch report {
            case let .speechStarted(start, leading):
                let lead = leading.flatMap { Self.event($0, .breath) }
                assembler.speechStarted(at: Double(start) * t, leading: lead, into: &live)
            case let .speechEnded(end, fillerLike, trailing, hidden):
                let trail = trailing.flatMap { Self.event($0, .breath) }
                assembler.speechEnded(at: Double(end) * t, fillerLike: fillerLike, trailing: trail, hidden: hidden, into: &live)
            case let .nonSpeech(span, kind):
                if let event = Self.event(span, kind) { assembler.nonSpeech(event, into: &live) }
            case let .speechPaused(end):
                assembler.speechPaused(at: Double(end) * t, into: &live)
            case let .soundPaused(span):
                if let event = Self.event(span, .noise) { assembler.soundPaused(event, into: &live) }
            case let .speechResumed(at):
                assembler.speechResumed(at: Double(at) * t, into: &live)
            }
        }
    }

    /// A non-speech event for a block span, or nil when it is too short to matter (`minEventBlocks`).
    private static func event(_ span: BlockSpan, _ kind: PauseEvent.Kind) -> PauseEvent? {
        guard span.end - span.start >= S.minEventBlocks else { return nil }
        let t = S.blockSeconds
        return PauseEvent(start: Double(span.start) * t, end: Double(span.end) * t, kind: kind)
    }
}
