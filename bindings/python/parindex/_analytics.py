"""Decision analytics: what-if scenarios, the least-effort improvement plan, rank uncertainty.

The frames use the column names of ``parindex whatif``, ``improve`` and ``uncertainty
--format csv``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence, Union

from . import _core
from ._frames import _pandas
from .errors import ArgumentError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

WHATIF_COLUMNS = ["scenario", "unit", "name", "base_total", "total", "total_change", "base_index_percent",
                  "index_percent", "base_rank", "rank", "rank_change", "of", "base_group", "group"]
STEP_COLUMNS = ["code", "criterion", "rule", "current_input", "required_input", "points", "new_points", "gain",
                "cost", "lead_agency"]
UNCERTAINTY_COLUMNS = ["unit", "name", "nominal_rank", "median_rank", "rank_p5", "rank_p95", "mean_rank"]
EFFORT_KEYS = ("code", "cost_per_point", "cost_per_step", "max_input", "max_points", "out_of_reach")


def _units(value: Any) -> list:
    if value is None or value == "*":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _change(change: Any, where: str) -> tuple:
    """(kind, units, code, value) from a dict or a (units, code, input) tuple."""
    if isinstance(change, Mapping):
        units = _units(change.get("units", change.get("unit")))
        code = str(change.get("code", ""))
        kinds = [k for k in ("input", "appraised", "not_applicable") if k in change]
        if len(kinds) != 1:
            raise ArgumentError(f"{where}: give exactly one of input, appraised or not_applicable")
        kind = kinds[0]
        if kind == "not_applicable" and not change[kind]:
            raise ArgumentError(f"{where}: not_applicable must be True when given")
        return (kind, units, code, change[kind])
    if isinstance(change, (tuple, list)) and len(change) == 3:
        units, code, value = change
        return ("input", _units(units), str(code), value)
    raise ArgumentError(f"{where}: a change is a dict (units, code and input, appraised or not_applicable) "
                        f"or a (units, code, input) tuple, got {change!r}")


def _scenarios(scenarios: Any) -> list:
    if hasattr(scenarios, "to_dict") and hasattr(scenarios, "columns"):  # a DataFrame, one change a row
        named: dict = {}
        for i, row in enumerate(scenarios.to_dict("records")):
            change = {k: v for k, v in row.items() if k != "scenario" and not _missing(v)}
            named.setdefault(str(row.get("scenario", "scenario")), []).append(change)
        scenarios = named
    if not isinstance(scenarios, Mapping):
        raise ArgumentError("what_if: scenarios are a dict of name → changes, or a DataFrame with a scenario column")
    return [(str(name), [_change(c, f"scenario {name}, change #{i + 1}") for i, c in enumerate(changes)])
            for name, changes in scenarios.items()]


def _missing(v: Any) -> bool:
    try:
        return v is None or v != v  # NaN
    except (TypeError, ValueError):  # pragma: no cover - arrays and the like
        return False


def what_if(framework: _core.Framework, assessments: Sequence[_core.Assessment], scenarios: Any, *,
            groups: Any = None, tie_decimals: Optional[int] = None) -> "pd.DataFrame":
    """Evaluates scenarios side by side: each unit's total, index %, rank and group, before and after.

    ``scenarios`` maps a name to a list of changes, each a dict with ``units`` (a code, a list,
    ``"*"`` or None for every unit), ``code`` and one of ``input`` (the rule's input: the rule
    then decides, setting aside any appraised score), ``appraised`` (points) or
    ``not_applicable=True``; or a ``(units, code, input)`` tuple. A DataFrame with columns
    ``scenario, units, code, input, appraised, not_applicable`` (one change a row) works too::

        parindex.what_if(fw, units, {"communes at 95%": [("bac-son", "3.5.3", 95)]}, groups="national")
    """
    rows = _core._what_if(framework, list(assessments), _scenarios(scenarios), groups, tie_decimals)
    frame_rows = []
    for (name, unit, unit_name, base_total, total, base_index, index, base_rank, rank, of, base_group, group) in rows:
        frame_rows.append({
            "scenario": name, "unit": unit, "name": unit_name, "base_total": base_total, "total": total,
            "total_change": round(total - base_total, 9), "base_index_percent": base_index, "index_percent": index,
            "base_rank": base_rank, "rank": rank, "rank_change": base_rank - rank, "of": of,
            "base_group": base_group, "group": group,
        })
    return _pandas().DataFrame(frame_rows, columns=WHATIF_COLUMNS)


def _target(target: Any) -> str:
    if isinstance(target, str):
        return target
    if isinstance(target, bool):
        raise ArgumentError(f"improve: cannot read target {target!r}")
    if isinstance(target, int) or type(target).__name__.startswith("int"):
        return f"rank={int(target)}"
    if isinstance(target, Mapping) and len(target) == 1:
        (key, value), = target.items()
        key = {"index_percent": "index", "pass_unit": "pass"}.get(key, key)
        return f"{key}={value}"
    raise ArgumentError(f"improve: a target is 'rank=1', 'group=A', 'index=90', 'pass=UNIT', a rank, "
                        f"or a one-key dict such as {{'group': 'A'}}; got {target!r}")


def _efforts(efforts: Any) -> list:
    if efforts is None:
        return []
    if isinstance(efforts, (str, os.PathLike)):
        return _core._read_efforts(os.fspath(efforts))
    if hasattr(efforts, "to_dict") and hasattr(efforts, "columns"):
        efforts = efforts.to_dict("records")
    elif isinstance(efforts, Mapping):
        efforts = [{"code": code, **dict(spec)} for code, spec in efforts.items()]
    out = []
    for i, e in enumerate(efforts):
        unknown = set(e) - set(EFFORT_KEYS)
        if unknown:
            raise ArgumentError(f"efforts[{i}]: unknown {sorted(unknown)}; expected {', '.join(EFFORT_KEYS)}")
        out.append({k: (None if _missing(v) else v) for k, v in e.items()
                    if not (_missing(v) and k in ("cost_per_point", "cost_per_step", "out_of_reach"))})
    return out


def improve(framework: _core.Framework, assessments: Sequence[_core.Assessment], unit: str, target: Any, *,
            efforts: Any = None, cost_per_point: float = 1.0, cost_per_step: float = 0.0, survey: bool = False,
            groups: Any = None, tie_decimals: Optional[int] = None,
            others_index_percent: Optional[Mapping[str, float]] = None) -> _core.ImprovementPlan:
    """The cheapest criterion improvements that take ``unit`` to ``target``, the others held fixed.

    ``target``: ``"rank=1"`` (or just ``1``), ``"group=A"``, ``"index=90"`` or ``"pass=huu-lung"``.
    ``efforts`` says what each criterion costs: a CSV path, a DataFrame or a list of dicts with
    ``code, cost_per_point, cost_per_step, max_input, max_points, out_of_reach`` (a parent's code
    covers its sub-criteria); criteria not listed cost ``cost_per_point`` per point gained and
    ``cost_per_step`` per band, level or action. Survey criteria are out of reach unless
    ``survey=True``. ``others_index_percent`` holds some units at another index % (say, a
    quantile from :func:`uncertainty`). The search is exact; ``plan.to_frame()`` lists the steps.
    """
    others = {str(k): float(v) for k, v in (others_index_percent or {}).items()}
    return _core._improve(framework, list(assessments), str(unit), _target(target), _efforts(efforts),
                          float(cost_per_point), float(cost_per_step), bool(survey), groups, tie_decimals, others)


def steps_frame(plan: _core.ImprovementPlan) -> "pd.DataFrame":
    """One row per step, in the columns of `parindex improve --format csv`."""
    rows = [{"code": s.code, "criterion": s.title, "rule": s.rule, "current_input": s.current_input,
             "required_input": s.required_input, "points": s.points, "new_points": s.new_points,
             "gain": round(s.gain, 9), "cost": round(s.cost, 9), "lead_agency": s.lead_agency} for s in plan.steps]
    return _pandas().DataFrame(rows, columns=STEP_COLUMNS)


def plan_repr(plan: _core.ImprovementPlan) -> str:
    state = "unreachable" if not plan.reachable else f"{len(plan.steps)} steps, cost {plan.cost:g}"
    return (f"<ImprovementPlan {plan.unit} {plan.target}: {state}; rank {plan.current_rank} → {plan.rank} of "
            f"{plan.of}, {plan.current_total:.2f} → {plan.total:.2f} of {plan.max_points:.2f}>")


def _factor(f: Any, i: int) -> tuple:
    if not isinstance(f, Mapping):
        raise ArgumentError(f"factors[{i}]: a factor is a dict with code, kind and spread (or low and high)")
    unknown = set(f) - {"code", "kind", "units", "spread", "low", "high", "name"}
    if unknown:
        raise ArgumentError(f"factors[{i}]: unknown {sorted(unknown)}")
    return (str(f.get("kind", "normal")), str(f.get("code", "")), _units(f.get("units")),
            float(f.get("spread", 0.0)), float(f.get("low", 0.0)), float(f.get("high", 0.0)), str(f.get("name", "")))


def _uncertainty_args(framework, inputs, survey_error, appraisal_range, factors, draws, seed):
    if not isinstance(inputs, _core.Batch):
        inputs = list(inputs)
    if isinstance(draws, bool) or int(draws) != draws or draws < 1:
        raise ArgumentError(f"uncertainty: draws must be a whole number of at least 1, got {draws!r}")
    if isinstance(seed, bool) or int(seed) != seed or seed < 0:
        raise ArgumentError(f"uncertainty: seed must be a whole number of at least 0, got {seed!r}")
    return (framework, inputs, [_factor(f, i) for i, f in enumerate(factors or [])],
            None if survey_error is None else float(survey_error),
            None if appraisal_range is None else float(appraisal_range), int(draws), int(seed))


def uncertainty(framework: _core.Framework, inputs: Any, *, survey_error: Optional[float] = None,
                appraisal_range: Optional[float] = None, factors: Optional[Iterable[Mapping]] = None,
                draws: int = 1000, seed: int = 1, threads: Optional[int] = None, groups: Any = None,
                tie_decimals: Optional[int] = None, versus: Union[str, Sequence[str], None] = None,
                sensitivity: bool = False) -> _core.UncertaintyResult:
    """How sure each rank is: a Monte Carlo over the uncertain points.

    ``inputs``: assessments or a :class:`Batch`. What is uncertain: ``survey_error`` (the
    standard error of every survey criterion's index, in percentage points), ``appraisal_range``
    (every appraised score within ± that many points), and ``factors``, dicts with ``code``,
    ``kind`` (``"normal"``: ``spread`` is a standard deviation in points; ``"uniform"``: ±
    ``spread``; ``"range"``: anywhere in [``low``, ``high``], for missing data; ``"weight"``: the node's weight
    × U(1 − ``spread``, 1 + ``spread``), siblings rescaled, in weighted frameworks), optional
    ``units`` and ``name``. The same ``seed`` gives the same result whatever ``threads``
    (default: every core). ``result.to_frame()`` gives each unit's median rank, 5–95% interval,
    group chances and chance of ranking above each ``versus`` unit; ``rank_frequency_frame()``
    the rank-frequency matrix; ``sensitivity_frame()`` (with ``sensitivity=True``) the
    first-order and total variance-based indices of each factor.
    """
    args = _uncertainty_args(framework, inputs, survey_error, appraisal_range, factors, draws, seed)
    if threads is None:
        threads = 0
    if isinstance(threads, bool) or int(threads) != threads or not 0 <= threads <= 256:
        raise ArgumentError(f"uncertainty: threads must be from 0 (every core) to 256, got {threads!r}")
    versus = [versus] if isinstance(versus, str) else list(versus or [])
    return _core._uncertainty(*args, int(threads), groups, tie_decimals, versus, bool(sensitivity))


def uncertainty_draws(framework: _core.Framework, inputs: Any, *, survey_error: Optional[float] = None,
                      appraisal_range: Optional[float] = None, factors: Optional[Iterable[Mapping]] = None,
                      draws: int = 1000, seed: int = 1):
    """The points :func:`uncertainty` draws, as ``(unit_index, codes, points)``: ``points`` is a
    draws × cells array, cell k being unit ``unit_index[k]``'s criterion ``codes[k]`` (before
    the framework's rounding). For checking another implementation on the very same draws."""
    return _core._uncertainty_draws(*_uncertainty_args(framework, inputs, survey_error, appraisal_range, factors,
                                                       draws, seed))


def uncertainty_frame(r: _core.UncertaintyResult) -> "pd.DataFrame":
    """One row per unit: nominal, median, 5% and 95% rank, mean rank, the chance of each group
    (p_group_G) and of ranking above each versus unit (p_above_U), as `parindex uncertainty --format csv`."""
    rows = []
    group_freq, above = r.group_frequency, r.above
    for u, (code, name) in enumerate(zip(r.unit_codes, r.unit_names)):
        freq = r.rank_frequency[u]
        row = {"unit": code, "name": name, "nominal_rank": r.nominal_rank[u],
               "median_rank": r.rank_quantile(u, 0.5), "rank_p5": r.rank_quantile(u, 0.05),
               "rank_p95": r.rank_quantile(u, 0.95),
               "mean_rank": float((freq * range(1, len(freq) + 1)).sum()) / r.draws}
        for g, group in enumerate(r.groups):
            row[f"p_group_{group}"] = group_freq[u, g] / r.draws
        for v, other in enumerate(r.versus):
            row[f"p_above_{other}"] = above[u, v] / r.draws
        rows.append(row)
    columns = UNCERTAINTY_COLUMNS + [f"p_group_{g}" for g in r.groups] + [f"p_above_{v}" for v in r.versus]
    return _pandas().DataFrame(rows, columns=columns)


def rank_frequency_frame(r: _core.UncertaintyResult) -> "pd.DataFrame":
    """Draws giving each unit (rows) each rank (columns 1 … n)."""
    pd = _pandas()
    return pd.DataFrame(r.rank_frequency, index=pd.Index(r.unit_codes, name="unit"),
                        columns=pd.Index(range(1, len(r.unit_codes) + 1), name="rank"))


def sensitivity_frame(r: _core.UncertaintyResult) -> "pd.DataFrame":
    """Per factor: first-order and total variance-based indices of the ranks (with sensitivity=True)."""
    return _pandas().DataFrame(r.sensitivity_rows, columns=["factor", "first_order", "total"])
