"""Batch evaluation of every commune: C++ kernel, parindex.evaluate_many from pandas, and numpy.

Runs build/bench/parindex_bench_kernel (C++: the per-unit path, the kernel, ranking), which also
writes its synthetic framework and inputs; then, in this process, times

- parindex.evaluate_many on the wide DataFrame (one row per unit, one column per criterion),
- parindex.evaluate_many on the long DataFrame (one row per unit and criterion),
- a hand-written pandas/numpy evaluation of the same rules (what an analyst would write),

checks that all give identical totals, and prints a Markdown report, also written to
bench/results-kernel.md. Usage: .venv/bin/python bench/bench_evaluate_many.py [--units 3321]
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

import parindex

ROOT = pathlib.Path(__file__).resolve().parents[1]


def median_ms(f, repeat=20):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def round_half_up(x, decimals):
    """Decimal rounding as the tables do it: remove binary noise first, then round half up."""
    scale = 10.0 ** decimals
    return np.floor(np.round(x * scale, 6) + 0.5) / scale


def numpy_totals(framework: dict, wide: pd.DataFrame) -> np.ndarray:
    """The same framework evaluated with numpy, rule by rule, as an analyst would write it."""
    points = {}
    for c in framework["criteria"]:
        rule = c.get("rule")
        if rule is None:
            continue
        v = wide[c["code"]].to_numpy(dtype=float)
        m = c["max"]
        kind = rule["kind"]
        if kind == "bands":
            p = np.select([v < 80, v < 90], [0.0, 0.5], 1.0)
        elif kind == "linear":
            p = m * np.clip((v - rule["lower"]) / (rule["upper"] - rule["lower"]), 0, 1)
        elif kind == "yes_no":
            p = np.where(v != 0, m, 0.0)
        elif kind == "proportional":
            p = np.minimum(m, m * v / rule["target"])
        elif kind == "survey_index":
            p = m * v / 100
        else:  # manual
            p = v
        points[c["code"]] = round_half_up(p, 2)
    leaves = pd.DataFrame(points)
    fields = leaves.T.groupby(lambda code: code.split(".")[0]).sum().T
    return round_half_up(fields.sum(axis=1).to_numpy(), 2)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=3321)
    args = parser.parse_args()
    exe = ROOT / "build/bench/parindex_bench_kernel"
    with tempfile.TemporaryDirectory() as tmp:
        cpp = subprocess.run([str(exe), "--units", str(args.units), "--write", tmp], check=True, capture_output=True,
                             text=True).stdout
        fw = parindex.Framework.load(str(pathlib.Path(tmp) / "framework.json"))
        fw_doc = json.loads((pathlib.Path(tmp) / "framework.json").read_text(encoding="utf-8"))
        wide = pd.read_csv(pathlib.Path(tmp) / "inputs.csv", dtype={"unit": str})
    # Yes/no criteria are True/False in a frame, as an analyst's data would have them.
    for c in fw_doc["criteria"]:
        if c.get("rule", {}).get("kind") == "yes_no":
            wide[c["code"]] = wide[c["code"]].astype(bool)
    long = wide.melt(id_vars="unit", var_name="code", value_name="value")

    results = {}
    t_wide = median_ms(lambda: results.__setitem__("wide", parindex.evaluate_many(fw, wide)))
    t_long = median_ms(lambda: results.__setitem__("long", parindex.evaluate_many(fw, long)), repeat=5)
    t_numpy = median_ms(lambda: results.__setitem__("numpy", numpy_totals(fw_doc, wide)), repeat=5)
    t_rank = median_ms(lambda: results["wide"].rank(), repeat=20)

    totals_wide = results["wide"].totals_arrays()["total"]
    totals_long = results["long"].totals_arrays()["total"]
    if not (np.array_equal(totals_wide, totals_long) and np.array_equal(totals_wide, results["numpy"])):
        print("bench_evaluate_many: totals differ between paths", file=sys.stderr)
        return 1

    kernel_ms = float(next(line for line in cpp.splitlines() if "kernel on the table" in line).split("|")[2])
    table_ms = float(next(line for line in cpp.splitlines() if "evaluate_many(table)" in line).split("|")[2])
    lines = [f"# Batch evaluation benchmark", "",
             f"Measured {time.strftime('%Y-%m-%d')} on this machine ({os.cpu_count()} cores), one process at a time. "
             "C++ (bench/bench_kernel.cpp):", "", cpp.strip(), "",
             f"| Python, {args.units} units × {len(wide.columns) - 1} leaves | median ms | ÷ C++ evaluate_many(table) | ÷ C++ kernel | numpy ÷ this |",
             "|---|---:|---:|---:|---:|"]
    for label, ms in (("parindex.evaluate_many(wide DataFrame)", t_wide), ("parindex.evaluate_many(long DataFrame)", t_long),
                      ("pandas/numpy by hand (same rules, same rounding, no checks)", t_numpy)):
        lines.append(f"| {label} | {ms:.2f} | {ms / table_ms:.2f}× | {ms / kernel_ms:.2f}× | {t_numpy / ms:.2f} |")
    lines.append(f"| batch.rank() with names | {t_rank:.2f} | | | |")
    lines += ["", "Identical totals from the wide frame, the long frame, numpy and (in the C++ run) the per-unit path."]
    report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "bench/results-kernel.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
