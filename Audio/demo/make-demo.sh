#!/usr/bin/env bash
# Makes Audio/demo/answer.wav, the example answer `stilte rehearse --demo` plays as the
# microphone: a refusal, a pause of PAUSE seconds, a solution, then silence — over quiet
# room noise. Reproducible: espeak-ng speech, sox with its fixed random seed (-R).
# Needs espeak-ng and sox. Usage: Audio/demo/make-demo.sh [PAUSE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
pause="${1:-4.0}"
rate=16000
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

speak() { # speak TEXT OUT — espeak-ng, trimmed to the voice at both ends, 16 kHz mono
  espeak-ng -v en-gb -s 155 -w "$tmp/raw.wav" "$1"
  sox -R "$tmp/raw.wav" -r "$rate" -c 1 -b 16 "$2" \
    silence 1 0.01 0.3% reverse silence 1 0.01 0.3% reverse
}
speak "I understand, and I am not going to do it myself." "$tmp/refusal.wav"
speak "My colleague Karin did exactly this last spring. Shall I bring her along?" "$tmp/solution.wav"

sox -R -n -r "$rate" -c 1 -b 16 "$tmp/lead.wav" trim 0 0.8
sox -R -n -r "$rate" -c 1 -b 16 "$tmp/pause.wav" trim 0 "$pause"
sox -R -n -r "$rate" -c 1 -b 16 "$tmp/tail.wav" trim 0 3.0
sox -R "$tmp/lead.wav" "$tmp/refusal.wav" "$tmp/pause.wav" "$tmp/solution.wav" "$tmp/tail.wav" "$tmp/speech.wav"
length="$(soxi -D "$tmp/speech.wav")"
sox -R -n -r "$rate" -c 1 -b 16 "$tmp/noise.wav" synth "$length" pinknoise vol 0.002
sox -R -m "$tmp/speech.wav" "$tmp/noise.wav" -b 16 answer.wav
refusal_end="$(awk -v r="$(soxi -D "$tmp/refusal.wav")" "BEGIN { print 0.8 + r }")"
printf 'answer.wav: %.2f s; refusal ends at %.3f s; pause %.2f s; solution %.2f s\n' \
  "$length" "$refusal_end" "$pause" "$(soxi -D "$tmp/solution.wav")"
