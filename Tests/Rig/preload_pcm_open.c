/*
 * preload_pcm_open.c: an LD_PRELOAD shim making snd_pcm_open fail on purpose, to test open errors in a child process.
 *
 *   STILTE_FAKE_OPEN_ERRNO   the error: a number (16) or a name (EBUSY, ENOENT, ENODEV, EACCES, EPERM, ENXIO, EIO)
 *   STILTE_FAKE_OPEN_MATCH   shell glob over the PCM name (default "*"); other names open normally
 *
 * A matching snd_pcm_open returns -errno without touching ALSA, exactly as alsa-lib reports a busy or missing device.
 * Without STILTE_FAKE_OPEN_ERRNO the shim does nothing.
 *
 * Build: cc -fPIC -DPIC -shared -o preload_pcm_open.so preload_pcm_open.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

typedef struct _snd_pcm snd_pcm_t;
typedef int (*pcm_open_fn)(snd_pcm_t **, const char *, int, int);

static int errno_named(const char *text)
{
	static const struct { const char *name; int value; } names[] = {
		{ "EBUSY", EBUSY }, { "ENOENT", ENOENT }, { "ENODEV", ENODEV }, { "EACCES", EACCES },
		{ "EPERM", EPERM }, { "ENXIO", ENXIO }, { "EIO", EIO },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(text, names[i].name))
			return names[i].value;
	int value = atoi(text);
	return value > 0 ? value : EIO;
}

int snd_pcm_open(snd_pcm_t **pcmp, const char *name, int stream, int mode)
{
	const char *fake = getenv("STILTE_FAKE_OPEN_ERRNO");
	const char *match = getenv("STILTE_FAKE_OPEN_MATCH");
	if (fake && *fake && fnmatch(match && *match ? match : "*", name ? name : "", 0) == 0) {
		*pcmp = NULL;
		return -errno_named(fake);
	}
	pcm_open_fn real_open = (pcm_open_fn)dlsym(RTLD_NEXT, "snd_pcm_open");
	if (!real_open)
		return -ENOSYS;
	return real_open(pcmp, name, stream, mode);
}
