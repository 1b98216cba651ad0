#!/usr/bin/env bash
# The shared log under load: 200 simulated trainees saving 20 takes each at once into one log,
# on PostgreSQL and, as the peer in the same run, on the embedded SQLite log; then the same load
# with the store killed (kill -9) half-way, counting acknowledged takes that were lost.
#   scripts/with-postgres bench/shared-log/run.sh [TRAINEES] [TAKES]
# Needs a release build (swift build -c release), or STILTE_BIN=path/to/stilte. Prints one line per run.
set -euo pipefail
cd "$(dirname "$0")/../.."
trainees="${1:-200}"; takes="${2:-20}"
stilte="${STILTE_BIN:-$(swift build -c release --show-bin-path)/stilte}"
: "${STILTE_TEST_POSTGRES_URL:?run me through scripts/with-postgres}"
socket_dir="${STILTE_TEST_POSTGRES_URL#*host=}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
as=(); [ "$(id -u)" -eq 0 ] && as=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fresh_db() {  # a new database on the test server; prints its URL
  local name="bench_$RANDOM$RANDOM"
  psql -q "$STILTE_TEST_POSTGRES_URL" -c "CREATE DATABASE $name" >/dev/null
  echo "${STILTE_TEST_POSTGRES_URL/\/stilte\?//$name?}"
}

echo "== load: $trainees trainees x $takes takes, each save its own transaction =="
pg_url="$(fresh_db)"
STILTE_HOME="$work/pg-home" "$stilte" bench-shared-log --trainees "$trainees" --takes "$takes" --database "$pg_url" | tee "$work/pg.txt"
STILTE_HOME="$work/sqlite-home" "$stilte" bench-shared-log --trainees "$trainees" --takes "$takes" | tee "$work/sqlite.txt"
field() { grep -o "$1=[0-9.]*" "$2" | cut -d= -f2; }
awk -v a="$(field throughput "$work/pg.txt")" -v b="$(field throughput "$work/sqlite.txt")" \
    -v c="$(field p99 "$work/pg.txt")" -v d="$(field p99 "$work/sqlite.txt")" \
    'BEGIN { printf "ratio postgres/sqlite: throughput %.2fx, p99 latency %.2fx\n", a / b, c / d }'

echo "== kill -9 of PostgreSQL half-way: acknowledged takes must all be there after restart =="
pg_url="$(fresh_db)"
STILTE_HOME="$work/pg-kill" "$stilte" bench-shared-log --trainees "$trainees" --takes "$takes" --database "$pg_url" \
  --acknowledged "$work/pg-acks" > "$work/pg-kill.txt" 2>&1 &
bench=$!
half_way() {  # waits until half the takes are acknowledged
  until [ -f "$1" ] && [ "$(wc -l < "$1")" -ge $((trainees * takes / 2)) ]; do sleep 0.05; done
}
half_way "$work/pg-acks"
postmaster="$(head -1 "$socket_dir/data/postmaster.pid")"
backends="$(pgrep -P "$postmaster" | tr '\n' ' ')"
kill -9 "$postmaster" $backends   # the server and its backends, by PID: a crash, no shutdown
while kill -0 "$postmaster" $backends 2>/dev/null; do sleep 0.05; done
wait "$bench" || true
"${as[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$socket_dir/data" -l "$socket_dir/server.log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories='$socket_dir' -c fsync=off -c max_connections=200" start >/dev/null
acked=$(sort -u "$work/pg-acks" | wc -l)
found=$(psql -tA "$pg_url" -c "SELECT count(*) FROM take WHERE uuid::text IN ($(sed "s/.*/'&'/" "$work/pg-acks" | paste -sd, -))")
echo "postgres: acknowledged=$acked found=$found lost=$((acked - found)); $(grep -o 'failed=[0-9]*' "$work/pg-kill.txt") saves failed while the server was down (not acknowledged)"

echo "== kill -9 of the SQLite writer half-way =="
STILTE_HOME="$work/sqlite-kill" "$stilte" bench-shared-log --trainees "$trainees" --takes "$takes" \
  --acknowledged "$work/sqlite-acks" > /dev/null 2>&1 &
bench=$!
half_way "$work/sqlite-acks"
kill -9 "$bench"; wait "$bench" || true
acked=$(sort -u "$work/sqlite-acks" | wc -l)
found=$(sqlite3 "$work/sqlite-kill/stilte.sqlite" "SELECT count(*) FROM take WHERE uuid IN ($(sed "s/.*/'&'/" "$work/sqlite-acks" | paste -sd, -))")
echo "sqlite: acknowledged=$acked found=$found lost=$((acked - found))"
