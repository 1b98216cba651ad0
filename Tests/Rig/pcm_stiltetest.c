/*
 * pcm_stiltetest.c: a real-time ALSA test device for Stilte (ioplug external plugin, type "stiltetest").
 *
 * Capture reads raw S16_LE frames from `infile`, playback writes the frames it plays to `outfile`, both at
 * wall-clock pace: the hardware pointer is derived from CLOCK_MONOTONIC and a timerfd ticking once per period
 * is the poll descriptor, so blocking reads/writes, snd_pcm_wait and poll() wait like on a sound card.
 *
 * Source model (capture): the input file is a live microphone. Stream time t = wall time since the FIRST start
 * after open; source frame = t * rate. Whatever the microphone "says" while the stream is not running (after an
 * overrun until the restart, during a suspend) is lost, exactly as on real hardware. After the end of `infile`
 * capture delivers zeros (or starts over with `loop true`).
 *
 * Faults fire once each, at a stream time in seconds (`overrun_at`, `suspend_at`, `disconnect_at`); the hardware
 * pointer stops exactly at the fault's frame:
 *   overrun    -> state XRUN (-EPIPE). Recover with snd_pcm_prepare (+ start, or just read again).
 *   suspend    -> state SUSPENDED (-ESTRPIPE). snd_pcm_resume continues (unread frames stay readable), or prepare.
 *   disconnect -> state DISCONNECTED (-ENODEV) for good: prepare, start and hw_params fail with -ENODEV too.
 * With `repeat_faults true` a fired overrun or suspend fires again at every later start and resume, at once:
 * a device that fails on every read, for ever (recovery "succeeds", the next read fails again).
 * A real overrun (the application reads too slowly, a full buffer unread) and a real underrun (playback buffer
 * runs empty while running) go to XRUN as well.
 *
 * Build: cc -fPIC -DPIC -shared -o libasound_module_pcm_stiltetest.so pcm_stiltetest.c -lasound
 */
#include <alsa/asoundlib.h>
#include <alsa/pcm_external.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define NS_PER_S 1000000000ULL

enum fault_kind { FAULT_OVERRUN, FAULT_SUSPEND, FAULT_DISCONNECT, FAULT_COUNT };

typedef struct {
	snd_pcm_ioplug_t io;
	unsigned int rate, channels;
	int timer_fd;                 /* poll descriptor: readable once per period while running */
	int out_fd;                   /* playback: the frames played, appended in order */
	int16_t *input;               /* capture: the whole infile */
	uint64_t input_frames;
	int loop;
	uint64_t fault_ns[FAULT_COUNT]; /* stream time of each fault; UINT64_MAX = none or already fired */
	int repeat_faults;            /* a fired overrun/suspend fires again at every start and resume */
	int fired[FAULT_COUNT];
	int gone;                     /* disconnected: sticky */

	snd_pcm_uframes_t boundary, avail_min;
	int16_t *ring;                /* playback: written but not yet played, buffer_size frames */

	uint64_t t0;                  /* CLOCK_MONOTONIC ns of the first start; 0 = never started */
	int running;                  /* started since the last prepare */
	uint64_t run_start;           /* ns when the current run started (start or resume) */
	uint64_t run_hw;              /* hw position at run_start */
	uint64_t hw;                  /* frames played/captured since prepare (the app's position: io.appl_ptr) */
	snd_pcm_state_t suspended_from;
	/* capture: source frame of hw position h is h + offset, with old_offset for h < segment_hw (after a resume) */
	int64_t offset, old_offset;
	uint64_t segment_hw;
} stiltetest_t;

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

static uint64_t frames_in(const stiltetest_t *st, uint64_t ns) { return ns * st->rate / NS_PER_S; }
static uint64_t ns_for(const stiltetest_t *st, uint64_t frames) { return (frames * NS_PER_S + st->rate - 1) / st->rate; }

static void set_timer(stiltetest_t *st, uint64_t first_ns, uint64_t interval_ns)
{
	struct itimerspec its = {
		.it_value = { (time_t)(first_ns / NS_PER_S), (long)(first_ns % NS_PER_S) },
		.it_interval = { (time_t)(interval_ns / NS_PER_S), (long)(interval_ns % NS_PER_S) },
	};
	timerfd_settime(st->timer_fd, TFD_TIMER_ABSTIME, &its, NULL);
}

/* Makes the poll descriptor readable now, and until it is read or re-armed (errors, prepared playback). */
static void wake_pollers(stiltetest_t *st) { set_timer(st, now_ns(), 0); }

static void begin_run(stiltetest_t *st, uint64_t now)
{
	if (!st->t0)
		st->t0 = now;
	st->running = 1;
	st->run_start = now;
	if (st->repeat_faults)
		for (int k = 0; k < FAULT_DISCONNECT; k++)
			if (st->fired[k])
				st->fault_ns[k] = now - st->t0;   /* due at once: the pointer does not move */
	st->run_hw = st->hw;
	if (st->io.stream == SND_PCM_STREAM_CAPTURE) {
		st->old_offset = st->offset;
		st->segment_hw = st->hw;
		st->offset = (int64_t)frames_in(st, now - st->t0) - (int64_t)st->hw;
	}
	uint64_t period_ns = ns_for(st, st->io.period_size);
	set_timer(st, now + period_ns, period_ns);
}

/* Playback: appends ring frames [hw, to) to outfile. */
static void play_until(stiltetest_t *st, uint64_t to)
{
	snd_pcm_uframes_t size = st->io.buffer_size;
	while (st->hw < to) {
		uint64_t at = st->hw % size, n = to - st->hw;
		if (n > size - at)
			n = size - at;
		if (st->out_fd >= 0) {
			const char *p = (const char *)(st->ring + at * st->channels);
			size_t left = n * st->channels * sizeof(int16_t);
			while (left > 0) {
				ssize_t w = write(st->out_fd, p, left);
				if (w < 0 && errno == EINTR)
					continue;
				if (w <= 0) {
					SNDERR("stiltetest: cannot write outfile: %s", strerror(errno));
					break;
				}
				p += w;
				left -= (size_t)w;
			}
		}
		st->hw += n;
	}
}

static void move_hw(stiltetest_t *st, uint64_t to)
{
	if (st->io.stream == SND_PCM_STREAM_PLAYBACK)
		play_until(st, to);
	else
		st->hw = to;
}

/* Advances the hardware pointer to wall-clock time `now`, firing a due fault or a real xrun on the way. */
static void advance(stiltetest_t *st, uint64_t now)
{
	snd_pcm_state_t state = st->io.state;
	if (state != SND_PCM_STATE_RUNNING && state != SND_PCM_STATE_DRAINING)
		return;
	uint64_t target = st->run_hw + frames_in(st, now - st->run_start);
	int due = -1;
	for (int k = 0; k < FAULT_COUNT; k++)
		if (st->fault_ns[k] <= now - st->t0 && (due < 0 || st->fault_ns[k] < st->fault_ns[due]))
			due = k;
	if (due >= 0) {
		uint64_t at = st->t0 + st->fault_ns[due];
		uint64_t fault_hw = at > st->run_start ? st->run_hw + frames_in(st, at - st->run_start) : st->hw;
		if (fault_hw < target)
			target = fault_hw > st->hw ? fault_hw : st->hw;   /* the pointer never moves back */
	}
	if (st->io.stream == SND_PCM_STREAM_CAPTURE && target >= st->io.appl_ptr + st->io.buffer_size) {
		st->hw = st->io.appl_ptr + st->io.buffer_size;       /* buffer full, nobody read it: overrun */
		snd_pcm_ioplug_set_state(&st->io, SND_PCM_STATE_XRUN);
		wake_pollers(st);
		return;
	}
	if (st->io.stream == SND_PCM_STREAM_PLAYBACK && target >= st->io.appl_ptr) {
		play_until(st, st->io.appl_ptr);                     /* buffer ran empty */
		if (state == SND_PCM_STATE_RUNNING) {
			snd_pcm_ioplug_set_state(&st->io, SND_PCM_STATE_XRUN);
			wake_pollers(st);
		}
		return;
	}
	move_hw(st, target);
	if (due < 0)
		return;
	st->fault_ns[due] = UINT64_MAX;
	st->fired[due] = 1;
	switch (due) {
	case FAULT_OVERRUN:
		snd_pcm_ioplug_set_state(&st->io, SND_PCM_STATE_XRUN);
		break;
	case FAULT_SUSPEND:
		st->suspended_from = state;
		snd_pcm_ioplug_set_state(&st->io, SND_PCM_STATE_SUSPENDED);
		break;
	default:
		st->gone = 1;
		snd_pcm_ioplug_set_state(&st->io, SND_PCM_STATE_DISCONNECTED);
		break;
	}
	wake_pollers(st);
}

static snd_pcm_sframes_t st_pointer(snd_pcm_ioplug_t *io)
{
	stiltetest_t *st = io->private_data;
	advance(st, now_ns());
	return (snd_pcm_sframes_t)(st->hw % st->boundary);
}

static snd_pcm_sframes_t st_transfer(snd_pcm_ioplug_t *io, const snd_pcm_channel_area_t *areas,
				     snd_pcm_uframes_t offset, snd_pcm_uframes_t size)
{
	stiltetest_t *st = io->private_data;
	int16_t *buf = (int16_t *)((char *)areas[0].addr + (areas[0].first + offset * areas[0].step) / 8);
	if (io->stream == SND_PCM_STREAM_PLAYBACK) {
		for (snd_pcm_uframes_t i = 0; i < size; i++)
			memcpy(st->ring + ((io->appl_ptr + i) % io->buffer_size) * st->channels,
			       buf + i * st->channels, st->channels * sizeof(int16_t));
	} else {
		for (snd_pcm_uframes_t i = 0; i < size; i++) {
			uint64_t h = io->appl_ptr + i;
			int64_t src = (int64_t)h + (h < st->segment_hw ? st->old_offset : st->offset);
			if (st->loop && st->input_frames)
				src %= (int64_t)st->input_frames;
			if (src >= 0 && (uint64_t)src < st->input_frames)
				memcpy(buf + i * st->channels, st->input + src * st->channels, st->channels * sizeof(int16_t));
			else
				memset(buf + i * st->channels, 0, st->channels * sizeof(int16_t));
		}
	}
	return (snd_pcm_sframes_t)size;
}

static int st_start(snd_pcm_ioplug_t *io)
{
	stiltetest_t *st = io->private_data;
	if (st->gone)
		return -ENODEV;
	begin_run(st, now_ns());
	return 0;
}

static int st_stop(snd_pcm_ioplug_t *io)
{
	stiltetest_t *st = io->private_data;
	st->running = 0;
	set_timer(st, 0, 0);
	return 0;
}

static int st_prepare(snd_pcm_ioplug_t *io)
{
	stiltetest_t *st = io->private_data;
	if (st->gone)
		return -ENODEV;
	st->running = 0;
	st->hw = st->segment_hw = 0;
	st->offset = st->old_offset = 0;
	if (io->stream == SND_PCM_STREAM_PLAYBACK)
		wake_pollers(st);   /* an empty playback buffer has room: poll says so at once */
	else
		set_timer(st, 0, 0);
	return 0;
}

static int st_resume(snd_pcm_ioplug_t *io)
{
	stiltetest_t *st = io->private_data;
	if (io->state != SND_PCM_STATE_SUSPENDED)
		return 0;
	snd_pcm_ioplug_set_state(io, st->suspended_from);
	begin_run(st, now_ns());
	return 0;
}

/* Playback drain: sleeps until the last written frame has been played (or a fault hits). */
static int st_drain(snd_pcm_ioplug_t *io)
{
	stiltetest_t *st = io->private_data;
	if (io->stream == SND_PCM_STREAM_CAPTURE)
		return 0;
	if (!st->running)   /* drained straight from PREPARED: alsa-lib leaves the start to us */
		begin_run(st, now_ns());
	for (;;) {
		uint64_t now = now_ns();
		advance(st, now);
		if (io->state != SND_PCM_STATE_DRAINING)
			break;
		if (st->hw >= io->appl_ptr)
			return 0;
		uint64_t wake = st->run_start + ns_for(st, io->appl_ptr - st->run_hw);
		for (int k = 0; k < FAULT_COUNT; k++)
			if (st->fault_ns[k] != UINT64_MAX && st->t0 + st->fault_ns[k] < wake)
				wake = st->t0 + st->fault_ns[k];
		struct timespec ts = { (time_t)(wake / NS_PER_S), (long)(wake % NS_PER_S) };
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
	}
	switch (io->state) {
	case SND_PCM_STATE_SUSPENDED: return -ESTRPIPE;
	case SND_PCM_STATE_DISCONNECTED: return -ENODEV;
	case SND_PCM_STATE_XRUN: return -EPIPE;
	default: return 0;
	}
}

static int st_hw_params(snd_pcm_ioplug_t *io, snd_pcm_hw_params_t *params)
{
	stiltetest_t *st = io->private_data;
	(void)params;
	if (st->gone)
		return -ENODEV;
	free(st->ring);
	st->ring = NULL;
	if (io->stream == SND_PCM_STREAM_PLAYBACK) {
		st->ring = calloc(io->buffer_size, st->channels * sizeof(int16_t));
		if (!st->ring)
			return -ENOMEM;
	}
	return 0;
}

static int st_sw_params(snd_pcm_ioplug_t *io, snd_pcm_sw_params_t *params)
{
	stiltetest_t *st = io->private_data;
	snd_pcm_sw_params_get_boundary(params, &st->boundary);
	snd_pcm_sw_params_get_avail_min(params, &st->avail_min);
	return 0;
}

static int st_poll_revents(snd_pcm_ioplug_t *io, struct pollfd *pfd, unsigned int nfds, unsigned short *revents)
{
	stiltetest_t *st = io->private_data;
	(void)pfd;
	(void)nfds;
	advance(st, now_ns());
	switch (io->state) {
	case SND_PCM_STATE_XRUN:
	case SND_PCM_STATE_SUSPENDED:
		*revents = POLLERR;
		return 0;
	case SND_PCM_STATE_DISCONNECTED:
		*revents = POLLERR | POLLHUP;
		return 0;
	default:
		break;
	}
	uint64_t avail = io->stream == SND_PCM_STREAM_CAPTURE ? st->hw - io->appl_ptr
							      : st->hw + io->buffer_size - io->appl_ptr;
	short ready = io->stream == SND_PCM_STREAM_CAPTURE ? POLLIN : POLLOUT;
	if (avail >= st->avail_min && io->state != SND_PCM_STATE_DRAINING) {
		*revents = ready;   /* level-triggered: the descriptor stays readable until the app catches up */
		return 0;
	}
	uint64_t ticks;
	if (read(st->timer_fd, &ticks, sizeof ticks) < 0 && errno != EAGAIN)
		return -errno;
	*revents = io->state == SND_PCM_STATE_DRAINING ? ready : 0;
	return 0;
}

static int st_close(snd_pcm_ioplug_t *io)
{
	stiltetest_t *st = io->private_data;
	if (st->timer_fd >= 0)
		close(st->timer_fd);
	if (st->out_fd >= 0)
		close(st->out_fd);
	free(st->input);
	free(st->ring);
	free(st);
	return 0;
}

static const snd_pcm_ioplug_callback_t stiltetest_callback = {
	.start = st_start,
	.stop = st_stop,
	.pointer = st_pointer,
	.transfer = st_transfer,
	.close = st_close,
	.hw_params = st_hw_params,
	.sw_params = st_sw_params,
	.prepare = st_prepare,
	.drain = st_drain,
	.resume = st_resume,
	.poll_revents = st_poll_revents,
};

static int load_input(stiltetest_t *st, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		int err = errno;
		SNDERR("stiltetest: cannot open infile %s: %s", path, strerror(err));
		return -err;
	}
	size_t frame = st->channels * sizeof(int16_t), cap = 0, n = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			int16_t *grown = realloc(st->input, cap * frame);
			if (!grown) {
				fclose(f);
				return -ENOMEM;
			}
			st->input = grown;
		}
		size_t got = fread((char *)st->input + n * frame, frame, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	st->input_frames = n;
	return 0;
}

static int set_constraints(stiltetest_t *st)
{
	static const unsigned int access[] = { SND_PCM_ACCESS_RW_INTERLEAVED, SND_PCM_ACCESS_MMAP_INTERLEAVED };
	static const unsigned int format[] = { SND_PCM_FORMAT_S16_LE };
	unsigned int frame = st->channels * 2;
	int err;
	if ((err = snd_pcm_ioplug_set_param_list(&st->io, SND_PCM_IOPLUG_HW_ACCESS, 2, access)) < 0 ||
	    (err = snd_pcm_ioplug_set_param_list(&st->io, SND_PCM_IOPLUG_HW_FORMAT, 1, format)) < 0 ||
	    (err = snd_pcm_ioplug_set_param_minmax(&st->io, SND_PCM_IOPLUG_HW_CHANNELS, st->channels, st->channels)) < 0 ||
	    (err = snd_pcm_ioplug_set_param_minmax(&st->io, SND_PCM_IOPLUG_HW_RATE, st->rate, st->rate)) < 0 ||
	    (err = snd_pcm_ioplug_set_param_minmax(&st->io, SND_PCM_IOPLUG_HW_PERIOD_BYTES, 16 * frame, 65536 * frame)) < 0 ||
	    (err = snd_pcm_ioplug_set_param_minmax(&st->io, SND_PCM_IOPLUG_HW_PERIODS, 2, 1024)) < 0 ||
	    (err = snd_pcm_ioplug_set_param_minmax(&st->io, SND_PCM_IOPLUG_HW_BUFFER_BYTES, 32 * frame, 1048576 * frame)) < 0)
		return err;
	return 0;
}

/* Reads one config number (integer or real) into *value; 1 if it was given, 0 if not, <0 on error. */
static int get_number(snd_config_t *n, const char *id, double *value)
{
	if (snd_config_get_ireal(n, value) < 0) {
		SNDERR("stiltetest: %s must be a number", id);
		return -EINVAL;
	}
	return 1;
}

SND_PCM_PLUGIN_DEFINE_FUNC(stiltetest)
{
	snd_config_iterator_t i, next;
	const char *infile = NULL, *outfile = NULL;
	double rate = 48000, channels = 1, fault_s[FAULT_COUNT] = { -1, -1, -1 };
	static const char *const fault_ids[FAULT_COUNT] = { "overrun_at", "suspend_at", "disconnect_at" };
	int loop = 0, repeat_faults = 0, err;
	(void)root;

	snd_config_for_each(i, next, conf) {
		snd_config_t *n = snd_config_iterator_entry(i);
		const char *id;
		if (snd_config_get_id(n, &id) < 0)
			continue;
		if (!strcmp(id, "comment") || !strcmp(id, "type") || !strcmp(id, "hint"))
			continue;
		if (!strcmp(id, "infile") || !strcmp(id, "outfile")) {
			const char **dst = id[0] == 'i' ? &infile : &outfile;
			if (snd_config_get_string(n, dst) < 0) {
				SNDERR("stiltetest: %s must be a string", id);
				return -EINVAL;
			}
			continue;
		}
		if (!strcmp(id, "rate") || !strcmp(id, "channels")) {
			if ((err = get_number(n, id, id[0] == 'r' ? &rate : &channels)) < 0)
				return err;
			continue;
		}
		if (!strcmp(id, "loop")) {
			if ((loop = snd_config_get_bool(n)) < 0) {
				SNDERR("stiltetest: loop must be a boolean");
				return -EINVAL;
			}
			continue;
		}
		if (!strcmp(id, "repeat_faults")) {
			if ((repeat_faults = snd_config_get_bool(n)) < 0) {
				SNDERR("stiltetest: repeat_faults must be a boolean");
				return -EINVAL;
			}
			continue;
		}
		int k;
		for (k = 0; k < FAULT_COUNT; k++)
			if (!strcmp(id, fault_ids[k]))
				break;
		if (k < FAULT_COUNT) {
			if ((err = get_number(n, id, &fault_s[k])) < 0)
				return err;
			continue;
		}
		SNDERR("stiltetest: unknown field %s", id);
		return -EINVAL;
	}
	if (rate < 1000 || rate > 384000 || channels < 1 || channels > 32) {
		SNDERR("stiltetest: rate %g or channels %g out of range", rate, channels);
		return -EINVAL;
	}

	stiltetest_t *st = calloc(1, sizeof(*st));
	if (!st)
		return -ENOMEM;
	st->rate = (unsigned int)rate;
	st->channels = (unsigned int)channels;
	st->loop = loop;
	st->repeat_faults = repeat_faults;
	st->out_fd = -1;
	st->boundary = 1;
	for (int k = 0; k < FAULT_COUNT; k++)
		st->fault_ns[k] = fault_s[k] >= 0 ? (uint64_t)(fault_s[k] * NS_PER_S) : UINT64_MAX;
	st->timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (st->timer_fd < 0) {
		err = -errno;
		goto fail;
	}
	if (stream == SND_PCM_STREAM_CAPTURE && infile && *infile && (err = load_input(st, infile)) < 0)
		goto fail;
	if (stream == SND_PCM_STREAM_PLAYBACK && outfile && *outfile) {
		st->out_fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (st->out_fd < 0) {
			err = -errno;
			SNDERR("stiltetest: cannot open outfile %s: %s", outfile, strerror(errno));
			goto fail;
		}
	}

	st->io.version = SND_PCM_IOPLUG_VERSION;
	st->io.name = "Stilte real-time test device";
	st->io.callback = &stiltetest_callback;
	st->io.private_data = st;
	st->io.poll_fd = st->timer_fd;
	st->io.poll_events = POLLIN;   /* a timerfd is only ever readable; poll_revents maps it to POLLOUT for playback */
	st->io.flags = SND_PCM_IOPLUG_FLAG_BOUNDARY_WA;
	if ((err = snd_pcm_ioplug_create(&st->io, name, stream, mode)) < 0)
		goto fail;
	if ((err = set_constraints(st)) < 0) {
		snd_pcm_ioplug_delete(&st->io);
		return err;
	}
	*pcmp = st->io.pcm;
	return 0;

fail:
	st_close(&st->io);
	return err;
}

SND_PCM_PLUGIN_SYMBOL(stiltetest);
