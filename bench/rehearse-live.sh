#!/usr/bin/env bash
# Measures `stilte rehearse` while it records: CPU of one core, and how far the live screen
# lags the audio. The microphone is the test rig's real-time ALSA device (Tests/Rig) playing
# the demo answer (Audio/demo: refusal, 4.0 s pause, solution) at wall-clock pace; the live
# screen is drawn in a real pseudo-terminal (tmux, 80x24).
# Peers, same run and same device, recording the same number of seconds: `stilte record` (capture
# and the streaming WAV writer, no analysis, no screen) and `arecord` to /dev/null.
# Usage: bench/rehearse-live.sh [STILTE_BINARY]   (default: a release build, made if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
stilte="${1:-}"
if [ -z "$stilte" ]; then
  swift build -c release --product stilte >&2
  stilte="$root/.build/release/stilte"
fi
work="$(mktemp -d)"; chmod 700 "$work"
socket="stilte-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

cc -fPIC -DPIC -shared -O2 -o "$work/libasound_module_pcm_stiltetest.so" Tests/Rig/pcm_stiltetest.c -lasound
sox Audio/demo/answer.wav -t raw -e signed -b 16 -r 16000 -c 1 "$work/answer.raw"
cat > "$work/asound.conf" <<CONF
pcm_type.stiltetest { lib "$work/libasound_module_pcm_stiltetest.so" }
pcm.bench_mic { type plug slave.pcm { type stiltetest infile "$work/answer.raw" rate 16000 channels 1 } }
pcm.bench_speaker { type plug slave.pcm { type null } }
CONF
export ALSA_CONFIG_PATH="$work/asound.conf" STILTE_HOME="$work/home" STILTE_SCENARIOS="$root/Scenarios"

cat > "$work/run.sh" <<RUN
#!/bin/sh
export ALSA_CONFIG_PATH="$ALSA_CONFIG_PATH" STILTE_HOME="$STILTE_HOME" STILTE_SCENARIOS="$STILTE_SCENARIOS"
"$stilte" rehearse museum-find-someone.en --trainee bench --playback-device bench_speaker \
  --capture-device bench_mic --live-trace "$work/trace.jsonl"
echo "EXIT=\$?"; sleep 60
RUN
chmod 700 "$work/run.sh"
tmux -L "$socket" -f /dev/null new-session -d -s bench -x 80 -y 24 "$work/run.sh"
wait_for() { for _ in $(seq 1 600); do tmux -L "$socket" capture-pane -p -t bench | grep -q "$1" && return 0; sleep 0.05; done; echo "timed out waiting for: $1" >&2; exit 1; }
wait_for "Enter: begin"
tmux -L "$socket" send-keys -t bench Enter
wait_for "r: replay"
tmux -L "$socket" send-keys -t bench q
wait_for "EXIT=0"

seconds="$(python3 -c 'import json,sys; print([json.loads(l) for l in open(sys.argv[1])][-1]["audio"])' "$work/trace.jsonl")"
whole="$(python3 -c "import math; print(math.ceil($seconds))")"
/usr/bin/time -f "%e %U %S" -o "$work/record.time" \
  "$stilte" record "$work/peer.wav" --device bench_mic --seconds "$whole" >/dev/null
/usr/bin/time -f "%e %U %S" -o "$work/arecord.time" \
  arecord -q -D bench_mic -f S16_LE -r 16000 -c 1 -t raw -d "$whole" /dev/null

python3 - "$work/trace.jsonl" "$work/record.time" "$work/arecord.time" <<'PY'
import json, statistics, sys
trace = [json.loads(line) for line in open(sys.argv[1])]
done = trace[-1]
wall, cpu, audio = done["wall"], done["cpu"], done["audio"]
ours = 100 * cpu / wall
print(f"recording {audio:.2f} s of audio in {wall:.2f} s wall (stilte rehearse: recording phase only)")
print(f"{'':34}{'CPU % of one core':>20}")
print(f"{'stilte rehearse (live screen)':34}{ours:>20.2f}")
for name, path in (("stilte record (peer, whole run)", sys.argv[2]), ("arecord (peer, whole run)", sys.argv[3])):
    p_wall, p_user, p_sys = map(float, open(path).read().split()[-3:])
    peer = 100 * (p_user + p_sys) / p_wall
    # /usr/bin/time counts CPU in 10 ms ticks: below one tick, say so instead of dividing by zero.
    shown = f"{peer:.2f}" if peer > 0 else f"< {100 * 0.01 / p_wall:.2f}"
    ratio = f"   rehearse / this = {ours / peer:.1f}x" if peer > 0 else ""
    print(f"{name:34}{shown:>20}{ratio}")
print()
print("live screen lag behind the audio (drawn - happened), seconds;")
print("reported-silence: audio the pause engine had consumed when it reported a silence:")
for kind in ("reported-silence", "silence", "speaking", "pause-frozen"):
    lags = [e["lag"] for e in trace if e["event"] == kind]
    if lags:
        print(f"  {kind:17} n={len(lags):2}  median {statistics.median(lags):.3f}  max {max(lags):.3f}")
PY
