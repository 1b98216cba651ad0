#!/usr/bin/env python3
"""bench/serve: `stilte serve` against Python http.server + sqlite3 (peer.py) on the same log.

Builds a log of --takes synthetic takes (`stilte generate-log`) plus one real 45 s take
(espeak-ng + sox, imported with `stilte import`), starts both servers, then requests each
page --runs times over a fresh connection (median and p90 wall time per request, client
in this process). Results: bench/out/serve/results.json."""
import argparse, http.client, json, os, re, shutil, statistics, subprocess, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def make_45s_answer(out: Path) -> Path:
    refusal, solution, answer = out / "refusal.wav", out / "solution.wav", out / "answer45.wav"
    run(["espeak-ng", "-v", "nl", "-w", str(refusal), "Nee. Dat ga ik niet zelf doen."])
    run(["espeak-ng", "-v", "nl", "-w", str(solution), " ".join([
        "Wat ik wel kan doen is je voorstellen aan mijn collega Sanne.",
        "Zij heeft dit soort trajecten al vaak begeleid en kent jullie sector goed.",
        "Ik zorg dat jullie deze week nog kennismaken, en ik blijf op de achtergrond betrokken.",
        "Zo krijg je de aandacht die het verdient, van iemand die er echt tijd voor heeft."] * 2)])
    run(["sox", str(refusal), "-r", "16000", "-c", "1", str(out / "r16.wav"), "pad", "0.5", "4.0"])
    run(["sox", str(solution), "-r", "16000", "-c", "1", str(out / "s16.wav")])
    run(["sox", str(out / "r16.wav"), str(out / "s16.wav"), str(answer), "pad", "0", "45", "trim", "0", "45"])
    return answer


def timed_get(host, port, path, headers, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        conn = http.client.HTTPConnection(host, port, timeout=30)
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        conn.close()
        times.append(time.perf_counter() - start)
        assert response.status == 200, (path, response.status, body[:200])
    times.sort()
    return {"median_ms": statistics.median(times) * 1000, "p90_ms": times[int(0.9 * (len(times) - 1))] * 1000,
            "bytes": len(body)}


def start(cmd, env, pattern):
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    found = re.search(pattern, line)
    assert found, line
    return process, found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stilte", required=True)
    parser.add_argument("--out", default="bench/out/serve")
    parser.add_argument("--takes", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--reuse-log", action="store_true")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    home = out / "home"
    env = {**os.environ, "STILTE_HOME": str(home), "STILTE_REVIEWER": "bench"}
    if not args.reuse_log:
        shutil.rmtree(home, ignore_errors=True)
        out.mkdir(parents=True, exist_ok=True)
        began = time.perf_counter()
        run([args.stilte, "generate-log", "--takes", str(args.takes)], env=env)
        answer = make_45s_answer(out)
        imported = run([args.stilte, "import", str(answer), "--trainee", "trainee-45s", "--scenario", "clinic-flatters.nl"], env=env).stdout
        print(f"log: {args.takes} generated takes + 1 imported 45 s take in {time.perf_counter() - began:.1f} s: {imported.strip()}")
    take_id = json.loads(run(["sqlite3", "-json", str(home / "stilte.sqlite"),
                              "SELECT id FROM take WHERE recordingPath NOT LIKE 'recordings/synthetic-%' ORDER BY id DESC LIMIT 1"]).stdout)[0]["id"]
    takes = run(["sqlite3", str(home / "stilte.sqlite"), "SELECT COUNT(*) FROM take"]).stdout.strip()

    stilte, found = start([args.stilte, "serve", "--port", "0"], env, r"http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]+)")
    peer, peer_found = start([sys.executable, str(HERE / "peer.py"), str(home), "0"], env, r"ready (\d+)")
    port, token, peer_port = int(found.group(1)), found.group(2), int(peer_found.group(1))
    auth = {"Authorization": f"Bearer {token}"}
    try:
        load = os.getloadavg()[0]
        for path in ["/", f"/takes/{take_id}", f"/api/takes/{take_id}/waveform"]:
            timed_get("127.0.0.1", port, path, auth, 2)  # warm: page cache, cached waveform
        timed_get("127.0.0.1", peer_port, f"/api/takes/{take_id}", {}, 2)
        results = {
            "trainees page (HTML)": timed_get("127.0.0.1", port, "/", auth, args.runs),
            "stilte /api/trainees": timed_get("127.0.0.1", port, "/api/trainees", auth, args.runs),
            "peer /api/trainees": timed_get("127.0.0.1", peer_port, "/api/trainees", {}, args.runs),
            "take page, 45 s (HTML + waveform)": timed_get("127.0.0.1", port, f"/takes/{take_id}", auth, args.runs),
            "stilte /api/takes/ID + /waveform": None,
            "peer /api/takes/ID (with peaks)": timed_get("127.0.0.1", peer_port, f"/api/takes/{take_id}", {}, args.runs),
        }
        detail = timed_get("127.0.0.1", port, f"/api/takes/{take_id}", auth, args.runs)
        wave = timed_get("127.0.0.1", port, f"/api/takes/{take_id}/waveform", auth, args.runs)
        results["stilte /api/takes/ID + /waveform"] = {"median_ms": detail["median_ms"] + wave["median_ms"],
                                                       "p90_ms": detail["p90_ms"] + wave["p90_ms"],
                                                       "bytes": detail["bytes"] + wave["bytes"]}
    finally:
        stilte.terminate()
        peer.terminate()
        stilte.wait()
        peer.wait()
    print(f"{takes} takes in the log; take {take_id} is 45 s; {args.runs} requests each, new connection each; load average {load:.1f}")
    print(f"  {'':38} {'median':>9} {'p90':>9} {'bytes':>9}")
    for name, r in results.items():
        print(f"  {name:38} {r['median_ms']:7.1f}ms {r['p90_ms']:7.1f}ms {r['bytes']:9d}")
    ratios = {
        "trainees: stilte page / peer JSON": results["trainees page (HTML)"]["median_ms"] / results["peer /api/trainees"]["median_ms"],
        "trainees: stilte JSON / peer JSON": results["stilte /api/trainees"]["median_ms"] / results["peer /api/trainees"]["median_ms"],
        "take: stilte page / peer JSON": results["take page, 45 s (HTML + waveform)"]["median_ms"] / results["peer /api/takes/ID (with peaks)"]["median_ms"],
        "take: stilte JSON / peer JSON": results["stilte /api/takes/ID + /waveform"]["median_ms"] / results["peer /api/takes/ID (with peaks)"]["median_ms"],
    }
    for name, ratio in ratios.items():
        print(f"  {name:38} {ratio:.2f}")
    targets = {"take page < 50 ms": results["take page, 45 s (HTML + waveform)"]["median_ms"] < 50,
               "trainees page < 200 ms": results["trainees page (HTML)"]["median_ms"] < 200}
    for name, met in targets.items():
        print(f"  target {name}: {'met' if met else 'NOT met'}")
    (out / "results.json").write_text(json.dumps({"takes": int(takes), "load": load, "results": results, "ratios": ratios,
                                                  "targets": targets}, indent=2))


if __name__ == "__main__":
    main()
