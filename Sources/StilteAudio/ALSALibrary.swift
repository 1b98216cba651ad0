import CALSA

/// Process-wide set-up of libsndfile's neighbour, libasound.
enum ALSALibrary {
    /// Installs the quiet error handler once, before the first ALSA call, so
    /// libasound does not print "ALSA lib pcm.c:… Unknown PCM" on stderr:
    /// Stilte reports every failure itself, from the return code.
    static func prepare() { _ = quietHandlerInstalled }

    private static let quietHandlerInstalled: Int32 = stilte_alsa_silence_errors()
}
