#ifndef STILTE_CALSA_SHIM_H
#define STILTE_CALSA_SHIM_H

#include <alsa/asoundlib.h>

/// libasound reports errors through a variadic callback that Swift cannot
/// implement; this one drops the text. Stilte reports errors itself, from
/// return codes, with the failing function's name.
static inline void stilte_alsa_quiet_handler(const char *file, int line, const char *function,
                                             int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

/// Installs `stilte_alsa_quiet_handler` as libasound's error handler.
static inline int stilte_alsa_silence_errors(void) {
    return snd_lib_error_set_handler(stilte_alsa_quiet_handler);
}

#endif
