import CALSA
import Foundation

/// The capture thread's loop: opens the PCM (which never leaves this thread),
/// reads 10 ms blocks, converts them to Float and pushes them into the ring;
/// recovers overruns and suspends like alsa-utils and reports them as gaps.
/// Allocates nothing per block.
struct CaptureProducer: Sendable {
    let device: String
    let sampleRate: Int
    let blockFrames: Int
    let shared: CaptureShared

    /// How long one wait for data may take before the stop flag is checked again.
    private static let waitMillis: Int32 = 100

    /// Recoveries (overrun or suspend) in a row, without one frame captured between them, after
    /// which the device counts as broken and capture ends with an error. A working device that
    /// overruns delivers audio after each recovery, which resets the count; one that fails every
    /// read (the rig's `repeatFaults`) made `record` loop for ever, 11 M gaps in 6 s. 50 is about
    /// 0.5 s of 10 ms periods if each retry waits for a period, a few ms if none waits.
    static let maxFailedRecoveries = 50

    func run() {
        let pcm: PCM
        do {
            pcm = try PCM(device: device, stream: SND_PCM_STREAM_CAPTURE, blocking: false)
            try pcm.configure(rate: sampleRate, channels: 1, periodMicros: 10_000, bufferMicros: 500_000)
            try startIfPrepared(pcm)
        } catch {
            shared.didOpen(error)
            return
        }
        shared.didOpen(nil)
        shared.finish(loop(pcm))
    }

    /// Reads until stopped; returns the error that ended capture, nil after a stop.
    private func loop(_ pcm: PCM) -> AudioError? {
        let clock = ContinuousClock()
        let started = clock.now
        var frame = 0
        let ints = UnsafeMutableBufferPointer<Int16>.allocate(capacity: blockFrames)
        let floats = UnsafeMutableBufferPointer<Float>.allocate(capacity: blockFrames)
        defer { ints.deallocate(); floats.deallocate() }
        func gap(_ kind: CaptureGap.Kind, dropped: Int? = nil) {
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            shared.report(CaptureGap(kind: kind, frame: frame, sampleRate: sampleRate,
                                     wallClockSeconds: seconds, droppedFrames: dropped))
        }
        var failuresInARow = 0
        func dropped(_ count: Int) {
            if !shared.extendLastDrop(at: frame, by: count) { gap(.consumerTooSlow, dropped: count) }
        }
        while !shared.stop.isRaised {
            guard let base = ints.baseAddress else { return nil }
            let n = snd_pcm_readi(pcm.handle, base, snd_pcm_uframes_t(blockFrames))
            var code = n
            var function = "snd_pcm_readi"
            if n > 0 {
                failuresInARow = 0
                SampleConversion.toFloat(UnsafeBufferPointer(rebasing: ints[0..<n]), floats)
                if shared.ring.write(UnsafeBufferPointer(rebasing: floats[0..<n])) {
                    frame += n
                } else {
                    dropped(n)
                }
                shared.wakeUp.signal()
                continue
            } else if n == 0 || n == -Int(EAGAIN) {
                let ready = snd_pcm_wait(pcm.handle, Self.waitMillis)
                if ready >= 0 { continue }
                code = Int(ready)
                function = "snd_pcm_wait"
            }
            switch code {
            case -Int(EPIPE), -Int(ESTRPIPE), -Int(EINTR):
                failuresInARow += 1
                if failuresInARow > Self.maxFailedRecoveries {
                    return .failingForEver(code: code, attempts: failuresInARow - 1, device: device)
                }
                // Failures with no audio between them are one hole in the stream: one gap.
                if failuresInARow == 1 && code == -Int(EPIPE) { gap(.overrun) }
                if failuresInARow == 1 && code == -Int(ESTRPIPE) { gap(.suspend) }
                do {
                    try pcm.recover(from: code)
                    try startIfPrepared(pcm)
                } catch {
                    return error
                }
            default:
                return .alsa(function, frames: code, device: device)
            }
        }
        return nil
    }

    /// Starts a prepared capture stream (after set-up and after each recovery).
    private func startIfPrepared(_ pcm: PCM) throws(AudioError) {
        if pcm.state == SND_PCM_STATE_PREPARED {
            try pcm.check("snd_pcm_start", snd_pcm_start(pcm.handle))
        }
    }
}
