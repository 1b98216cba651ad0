#!/usr/bin/env bash
# Measures `stilte rehearse` while it records: CPU of one core, and how far the live screen
# lags the audio. The microphone is the test rig's real-time ALSA device (Tests/Rig) playing
# the demo answer (Audio/demo: refusal, 4.0 s pause, solution) at wall-clock pace; the live
# screen is drawn in a real pseudo-terminal (tmux, 80x24).
# Peer, same run and same device: `arecord` recording the same number of seconds to /dev/null.
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
/usr/bin/time -f "%e %U %S" -o "$work/arecord.time" \
  arecord -q -D bench_mic -f S16_LE -r 16000 -c 1 -t raw -d "$(python3 -c "import math; print(math.ceil($seconds))")" /dev/null

python3 - "$work/trace.jsonl" "$work/arecord.time" <<'PY'
import json, statistics, sys
trace = [json.loads(line) for line in open(sys.argv[1])]
done = trace[-1]
wall, cpu, audio = done["wall"], done["cpu"], done["audio"]
a_wall, a_user, a_sys = map(float, open(sys.argv[2]).read().split()[-3:])
ours = 100 * cpu / wall
peer = 100 * (a_user + a_sys) / a_wall
print(f"recording {audio:.2f} s of audio in {wall:.2f} s wall")
print(f"{'':24}{'CPU % of one core':>20}")
print(f"{'stilte rehearse (live)':24}{ours:>20.2f}")
print(f"{'arecord (peer)':24}{peer:>20.2f}")
print(f"ratio stilte / arecord: {ours / peer:.1f}x" if peer > 0 else "arecord used no measurable CPU")
print()
print("live screen lag behind the audio (drawn - happened), seconds;")
print("reported-silence: audio the pause engine had consumed when it reported a silence:")
for kind in ("reported-silence", "silence", "speaking", "pause-frozen"):
    lags = [e["lag"] for e in trace if e["event"] == kind]
    if lags:
        print(f"  {kind:17} n={len(lags):2}  median {statistics.median(lags):.3f}  max {max(lags):.3f}")
PY
