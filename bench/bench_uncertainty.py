"""Rank uncertainty: parindex's Monte Carlo beside a vectorised numpy one, on identical draws.

The case of the issue: 100 units × 60 indicators in 4 levels (3 fields → 6 criteria → 12
sub-criteria → 60 leaves, added up, each leaf rounded to two decimals as PAR INDEX tables are),
every indicator of every unit uncertain (normal, standard deviation 5% of its maximum: an
appraisal or sampling error), N = 1,000 draws. Times, median of several runs:

- parindex.uncertainty with 1 and with 2 threads (the draws generated inside);
- numpy, as an analyst would vectorise it: all draws at once, level-by-level sums, ranks with
  ties by broadcasting comparison, the rank-frequency matrix by bincount; timed with its own
  random numbers (numpy's Generator), and checked on parindex's draws (uncertainty_draws):
  the two rank-frequency matrices must be identical;
- parindex.improve on Bắc Sơn among the 11 Lạng Sơn units (target rank 1).

Writes a Markdown report to bench/results-uncertainty.md.
Usage: .venv/bin/python bench/bench_uncertainty.py [--draws 1000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import time

# numpy's BLAS threads would spin beside parindex's (the baseline needs no BLAS).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

import parindex  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
UNITS, LEAVES, SHARE, RANGE = 100, 60, 0.05, 0.25
SHAPE = (3, 2, 2, 5)  # fields, criteria per field, sub-criteria per criterion, leaves per sub-criterion


def median_s(f, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def synthetic(rng):
    """A 4-level framework of 60 leaves worth 100 points, and 100 units' appraised scores."""
    maxima = rng.choice([1.0, 1.5, 2.0, 2.5], size=LEAVES)
    maxima *= 100 / maxima.sum()
    maxima = np.round(maxima, 2)
    maxima[-1] = round(100 - maxima[:-1].sum(), 2)
    criteria, leaf_codes, k = [], [], 0

    def node(code, title, max_points, rule=None):
        c = {"code": code, "title": title, "max": round(float(max_points), 2)}
        if rule:
            c["rule"] = {"kind": rule}
        criteria.append(c)

    per_field = LEAVES // SHAPE[0]
    for f in range(SHAPE[0]):
        node(f"{f + 1}", f"Field {f + 1}", maxima[f * per_field:(f + 1) * per_field].sum())
        for c in range(SHAPE[1]):
            first = (f * SHAPE[1] + c) * SHAPE[2] * SHAPE[3]
            node(f"{f + 1}.{c + 1}", "Criterion", maxima[first:first + SHAPE[2] * SHAPE[3]].sum())
            for s in range(SHAPE[2]):
                node(f"{f + 1}.{c + 1}.{s + 1}", "Sub-criterion", maxima[first + s * SHAPE[3]:first + (s + 1) * SHAPE[3]].sum())
                for l in range(SHAPE[3]):
                    code = f"{f + 1}.{c + 1}.{s + 1}.{l + 1}"
                    node(code, "Indicator", maxima[k], "manual")
                    leaf_codes.append(code)
                    k += 1
    framework = parindex.Framework.from_dict({
        "schema": "parindex.framework/2", "id": "bench-4-levels", "name": "Synthetic", "index": "custom",
        "period": {"from": 2024, "to": 2024}, "legal_source": "synthetic", "aggregation": "sum",
        "rounding": {"mode": "round_leaves", "decimals": 2}, "criteria": criteria})
    scores = np.round(maxima * rng.uniform(0.5, 1.0, size=(UNITS, LEAVES)), 2)
    assessments = [parindex.Assessment.from_dict({
        "schema": "parindex.assessment/1", "framework": "bench-4-levels", "year": 2024,
        "unit": {"code": f"u{u:03d}", "name": f"Unit {u}", "level": "district"},
        "criteria": {code: {"appraised_score": float(scores[u, j])} for j, code in enumerate(leaf_codes)}})
        for u in range(UNITS)]
    return framework, assessments, leaf_codes, maxima, scores


def numpy_rank_frequency(base, maxima, drawn_points):
    """The analyst's Monte Carlo on given drawn points (draws × units × leaves, clipped)."""
    n_draws = drawn_points.shape[0]
    p = np.floor(drawn_points * 100 + 0.5) / 100                        # leaves rounded half up
    level = p.reshape(n_draws, UNITS, SHAPE[0] * SHAPE[1] * SHAPE[2], SHAPE[3]).sum(axis=3)
    level = level.reshape(n_draws, UNITS, SHAPE[0] * SHAPE[1], SHAPE[2]).sum(axis=3)
    level = level.reshape(n_draws, UNITS, SHAPE[0], SHAPE[1]).sum(axis=3)
    total = np.floor(level.sum(axis=2) * 100 + 0.5) / 100
    index = np.floor(np.round(total / maxima.sum() * 100 * 100, 6) + 0.5) / 100
    ranks = (index[:, None, :] > index[:, :, None]).sum(axis=2) + 1      # ties share the better rank
    cells = np.arange(UNITS) * UNITS + (ranks - 1)
    return np.bincount(cells.ravel(), minlength=UNITS * UNITS).reshape(UNITS, UNITS)


def numpy_monte_carlo(base, maxima, draws, rng, normal, uniform):
    """Every draw at once; only the uncertain columns get random numbers."""
    p = np.repeat(base[None, :, :], draws, axis=0)
    p[:, :, normal] += rng.standard_normal((draws, UNITS, len(normal))) * (SHARE * maxima[normal])
    p[:, :, uniform] += rng.uniform(-RANGE, RANGE, (draws, UNITS, len(uniform)))
    return numpy_rank_frequency(base, maxima, np.clip(p, 0, maxima))


def compare(framework, batch, scores, maxima, leaf_codes, normal, uniform, draws, repeat):
    """Times both implementations on one case, after checking them equal on identical draws."""
    factors = [{"code": leaf_codes[j], "kind": "normal", "spread": SHARE * float(maxima[j])} for j in normal]
    factors += [{"code": leaf_codes[j], "kind": "uniform", "spread": RANGE} for j in uniform]
    kwargs = dict(factors=factors, draws=draws, seed=11)
    unit_index, codes, points = parindex.uncertainty_draws(framework, batch, **kwargs)
    order = {c: j for j, c in enumerate(leaf_codes)}
    drawn = np.repeat(scores[None, :, :], draws, axis=0)
    drawn[:, np.array(unit_index), np.array([order[c] for c in codes])] = points
    identical = bool(np.array_equal(parindex.uncertainty(framework, batch, threads=1, **kwargs).rank_frequency,
                                    numpy_rank_frequency(scores, maxima, drawn)))
    assert identical, "rank-frequency matrices differ"
    return {
        "one": median_s(lambda: parindex.uncertainty(framework, batch, threads=1, **kwargs), repeat),
        "two": median_s(lambda: parindex.uncertainty(framework, batch, threads=2, **kwargs), repeat),
        "numpy": median_s(lambda: numpy_monte_carlo(scores, maxima, draws, np.random.default_rng(5), normal, uniform),
                          repeat),
        "numpy_given": median_s(lambda: numpy_rank_frequency(scores, maxima, drawn), repeat),
        "identical": identical,
    }


def rows(name, t):
    return [
        f"| {name} | parindex, 1 thread | {t['one'] * 1000:.1f} ms | 1.0× |",
        f"| | parindex, 2 threads | {t['two'] * 1000:.1f} ms | {t['one'] / t['two']:.2f}× (speed-up) |",
        f"| | numpy, vectorised, its own random numbers | {t['numpy'] * 1000:.1f} ms | {t['numpy'] / t['one']:.1f}× "
        f"(2 threads: {t['numpy'] / t['two']:.1f}×) |",
        f"| | numpy on parindex's draws (no random numbers) | {t['numpy_given'] * 1000:.1f} ms | "
        f"{t['numpy_given'] / t['one']:.1f}× |",
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(2024)
    framework, assessments, leaf_codes, maxima, scores = synthetic(rng)
    batch = parindex.evaluate_many(framework, assessments)
    every = compare(framework, batch, scores, maxima, leaf_codes, list(range(LEAVES)), [], args.draws, args.repeat)
    # The domain's usual case: 6 survey indicators with sampling error, 12 appraised within ± 0.25.
    survey, appraised = list(range(0, LEAVES, 10)), [j for j in range(LEAVES) if j % 10 in (3, 7)]
    usual = compare(framework, batch, scores, maxima, leaf_codes, survey, appraised, args.draws, args.repeat)

    fw = parindex.Framework.load(ROOT / "data/frameworks/langson-district-2023.json")
    units = [parindex.Assessment.load(p) for p in sorted((ROOT / "examples/langson-2023").glob("*.json"))]
    improve = median_s(lambda: parindex.improve(fw, units, "bac-son", "rank=1", groups="national"), 20)

    cpu = os.cpu_count()
    lines = [
        "# Rank uncertainty and the least-effort search",
        "",
        f"`bench/bench_uncertainty.py`, this machine ({cpu} cores). {UNITS} units × {LEAVES} indicators in 4 levels",
        "(3 fields → 6 criteria → 12 sub-criteria → 60 leaves, added up, leaves rounded to two decimals),",
        f"N = {args.draws} draws, median of {args.repeat} runs. In both cases the rank-frequency matrices of parindex and",
        f"numpy are identical on the same draws: **{every['identical'] and usual['identical']}**.",
        "",
        "- *Every indicator uncertain*: all 60 indicators of all 100 units, normal with a standard",
        f"  deviation of {SHARE:.0%} of the indicator's maximum (6 million random numbers).",
        f"- *Survey and appraisal*: 6 survey indicators (normal, {SHARE:.0%} of their maximum) and 12",
        f"  appraised ones (uniform within ± {RANGE} points) uncertain, the rest as assessed.",
        "",
        "| Case | Implementation | Time | parindex (1 thread) faster by |",
        "|---|---|---:|---:|",
        *rows("Every indicator uncertain", every),
        *rows("Survey and appraisal", usual),
        "",
        f"Least-effort plan, Bắc Sơn among the 11 Lạng Sơn units, target rank 1 (`parindex.improve`): "
        f"{improve * 1000:.1f} ms.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    (ROOT / "bench/results-uncertainty.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
