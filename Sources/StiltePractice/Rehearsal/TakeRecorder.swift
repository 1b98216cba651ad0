import Foundation
import StilteAnalysis
import StilteAudio
import StilteCore

/// Where the answer comes from and where the prompt goes.
public struct RehearsalDevices {
    public var playback: String
    public var capture: String
    /// The answer is the bundled example, not a microphone.
    public var demo: Bool
    /// Consume the capture at wall-clock pace (the demo's file device delivers at once).
    public var paced: Bool

    public init(playback: String, capture: String, demo: Bool, paced: Bool) {
        self.playback = playback
        self.capture = capture
        self.demo = demo
        self.paced = paced
    }
}

/// One answer as recorded and measured.
public struct RecordedAnswer {
    var analysis: Analysis
    /// Audio missing from the recording (overruns, suspends, a consumer too slow).
    var gaps: [CaptureGap]
    var stopReason: StopReason
    /// Seconds from the end of the prompt to the start of the capture (added to the reaction time).
    var captureDelay: Double
    /// Seconds of audio in the recording.
    var seconds: Double
    /// The capture ended with this device error (everything before it is kept).
    var deviceError: AudioError?
    /// For each live "silence started": how far behind the audio the analyzer reported it, in seconds.
    var silenceReportLags: [Double]

    var reactionTime: Double? { analysis.segments.first.map { $0.start + captureDelay } }
    /// Overruns only: a suspend or a slow consumer is not an overrun.
    var overruns: Int { gaps.filter { $0.kind == .overrun }.count }
    /// Suspends of the device (`-ESTRPIPE`).
    var suspends: Int { gaps.filter { $0.kind == .suspend }.count }
    /// Audio is missing somewhere, or the device ended the take (disconnected, failing).
    var isUnreliable: Bool { !gaps.isEmpty || deviceError != nil }
}

/// Records one answer: captures from the device, writes the recording as it
/// goes, runs the pause engine live and reports what it hears as ``RehearsalEvent``s,
/// until the stop rule, the trainee (Enter), Ctrl-C, or the end of the input.
struct TakeRecorder {
    let devices: RehearsalDevices
    let parameters: AnalysisParameters
    let stopRule: StopRule
    /// The live screen's top line, announced with ``RehearsalEvent/listening(_:)``.
    let header: LiveScreen.Header
    /// What the trainee counts in silence.
    let plan: CountPlan
    /// Whether the live screen shows the count and the pause (``CoachingPlan/showLive``).
    var showCount = true
    /// Who may end the answer early; nil when nobody can (no terminal, JSON).
    let controls: (any RehearsalControls)?
    let interruption: StopFlag
    var trace: LiveTrace?
    /// The language of the messages.
    let language: Language
    /// Where the events go.
    let emit: (RehearsalEvent) -> Void
    /// The capture rate of every take, in Hz.
    public static let sampleRate = 16_000

    /// Starts capturing at once (call it right as the prompt ends) and records into `writer`.
    func record(into writer: RecordingWriter, promptEnded: ContinuousClock.Instant) throws -> RecordedAnswer {
        let capture: LiveCapture
        do throws(AudioError) {
            capture = try LiveCapture.start(device: devices.capture, sampleRate: Self.sampleRate,
                                            ringSeconds: stopRule.maxSeconds + 5)
        } catch {
            throw PracticeFailure.device(error, role: .capture, format: .mono(sampleRate: Self.sampleRate), language: language)
        }
        let captureDelay = promptEnded.secondsSince
        defer { capture.stop() }
        var analyzer: PauseAnalyzer
        do { analyzer = try PauseAnalyzer(sampleRate: Self.sampleRate, channels: 1, parameters: parameters) } catch {
            throw PracticeFailure("cannot measure with these settings: \(error)")
        }
        var buffer = [Float](repeating: 0, count: capture.blockFrames)
        var model = LiveModel()
        var counted = 0
        var gaps: [CaptureGap] = []
        var lags: [Double] = []
        var frames = 0
        var deviceError: AudioError?
        let started = ContinuousClock.now
        let cpuAtStart = LiveTrace.processCPUSeconds()
        var reason: StopReason?
        controls?.discardPending()
        emit(.listening(Listening(header: header, target: parameters.target, count: plan, started: started, showCount: showCount)))
        emit(.frame(model, seconds: 0))

        while reason == nil {
            let audioTime = Double(frames) / Double(Self.sampleRate)
            if interruption.isRaised { reason = .interrupted; break }
            if controls?.answerEnded() == true { reason = .enter; break }
            if devices.paced {
                let ahead = audioTime - started.secondsSince
                if ahead > 0 { Thread.sleep(forTimeInterval: min(ahead, 0.01)); continue }
            }
            let event = buffer.withUnsafeMutableBufferPointer { capture.next(into: $0, timeout: .milliseconds(20)) }
            switch event {
            case .samples(let count, _)?:
                let events = try buffer.withUnsafeBufferPointer { all in
                    let block = UnsafeBufferPointer(rebasing: all[0..<count])
                    do throws(AudioError) { try writer.write(block) } catch {
                        throw PracticeFailure("writing '\(error.subject)' failed: \(error.message) (\(error.function)): free some space; the first \(NumberFormat.seconds(writer.seconds, language)) are kept")
                    }
                    return analyzer.process(block)
                }
                frames += count
                let now = Double(frames) / Double(Self.sampleRate)
                for event in events {
                    if case .silenceStarted(let at) = event {
                        lags.append(now - at)
                        trace?.reported("silence", audio: at, heard: now)
                    }
                    model.apply(event)
                    emit(.engine(event, heard: now))
                }
                let reached = model.countedSilence(at: now).map(plan.reached(after:)) ?? []
                for number in reached.dropFirst(counted) { emit(.counting(number, at: now)) }
                counted = reached.count
                emit(.frame(model, seconds: now))
                reason = stopRule.reason(model, now: now)
            case .gap(let gap)?:
                gaps.append(gap)
            case .ended(let error)?:
                deviceError = error
                reason = .inputEnded
            case nil:
                continue
            }
        }
        // The end of the audio settles the last segments (and a refusal followed by silence only).
        var settled: [LiveEvent] = []
        let analysis = analyzer.finish(into: &settled)
        let seconds = Double(frames) / Double(Self.sampleRate)
        for event in settled {
            model.apply(event)
            emit(.engine(event, heard: seconds))
        }
        emit(.answerEnded(model, seconds: seconds))
        capture.stop()
        trace?.finished(audio: Double(frames) / Double(Self.sampleRate), wall: started.secondsSince,
                        cpu: LiveTrace.processCPUSeconds() - cpuAtStart)
        let stopReason = reason ?? .inputEnded
        return RecordedAnswer(analysis: analysis, gaps: gaps, stopReason: stopReason, captureDelay: captureDelay,
                              seconds: Double(frames) / Double(Self.sampleRate), deviceError: deviceError,
                              silenceReportLags: lags)
    }
}
