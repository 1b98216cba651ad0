#!/usr/bin/env python3
"""The peer of bench/serve: Python's http.server + sqlite3 serving the same JSON as
`stilte serve` from the same stilte.sqlite: the trainees overview (same SQL as
SQLiteSessionLog.traineeOverviews) and one take with its reviews and waveform peaks
(1000 columns, computed once with the `wave` module and cached in memory).

usage: peer.py HOME PORT  (prints "ready PORT" when listening)"""
import array
import json
import sqlite3
import sys
import threading
import wave
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOME = Path(sys.argv[1])
RECENT = 20
COLUMNS = 1000
local = threading.local()
peaks_cache = {}


def db():
    if not hasattr(local, "db"):
        local.db = sqlite3.connect(f"file:{HOME / 'stilte.sqlite'}?mode=ro", uri=True)
        local.db.row_factory = sqlite3.Row
    return local.db


def trainees():
    conn = db()
    counts = conn.execute("""SELECT traineeId, COUNT(*) AS n, COUNT(pauseDuration) AS measured,
        SUM(verdict = 'on-target') AS onTarget, MAX(createdAt) AS lastPractice
        FROM take WHERE state != 'recording' GROUP BY traineeId""").fetchall()
    reviewed = dict(conn.execute("""SELECT take.traineeId, COUNT(DISTINCT review.takeId) FROM review
        JOIN take ON take.id = review.takeId WHERE take.state != 'recording' GROUP BY take.traineeId""").fetchall())
    names = dict(conn.execute("SELECT id, name FROM trainee").fetchall())
    out = []
    for row in counts:
        tid, measured = row["traineeId"], row["measured"]
        median = None
        if measured:
            position = 0.5 * (measured - 1)
            pair = [r[0] for r in conn.execute("""SELECT pauseDuration FROM take WHERE traineeId = ? AND state != 'recording'
                AND pauseDuration IS NOT NULL ORDER BY pauseDuration LIMIT 2 OFFSET ?""", (tid, int(position)))]
            fraction = position - int(position)
            median = pair[0] + fraction * ((pair[1] if len(pair) > 1 else pair[0]) - pair[0])
        recent = conn.execute("""SELECT id, pauseDuration FROM take WHERE traineeId = ?
            AND state != 'recording' ORDER BY createdAt DESC, id DESC LIMIT ?""", (tid, RECENT)).fetchall()
        target = conn.execute("SELECT targetSeconds, targetTolerance FROM take WHERE id = ?", (recent[0][0],)).fetchone() if recent else None
        out.append({"traineeId": tid, "name": names.get(tid, "?"), "takes": row["n"], "measured": measured,
                    "onTarget": row["onTarget"] or 0, "unreviewed": row["n"] - reviewed.get(tid, 0), "medianPause": median,
                    "lastPractice": row["lastPractice"], "recentPauses": [r[1] for r in reversed(recent)],
                    "target": {"seconds": target[0], "tolerance": target[1]} if target else None})
    return sorted(out, key=lambda t: t["name"])


def peaks(path):
    if path not in peaks_cache:
        with wave.open(str(path)) as w:
            channels, frames = w.getnchannels(), w.getnframes()
            samples = array.array("h", w.readframes(frames))
        mono = samples[::channels]
        per = max(1, -(-len(mono) // COLUMNS))
        low, high = [], []
        for start in range(0, len(mono), per):
            chunk = mono[start:start + per]
            low.append(min(chunk) / 32768)
            high.append(max(chunk) / 32768)
        peaks_cache[path] = {"duration": frames / w.getframerate(), "low": low, "high": high}
    return peaks_cache[path]


def take(take_id):
    conn = db()
    row = conn.execute("SELECT * FROM take WHERE id = ?", (take_id,)).fetchone()
    if row is None:
        return None
    take = dict(row)
    take["analysis"] = json.loads(take["analysis"]) if take["analysis"] else None
    reviews = [dict(r) for r in conn.execute("SELECT * FROM review WHERE takeId = ? ORDER BY createdAt, id", (take_id,))]
    trainee = conn.execute("SELECT name FROM trainee WHERE id = ?", (take["traineeId"],)).fetchone()[0]
    return {"take": take, "trainee": trainee, "reviews": reviews, "waveform": peaks(HOME / take["recordingPath"])}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/api/trainees":
            body = trainees()
        elif self.path.startswith("/api/takes/"):
            body = take(int(self.path.rsplit("/", 1)[1]))
        else:
            body = None
        if body is None:
            self.send_error(404)
            return
        data = json.dumps(body, sort_keys=True).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Handler)
print("ready", server.server_port, flush=True)
server.serve_forever()
