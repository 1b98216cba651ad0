#!/usr/bin/env python3
"""Times `stilte progress` over a generated log against the sqlite3 CLI on the same file.

Peers, all on the same stilte.sqlite, each run --runs times (median wall time, process
start included):
  sqlite3-same-sql  the statements stilte runs (counts, weeks, per-group ranks and recent
                    takes), taken from `stilte progress --query-plan`, in one sqlite3 process
  sqlite3-window    the straightforward single-statement alternative: percentiles with
                    ROW_NUMBER() OVER (PARTITION BY ...) and weekly buckets
"""
import argparse, json, os, resource, shutil, statistics, subprocess, sys, time

def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

def timed(cmd, env, stdin=None, runs=1):
    """Median wall time, all wall times, and median CPU time (user + system) of the child."""
    times, cpus = [], []
    for _ in range(runs):
        cpu = cpu_of_children()
        start = time.perf_counter()
        subprocess.run(cmd, env=env, input=stdin, stdout=subprocess.DEVNULL, check=True, text=True)
        times.append(time.perf_counter() - start)
        cpus.append(cpu_of_children() - cpu)
    timed.cpu = statistics.median(cpus)
    return statistics.median(times), times

def sql_literal(value):
    return str(value) if isinstance(value, (int, float)) else "'" + str(value).replace("'", "''") + "'"

def bind(sql, args):
    out, i = [], 0
    for ch in sql:
        if ch == "?":
            out.append(sql_literal(args[i])); i += 1
        else:
            out.append(ch)
    assert i == len(args), (sql, args)
    return "".join(out)

WINDOW_PEER = """
SELECT traineeId, scenarioId, COUNT(*), COUNT(pauseDuration), SUM(verdict = 'on-target')
FROM take WHERE state != 'recording' GROUP BY traineeId, scenarioId;
WITH ranked AS (
  SELECT traineeId, scenarioId, pauseDuration AS p,
         ROW_NUMBER() OVER (PARTITION BY traineeId, scenarioId ORDER BY pauseDuration) - 1 AS i,
         COUNT(*) OVER (PARTITION BY traineeId, scenarioId) AS m
  FROM take WHERE state != 'recording' AND pauseDuration IS NOT NULL)
SELECT traineeId, scenarioId,
  MAX(CASE WHEN i = CAST(0.1 * (m - 1) AS INTEGER) THEN p END),
  MAX(CASE WHEN i = CAST(0.5 * (m - 1) AS INTEGER) THEN p END),
  MAX(CASE WHEN i = CAST(0.9 * (m - 1) AS INTEGER) THEN p END)
FROM ranked GROUP BY traineeId, scenarioId;
SELECT traineeId, scenarioId, date(createdAt, 'weekday 0', '-6 days') AS week, COUNT(*), AVG(pauseDuration)
FROM take WHERE state != 'recording' GROUP BY 1, 2, 3;
"""

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stilte", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--takes", type=int, default=100_000)
    ap.add_argument("--trainees", type=int, default=20)
    ap.add_argument("--scenarios", type=int, default=10)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--reuse-log", action="store_true", help="keep the log a previous run generated")
    a = ap.parse_args()

    home = os.path.abspath(os.path.join(a.out, "home"))
    env = dict(os.environ, STILTE_HOME=home)
    db = os.path.join(home, "stilte.sqlite")
    if not (a.reuse_log and os.path.exists(db)):
        shutil.rmtree(home, ignore_errors=True)
        gen, _ = timed([a.stilte, "generate-log", "--takes", str(a.takes), "--trainees", str(a.trainees),
                        "--scenarios", str(a.scenarios)], env)
        print(f"generate {a.takes} takes (one transaction): {gen:.2f} s wall, {timed.cpu:.2f} s cpu; file {os.path.getsize(db) / 1e6:.1f} MB")
    else:
        print(f"reusing {db} ({os.path.getsize(db) / 1e6:.1f} MB)")

    plans = json.loads(subprocess.run([a.stilte, "progress", "--query-plan"], env=env, check=True,
                                      capture_output=True, text=True).stdout)
    counts_sql, rank_sql, weeks_sql, points_sql = (p["sql"] for p in plans)
    print("\nEXPLAIN QUERY PLAN (stilte progress):")
    for p in plans:
        print("  " + p["sql"].strip().splitlines()[0][:70] + " ...")
        for line in p["plan"].splitlines():
            print("      " + line)

    # The same statements for the sqlite3 CLI, with the per-group arguments bound.
    groups = subprocess.run(["sqlite3", "-separator", "\t", db, counts_sql + ";"], check=True,
                            capture_output=True, text=True).stdout.split("\n")
    statements = [counts_sql + ";", weeks_sql + ";"]
    for line in filter(None, groups):
        trainee, scenario, n, measured, on_target = line.split("\t")
        trainee, measured = int(trainee), int(measured)
        for q in (0.1, 0.5, 0.9):
            statements.append(bind(rank_sql, [trainee, scenario, int(q * (measured - 1))]) + ";")
        statements.append(bind(points_sql.replace("LIMIT 12", "LIMIT 12"), [trainee, scenario]) + ";")
        statements.append(bind(points_sql.replace("DESC", "ASC").replace("LIMIT 12", "LIMIT 1"), [trainee, scenario]) + ";")
    same_sql = "\n".join(statements)

    for cmd in ([a.stilte, "progress"], ["sqlite3", db]):
        subprocess.run(cmd, env=env, input=same_sql if cmd[0] == "sqlite3" else None,
                       stdout=subprocess.DEVNULL, check=True, text=True)  # warm the page cache

    rows = [
        ("stilte progress", [a.stilte, "progress"], None),
        ("stilte progress --json", [a.stilte, "progress", "--json"], None),
        ("sqlite3-same-sql", ["sqlite3", db], same_sql),
        ("sqlite3-window", ["sqlite3", db], WINDOW_PEER),
    ]
    results, cpu = {}, {}
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    print(f"\nmedian of {a.runs} runs including process start ({a.trainees * a.scenarios} trainee x scenario groups; load average {load}):")
    print(f"  {'':24s} {'wall':>9s}   {'cpu (user+sys)':>14s}")
    for name, cmd, stdin in rows:
        median, times = timed(cmd, env, stdin, a.runs)
        results[name], cpu[name] = median, timed.cpu
        print(f"  {name:24s} {median * 1000:6.1f} ms   {timed.cpu * 1000:11.1f} ms   (wall min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")
    for peer in ("sqlite3-same-sql", "sqlite3-window"):
        print(f"\nstilte progress / {peer}: wall {results['stilte progress'] / results[peer]:.2f}, cpu {cpu['stilte progress'] / cpu[peer]:.2f}", end="")
    print(f"\ntarget < 0.5 s wall: {'met' if results['stilte progress'] < 0.5 else 'NOT met'}")

if __name__ == "__main__":
    main()
