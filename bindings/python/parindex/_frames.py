"""pandas conversions. pandas is imported only when a frame is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# The same columns, in the same order, as `parindex score --format csv`.
SCORECARD_COLUMNS = ["unit", "code", "title", "depth", "max", "achieved", "lost", "percent",
                     "decided_by", "explanation", "cause", "lead_agency"]


def _pandas():
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame() needs pandas: pip install pandas") from exc
    return pandas


def _clean(x: float) -> float:
    # max − achieved in binary floating point leaves noise such as 14.629999999999995.
    return round(x, 9)


def scorecard_frame(card) -> "pd.DataFrame":
    rows = [
        {
            "unit": card.unit_code,
            "code": line.code,
            "title": line.title,
            "depth": line.depth,
            "max": line.max_points,
            "achieved": line.achieved,
            "lost": _clean(line.lost),
            "percent": line.percent,
            "decided_by": line.decided_by,
            "explanation": line.explanation,
            "cause": line.cause,
            "lead_agency": line.lead_agency,
        }
        for line in card.lines
    ]
    return _pandas().DataFrame(rows, columns=SCORECARD_COLUMNS)


def ranking_frame(ranking) -> "pd.DataFrame":
    rows = [
        {
            "rank": u.rank,
            "of": u.of,
            "label": u.label,
            "unit": u.unit_code,
            "name": u.unit_name,
            "max": u.max_points,
            "total": u.total,
            "index_percent": u.index_percent,
            "group": u.group or None,
        }
        for u in ranking.units
    ]
    return _pandas().DataFrame(rows, columns=["rank", "of", "label", "unit", "name", "max", "total",
                                              "index_percent", "group"])


def gaps_frame(table) -> "pd.DataFrame":
    rows = [
        {
            "unit": table.unit_code,
            "code": g.code,
            "field": g.field,
            "title": g.title,
            "max": g.max_points,
            "achieved": g.achieved,
            "lost": _clean(g.lost),
            "lead_agency": g.lead_agency,
            "cause": g.cause,
        }
        for g in table.gaps
    ]
    return _pandas().DataFrame(rows, columns=["unit", "code", "field", "title", "max", "achieved", "lost",
                                              "lead_agency", "cause"])


def field_gaps_frame(table) -> "pd.DataFrame":
    rows = [
        {
            "unit": table.unit_code,
            "field": f.field,
            "title": f.title,
            "max": f.max_points,
            "achieved": f.achieved,
            "lost": _clean(f.lost),
            "criteria_below_max": f.criteria_below_max,
        }
        for f in table.fields
    ]
    return _pandas().DataFrame(rows, columns=["unit", "field", "title", "max", "achieved", "lost",
                                              "criteria_below_max"])
