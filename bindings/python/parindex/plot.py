"""Charts of parindex results (matplotlib). Every function draws on ``ax`` (a new figure when
None) and returns the Axes, so a caller can add titles or save the figure::

    import parindex.plot
    parindex.plot.lost_by_field(parindex.gaps(card))

Text is set in DejaVu Sans (shipped with matplotlib), which has Vietnamese glyphs: "Bắc Sơn",
"Hữu Lũng" come out whole whatever the user's default font.
"""

from __future__ import annotations

import contextlib
from typing import Any, Iterator, Optional

from . import _core
from .errors import ArgumentError

# A font with every Vietnamese letter (tested): matplotlib's default list may pick one without them.
FONT = "DejaVu Sans"
_STATE_STYLE = {  # action state → (marker, colour, legend label)
    "overdue": ("X", "C3", "overdue"),
    "due_soon": ("o", "C1", "due soon"),
    "upcoming": ("o", "C0", "upcoming"),
    "done": ("s", "C2", "done"),
    "cancelled": ("s", "0.7", "cancelled"),
}


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("parindex.plot needs matplotlib: pip install 'parindex[plot]'") from exc
    return plt


@contextlib.contextmanager
def _drawing(ax: Any, size: tuple) -> Iterator[Any]:
    """Text objects keep the font they were made with, so the font holds only while drawing."""
    plt = _pyplot()
    with plt.rc_context({"font.family": "sans-serif", "font.sans-serif": [FONT]}):
        if ax is None:
            _, ax = plt.subplots(figsize=size)
        yield ax


def _barh(ax: Any, labels: list, values: list, xlabel: str, title: str) -> None:
    y = list(range(len(labels)))
    ax.barh(y, values, color="C3")
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)


def lost_by_field(table: _core.GapTable, ax: Any = None):
    """Points lost in each field of a gap table (:func:`parindex.gaps`), largest first.

    One horizontal bar a field that lost points, labelled ``"code title"``."""
    fields = sorted((f for f in table.fields if f.lost > 0), key=lambda f: -f.lost)
    with _drawing(ax, (7, 0.4 * len(fields) + 1.2)) as ax:
        _barh(ax, [f"{f.field} {f.title}" for f in fields], [round(f.lost, 9) for f in fields],
              "points lost", f"{table.unit_name} {table.year}: {table.total_lost:.{table.decimals}f} points lost")
    return ax


def lost_by_agency(table: _core.GapTable, ax: Any = None):
    """Points lost summed by each criterion's lead agency, largest first; criteria without a lead
    agency count under ``"(no lead agency)"``."""
    totals: dict = {}
    for g in table.gaps:
        key = g.lead_agency or "(no lead agency)"
        totals[key] = totals.get(key, 0.0) + g.lost
    agencies = sorted(totals, key=lambda a: (-totals[a], a))
    with _drawing(ax, (7, 0.4 * len(agencies) + 1.2)) as ax:
        _barh(ax, agencies, [round(totals[a], 9) for a in agencies], "points lost",
              f"{table.unit_name} {table.year}: points lost by lead agency")
    return ax


def ranking(result: Any, ax: Any = None):
    """A ranking, best first.

    From a :class:`Ranking`: each unit's index % as a bar, labelled with its rank label.
    From an :class:`UncertaintyResult` (:func:`parindex.uncertainty`): each unit's 5–95% rank
    interval as a grey line, its median rank as a dot and its rank as assessed as a red tick,
    sorted by median rank."""
    if isinstance(result, _core.Ranking):
        units = result.units
        with _drawing(ax, (7, 0.3 * len(units) + 1.2)) as ax:
            _barh_index(ax, units, result)
        return ax
    if isinstance(result, _core.UncertaintyResult):
        return _rank_intervals(result, ax)
    raise ArgumentError(f"plot.ranking: expected a Ranking or an UncertaintyResult, got {type(result).__name__}")


def _barh_index(ax: Any, units: list, result: Any) -> None:
    y = list(range(len(units)))
    ax.barh(y, [u.index_percent for u in units], color="C0")
    ax.set_yticks(y)
    ax.set_yticklabels([f"{u.label} {u.unit_name}" for u in units])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("index %")
    ax.set_title(f"{result.framework_id} {result.year}")


def _rank_intervals(r: _core.UncertaintyResult, ax: Any):
    from ._analytics import uncertainty_frame

    frame = uncertainty_frame(r).sort_values(["median_rank", "nominal_rank"], kind="stable")
    with _drawing(ax, (7, 0.3 * len(frame) + 1.2)) as ax:
        y = list(range(len(frame)))
        ax.hlines(y, frame["rank_p5"], frame["rank_p95"], color="0.6", linewidth=3, label="5–95% of draws")
        ax.plot(frame["median_rank"], y, "o", color="C0", label="median")
        ax.plot(frame["nominal_rank"], y, "|", color="C3", markersize=12, label="as assessed")
        ax.set_yticks(y)
        ax.set_yticklabels(frame["name"])
        ax.invert_yaxis()
        ax.set_xlabel(f"rank ({r.draws} draws)")
        ax.legend(loc="lower right", fontsize="small")
    return ax


def papi_profile(scores: Any, unit: str, year: int, ax: Any = None):
    """One province's PAPI dimension scores (bars) beside the national median of each dimension
    (black diamonds), for one year. ``scores`` as for :func:`parindex.papi` (a path or a
    DataFrame); ``unit`` a province code (``"P14"``) or name (``"Quang Ninh"``)."""
    from ._indices import papi

    dims = papi(scores, year=year, by="dimension")
    mine = dims[(dims["unit"] == unit) | (dims["name"] == unit)]
    if mine.empty:
        raise ArgumentError(f"plot.papi_profile: no province {unit!r} in {year}")
    order = list(dict.fromkeys(dims["dimension"]))
    median = dims.groupby("dimension")["score"].median()
    mine = mine.set_index("dimension").reindex(order)
    with _drawing(ax, (7, 4)) as ax:
        x = list(range(len(order)))
        ax.bar(x, mine["score"], color="C0", label=str(mine["name"].dropna().iloc[0]))
        ax.plot(x, [median[d] for d in order], "D", color="black", label="national median")
        ax.set_xticks(x)
        ax.set_xticklabels([f"d{d}" for d in order])
        ax.set_ylabel("score")
        ax.set_title(f"PAPI {year}: {mine['name'].dropna().iloc[0]} by dimension")
        ax.legend(loc="lower right", fontsize="small")
    return ax


def commitment_progress(commitment: _core.Commitment, target: Optional[str] = None, ax: Any = None):
    """A commitment target's reported values by period (bars, e.g. ``2024-Q1`` …) against the
    target (a dashed line labelled with the comparator, e.g. ``">= 100 %"``). ``target`` is the
    target's id; it may be left out when the commitment has one target."""
    ids = [t.id for t in commitment.targets]
    if target is None and len(ids) == 1:
        target = ids[0]
    chosen = [t for t in commitment.targets if t.id == target]
    if not chosen:
        raise ArgumentError(f"plot.commitment_progress: target must be one of {', '.join(ids)}; got {target!r}")
    t = chosen[0]
    with _drawing(ax, (7, 4)) as ax:
        x = list(range(len(t.actuals)))
        ax.bar(x, [a.value for a in t.actuals], color="C0", label="reported")
        ax.axhline(t.value, color="C3", linestyle="--", label=f"target {t.comparator} {t.value:g} {t.unit}".rstrip())
        ax.set_xticks(x)
        ax.set_xticklabels([a.period for a in t.actuals])
        ax.set_ylabel(t.unit or t.metric)
        ax.set_title(t.title, fontsize="medium", wrap=True)
        ax.legend(loc="lower right", fontsize="small")
    return ax


def plan_timeline(review: Any, ax: Any = None):
    """A plan's actions by lead agency (one row an agency) at their next or last due date:
    overdue actions as red crosses, due soon orange, upcoming blue, done green; a vertical line
    marks the review's date. Actions whose date is unknown (an event not yet set) are left out
    and counted in the title. ``review`` is a :class:`PlanReview` (:func:`parindex.review`)."""
    if not isinstance(review, _core.PlanReview):
        raise ArgumentError(f"plot.plan_timeline: expected a PlanReview, got {type(review).__name__}")
    agencies = sorted({a.lead_agency for a in review.actions})
    row = {agency: i for i, agency in enumerate(agencies)}
    points: dict = {}
    unplaced = 0
    for a in review.actions:
        when = a.next_due or (a.missed[-1] if a.missed else None) or (a.due_dates[-1] if a.due_dates else None)
        if when is None or a.state not in _STATE_STYLE:
            unplaced += 1
            continue
        points.setdefault(a.state, []).append((when, row[a.lead_agency]))
    with _drawing(ax, (8, 0.45 * len(agencies) + 1.5)) as ax:
        for state, (marker, colour, label) in _STATE_STYLE.items():
            if state in points:
                ax.plot([p[0] for p in points[state]], [p[1] for p in points[state]], marker, color=colour,
                        linestyle="none", markersize=9, label=label)
        ax.axvline(review.as_of, color="0.4", linewidth=1)
        ax.set_yticks(list(range(len(agencies))))
        ax.set_yticklabels(agencies)
        ax.invert_yaxis()
        note = f"; {unplaced} without a date" if unplaced else ""
        ax.set_title(f"Plan as of {review.as_of.isoformat()}{note}")
        ax.legend(loc="best", fontsize="small")
        import matplotlib.dates as mdates

        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d/%m/%Y"))  # as Vietnamese documents write dates
        ax.tick_params(axis="x", labelrotation=30)
    return ax


__all__ = ["FONT", "lost_by_field", "lost_by_agency", "ranking", "papi_profile", "commitment_progress",
           "plan_timeline"]
