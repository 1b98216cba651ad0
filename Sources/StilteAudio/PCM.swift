import CALSA
#if canImport(Glibc)
import Glibc
#endif

/// An open ALSA PCM, interleaved signed 16-bit. Owns the `snd_pcm_t`; it is
/// closed exactly once, in `deinit`. Not Sendable: it lives on the thread that
/// opened it.
final class PCM {
    let handle: OpaquePointer
    /// The ALSA device name, as given.
    let device: String
    /// Frames per second, after `configure`.
    private(set) var sampleRate = 0
    /// Interleaved channels per frame, after `configure`.
    private(set) var channels = 0
    /// Frames per period and in the whole ring buffer, after `configure`.
    private(set) var periodFrames = 0
    private(set) var bufferFrames = 0

    /// Opens `device`, for blocking reads and writes unless `blocking` is false.
    /// The open itself never waits for a busy device (it fails with `-EBUSY`).
    /// The corresponding C function is `snd_pcm_open`.
    init(device: String, stream: snd_pcm_stream_t, blocking: Bool = true) throws(AudioError) {
        ALSALibrary.prepare()
        var pcm: OpaquePointer?
        let rc = snd_pcm_open(&pcm, device, stream, SND_PCM_NONBLOCK)
        guard rc >= 0, let pcm else { throw .alsa("snd_pcm_open", rc, device: device) }
        self.handle = pcm
        self.device = device
        if blocking {
            let rc = snd_pcm_nonblock(pcm, 0)
            if rc < 0 { throw .alsa("snd_pcm_nonblock", rc, device: device) }
        }
    }

    deinit { snd_pcm_close(handle) }

    /// Sets S16_LE interleaved at exactly `rate` and `channels` (ALSA's plug
    /// layer converts where the device needs it), with periods near `periodMicros`
    /// and a buffer near `bufferMicros`, then prepares the PCM.
    func configure(rate: Int, channels: Int, periodMicros: UInt32, bufferMicros: UInt32) throws(AudioError) {
        let params = try HardwareParameters(device: device)
        let p = params.pointer
        try check("snd_pcm_hw_params_any", snd_pcm_hw_params_any(handle, p))
        try check("snd_pcm_hw_params_set_access", snd_pcm_hw_params_set_access(handle, p, SND_PCM_ACCESS_RW_INTERLEAVED))
        try check("snd_pcm_hw_params_set_format", snd_pcm_hw_params_set_format(handle, p, SND_PCM_FORMAT_S16_LE))
        try check("snd_pcm_hw_params_set_channels", snd_pcm_hw_params_set_channels(handle, p, UInt32(channels)))
        try check("snd_pcm_hw_params_set_rate_resample", snd_pcm_hw_params_set_rate_resample(handle, p, 1))
        try check("snd_pcm_hw_params_set_rate", snd_pcm_hw_params_set_rate(handle, p, UInt32(rate), 0))
        var buffer = bufferMicros
        try check("snd_pcm_hw_params_set_buffer_time_near", snd_pcm_hw_params_set_buffer_time_near(handle, p, &buffer, nil))
        var period = periodMicros
        try check("snd_pcm_hw_params_set_period_time_near", snd_pcm_hw_params_set_period_time_near(handle, p, &period, nil))
        try check("snd_pcm_hw_params", snd_pcm_hw_params(handle, p))
        var periodSize: snd_pcm_uframes_t = 0
        var bufferSize: snd_pcm_uframes_t = 0
        try check("snd_pcm_hw_params_get_period_size", snd_pcm_hw_params_get_period_size(p, &periodSize, nil))
        try check("snd_pcm_hw_params_get_buffer_size", snd_pcm_hw_params_get_buffer_size(p, &bufferSize))
        self.sampleRate = rate
        self.channels = channels
        self.periodFrames = Int(periodSize)
        self.bufferFrames = Int(bufferSize)
    }

    /// The stream's state. The corresponding C function is `snd_pcm_state`.
    var state: snd_pcm_state_t { snd_pcm_state(handle) }

    /// Recovers from `-EPIPE` (xrun), `-ESTRPIPE` (suspend) and `-EINTR` the way
    /// alsa-utils does: resume while the driver says `-EAGAIN`, else prepare.
    /// The corresponding C function is `snd_pcm_recover`.
    func recover(from code: Int) throws(AudioError) {
        let rc = snd_pcm_recover(handle, Int32(truncatingIfNeeded: code), 1)
        if rc < 0 { throw .alsa("snd_pcm_recover", rc, device: device) }
    }

    /// Throws an `AudioError` naming `function` for a negative `code`.
    func check(_ function: String, _ code: Int32) throws(AudioError) {
        if code < 0 { throw .alsa(function, code, device: device) }
    }
}

/// A `snd_pcm_hw_params_t`, owned: allocated in `init`, freed exactly once in `deinit`.
final class HardwareParameters {
    let pointer: OpaquePointer

    init(device: String) throws(AudioError) {
        var p: OpaquePointer?
        let rc = snd_pcm_hw_params_malloc(&p)
        guard rc >= 0, let p else { throw .alsa("snd_pcm_hw_params_malloc", rc, device: device) }
        pointer = p
    }

    deinit { snd_pcm_hw_params_free(pointer) }
}
