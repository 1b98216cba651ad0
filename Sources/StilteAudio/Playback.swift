import CALSA
import Foundation

/// What a finished playback did.
public struct PlaybackResult: Sendable, Equatable {
    /// Frames handed to ALSA (per channel).
    public var framesWritten: Int
    /// Frames the device played: all written ones after a drain; after a stop,
    /// those written minus what was still queued (`snd_pcm_delay`) and dropped.
    public var framesPlayed: Int
    /// The file's rate, which the device was opened at.
    public var sampleRate: Int
    /// True when a `StopFlag` ended playback early (the rest was dropped).
    public var interrupted: Bool
    /// Underruns (`-EPIPE`) recovered during playback; each is a short click or gap.
    public var underruns: Int

    /// Seconds of audio the device played (`framesPlayed`).
    public var seconds: Double { sampleRate > 0 ? Double(framesPlayed) / Double(sampleRate) : 0 }
}

/// Where a playback is, for a position display: both in seconds from the file's start.
public struct PlaybackProgress: Sendable, Equatable {
    /// What the device has played so far (written minus still queued), plus the start offset.
    public var seconds: Double
    /// The whole file's length.
    public var duration: Double
}

/// Plays sound files to ALSA devices.
public enum AudioPlayer {
    /// Plays `path` (any format libsndfile reads) to `device` at the file's own
    /// rate and channel count (ALSA's plug layer converts where the device needs it),
    /// and returns once the device has played it all (drained).
    ///
    /// Blocking: call it from a thread of its own. Raise `stop` from any thread
    /// to end early: the loop sees it within one period (about 20 ms), drops what
    /// is still queued (`snd_pcm_drop`) and returns with `interrupted == true`.
    /// Underruns are recovered (`snd_pcm_recover`) and counted; a vanished device
    /// (`-ENODEV`) or any other failure throws. Playback starts `from` seconds into the file.
    /// `progress`, when given, is called on this thread after every period written and while
    /// the end drains (about every 20 ms) with the position the listener hears.
    public static func play(file path: String, device: String = AudioDevice.defaultName, from start: Double = 0,
                            stop: StopFlag? = nil,
                            progress: ((PlaybackProgress) -> Void)? = nil) throws(AudioError) -> PlaybackResult {
        let reader = try SoundFileReader(path: path)
        guard reader.channels > 0, reader.sampleRate > 0 else {
            throw AudioError(function: "sf_open", code: 0, message: "no channels or no sample rate in header", subject: path)
        }
        if start > 0 { try reader.seek(toFrame: Int(start * Double(reader.sampleRate))) }
        // Non-blocking, so a stop is seen within a 20 ms wait even when the device stalls.
        let pcm = try PCM(device: device, stream: SND_PCM_STREAM_PLAYBACK, blocking: false)
        try pcm.configure(rate: reader.sampleRate, channels: reader.channels,
                          periodMicros: 20_000, bufferMicros: 200_000)
        var result = PlaybackResult(framesWritten: 0, framesPlayed: 0, sampleRate: reader.sampleRate, interrupted: false, underruns: 0)
        let report = progress.map { report in
            let rate = Double(reader.sampleRate), duration = Double(reader.frames) / rate
            return { (written: Int) in
                var delay: snd_pcm_sframes_t = 0
                if snd_pcm_delay(pcm.handle, &delay) < 0 { delay = 0 }
                report(PlaybackProgress(seconds: start + Double(max(0, written - max(delay, 0))) / rate, duration: duration))
            }
        }
        let blockFrames = max(pcm.periodFrames, 64)
        var block = [Int16](repeating: 0, count: blockFrames * reader.channels)
        try block.withUnsafeMutableBufferPointer { buffer throws(AudioError) in
            while true {
                if stop?.isRaised == true { break }
                let frames = try reader.read(into: buffer)
                if frames == 0 { break }
                try write(buffer, frames: frames, to: pcm, stop: stop, result: &result)
                report?(result.framesWritten)
            }
        }
        if result.framesWritten == 0 && stop?.isRaised != true { return result }  // an empty file
        if stop?.isRaised != true { try waitUntilPlayed(pcm, stop: stop) { report?(result.framesWritten) } }
        if stop?.isRaised == true {
            var delay: snd_pcm_sframes_t = 0
            if snd_pcm_delay(pcm.handle, &delay) < 0 { delay = 0 }
            result.framesPlayed = max(0, result.framesWritten - max(delay, 0))
            snd_pcm_drop(pcm.handle)
            result.interrupted = true
            return result
        }
        try pcm.check("snd_pcm_nonblock", snd_pcm_nonblock(pcm.handle, 0))
        let drained = snd_pcm_drain(pcm.handle)
        if drained < 0 && drained != -EPIPE { throw .alsa("snd_pcm_drain", drained, device: device) }
        result.framesPlayed = result.framesWritten
        return result
    }

    /// Writes `frames` frames of `buffer`, recovering underruns and suspends.
    private static func write(_ buffer: UnsafeMutableBufferPointer<Int16>, frames: Int, to pcm: PCM,
                              stop: StopFlag?, result: inout PlaybackResult) throws(AudioError) {
        var done = 0
        while done < frames {
            guard stop?.isRaised != true, let base = buffer.baseAddress else { return }
            let start = base + done * pcm.channels
            let n = snd_pcm_writei(pcm.handle, start, snd_pcm_uframes_t(frames - done))
            if n > 0 {
                done += n
                result.framesWritten += n
                continue
            }
            var code = n
            var function = "snd_pcm_writei"
            if n == 0 || n == -Int(EAGAIN) {
                let ready = snd_pcm_wait(pcm.handle, 20)
                if ready >= 0 { continue }
                code = Int(ready)
                function = "snd_pcm_wait"
            }
            if code == -Int(EPIPE) || code == -Int(ESTRPIPE) || code == -Int(EINTR) {
                if code == -Int(EPIPE) { result.underruns += 1 }
                try pcm.recover(from: code)
            } else {
                throw .alsa(function, frames: code, device: pcm.device)
            }
        }
    }

    /// Waits, checking `stop` every 20 ms, until the device has played what was
    /// written; `snd_pcm_drain` alone would block uninterruptibly until then.
    private static func waitUntilPlayed(_ pcm: PCM, stop: StopFlag?, tick: () -> Void) throws(AudioError) {
        while stop?.isRaised != true {
            tick()
            let state = pcm.state
            if state == SND_PCM_STATE_PREPARED {
                // Less than a buffer was written, so the stream never started.
                try pcm.check("snd_pcm_start", snd_pcm_start(pcm.handle))
                continue
            }
            if state == SND_PCM_STATE_DISCONNECTED { throw .alsa("snd_pcm_state", -ENODEV, device: pcm.device) }
            guard state == SND_PCM_STATE_RUNNING else { return }
            var delay: snd_pcm_sframes_t = 0
            guard snd_pcm_delay(pcm.handle, &delay) >= 0, delay > 0 else { return }
            let micros = min(Double(delay) / Double(pcm.sampleRate) * 1e6, 20_000)
            usleep(UInt32(max(micros, 1_000)))
        }
    }
}
