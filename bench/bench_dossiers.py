"""Benchmark: per-unit dossier metrics with parindex against DuckDB, pandas/numpy and polars.

    python bench/bench_dossiers.py [--rows 1000000 10000000] [--parindex build/parindex] [--repeat 3]

For each size it generates a log (bench/out/, reused when present) and a typed Parquet copy
of it (timestamps and integers, written by DuckDB; a value that does not parse becomes null,
which parindex rejects as it rejects the text), runs each tool one after another in a fresh
process, checks that all give identical per-unit counts and row counts, and reports rows per
second, peak memory (max RSS) and the ratios. Results go to stdout and bench/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

import parindex

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
AS_OF = "2023-07-31"
ORDER = ["total", "early", "on_time", "late", "pending", "pending_overdue", "fully_online", "paid_online",
         "digitised", "apologised"]


def run(cmd: list[str]) -> tuple[float, float]:
    """Runs a command; returns wall seconds and its peak resident memory in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss / 1024.0


def holidays_file() -> pathlib.Path:
    cal = parindex.vietnam_calendar(2022, 2023)
    worked = cal.working_days(2022) + cal.working_days(2023)
    assert not worked, "numpy and polars cannot express weekend days worked; pick years without them"
    days = [d.date.isoformat() for y in (2022, 2023) for d in cal.days_off(y) if d.date.weekday() < 5]
    path = HERE / "out" / "holidays-2022-2023.json"
    path.write_text(json.dumps(days))
    return path


def parindex_result(json_path: pathlib.Path) -> dict:
    doc = json.loads(json_path.read_text())
    units = {g["key"][0]: [g[k] for k in ORDER] for g in doc["groups"]}
    return {"rows_read": doc["rows"]["read"], "rows_used": doc["rows"]["used"], "units": units}


def parquet_copy(log: pathlib.Path) -> pathlib.Path:
    """The log's typed Parquet copy (bench/to_parquet.py), written in its own process so the
    harness stays small: a child's peak memory counts the parent's at the fork."""
    out = log.with_suffix(".parquet")
    if not out.exists():
        subprocess.run([sys.executable, str(HERE / "to_parquet.py"), str(log), str(out)], check=True)
    return out


TOOLS = ("parindex", "parindex-1-thread", "parindex-parquet", "duckdb", "pandas", "polars")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    p.add_argument("--parindex", default=str(ROOT / "build" / "parindex"))
    p.add_argument("--repeat", type=int, default=3, help="runs of each tool; the median time is reported")
    p.add_argument("--settle", type=float, default=5.0,
                   help="seconds to wait before each run: after a tool frees gigabytes, the kernel's "
                        "background work takes a core for a few seconds")
    a = p.parse_args()
    (HERE / "out").mkdir(exist_ok=True)
    hol = holidays_file()
    lines = ["| rows | tool | seconds | rows/s | peak MB | parindex speed-up | parindex memory ratio |",
             "|---:|---|---:|---:|---:|---:|---:|"]
    for rows in a.rows:
        log = HERE / "out" / f"dossiers-{rows}.csv"
        if not log.exists():
            subprocess.run([sys.executable, str(HERE / "generate_dossiers.py"), str(log), str(rows)], check=True)
        parquet = parquet_copy(log)
        outs = {name: HERE / "out" / f"{name}-{rows}.json" for name in TOOLS}
        # parindex writes its document to stdout; the shell redirect keeps the timing honest.
        commands = {
            "parindex": ["sh", "-c", f'"{a.parindex}" dossiers "{log}" --as-of {AS_OF} --format json '
                                     f'--threads 2 > "{outs["parindex"]}"'],
            "parindex-1-thread": ["sh", "-c", f'"{a.parindex}" dossiers "{log}" --as-of {AS_OF} --format json '
                                              f'--threads 1 > "{outs["parindex-1-thread"]}"'],
            "parindex-parquet": [sys.executable, str(HERE / "parindex_parquet.py"), str(parquet), AS_OF,
                                 str(outs["parindex-parquet"])],
        }
        for name in ("duckdb", "pandas", "polars"):
            commands[name] = [sys.executable, str(HERE / f"baseline_{name}.py"), str(log), AS_OF, str(hol), str(outs[name])]
        # Every tool is run `repeat` times, in turns, so a busy moment of the machine falls on
        # one run of one tool and not on all of one tool's runs; the median is reported.
        runs = {name: [] for name in TOOLS}
        for _ in range(a.repeat):
            for name in TOOLS:
                time.sleep(a.settle)
                runs[name].append(run(commands[name]))
        timing = {name: (statistics.median(t for t, _ in runs[name]), max(m for _, m in runs[name])) for name in TOOLS}
        results = {name: json.loads(outs[name].read_text()) for name in TOOLS[2:]}
        results["parindex"] = parindex_result(outs["parindex"])
        results["parindex-1-thread"] = parindex_result(outs["parindex-1-thread"])
        for other in TOOLS[1:]:
            if results[other] != results["parindex"]:
                diff = [u for u in results["parindex"]["units"] if results["parindex"]["units"][u] != results[other]["units"].get(u)]
                sys.exit(f"{other} disagrees with parindex at {rows} rows: rows "
                         f"{results[other]['rows_read']}/{results[other]['rows_used']} vs "
                         f"{results['parindex']['rows_read']}/{results['parindex']['rows_used']}; units {diff[:5]}")
        base_t, base_m = timing["parindex"]
        for name in TOOLS:
            t, m = timing[name]
            lines.append(f"| {rows:,} | {name} | {t:.2f} | {rows / t:,.0f} | {m:,.0f} | "
                         f"{'' if name == 'parindex' else f'{t / base_t:.1f}×'} | "
                         f"{'' if name == 'parindex' else f'{m / base_m:.1f}×'} |")
        print("\n".join(lines[-len(TOOLS):]), flush=True)
    report = ["# Dossier metrics benchmark", "",
              f"Measured {dt.date.today().isoformat()} on {os.cpu_count()} cores, one tool at a time on the same file, "
              f"each tool {a.repeat} times in turns, {a.settle:g} s apart (median time, highest peak memory); "
              "all gave identical per-unit counts and row counts. parindex reads the CSV with the command line "
              "(2 threads, and 1 for comparison) and the Parquet copy from Python (`parindex.read_dossiers`: pyarrow's dataset reader, then "
              "parindex's Arrow reader).", ""] + lines
    (HERE / "results.md").write_text("\n".join(report) + "\n")
    print("\n".join(report))


if __name__ == "__main__":
    main()
