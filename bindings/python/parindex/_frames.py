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


def _dates(frame: "pd.DataFrame", columns) -> "pd.DataFrame":
    """Date and date-time columns as datetime64 (None becomes NaT), as pandas users expect."""
    for c in columns:
        frame[c] = _pandas().to_datetime(frame[c])
    return frame


# States and statuses as ordered categoricals, so sorting and groupby follow their meaning.
ACTION_STATES = ["overdue", "due_soon", "unresolved", "upcoming", "done", "cancelled"]
TARGET_STATUSES = ["missed", "at_risk", "no_data", "on_track", "met"]
REPORT_STATES = ["overdue", "due_soon", "up_to_date"]
DECIDED_BY = ["appraised", "rule", "self_assessed", "children", "not_applicable"]


def _categories(frame: "pd.DataFrame", columns: dict) -> "pd.DataFrame":
    pd = _pandas()
    for column, values in columns.items():
        frame[column] = pd.Categorical(frame[column], categories=values, ordered=True)
    return frame


def _clean(x: float) -> float:
    # max − achieved in binary floating point leaves noise such as 14.629999999999995.
    return round(x, 9)


def scorecard_frame(card) -> "pd.DataFrame":
    """One row per criterion, in the columns of `parindex score --format csv` (docs/vocabulary.md)."""
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
    return _categories(_pandas().DataFrame(rows, columns=SCORECARD_COLUMNS), {"decided_by": DECIDED_BY})


def ranking_frame(ranking) -> "pd.DataFrame":
    """One row per unit, best first, in the columns of `parindex rank --format csv`."""
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
    """One row per criterion below its max, most points lost first, as `parindex gaps --format csv`."""
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
    """One row per field: max, achieved, points lost and how many criteria lost points."""
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


def count_states(plan_review) -> dict:
    counts: dict = {}
    for a in plan_review.actions:
        counts[a.state] = counts.get(a.state, 0) + 1
    return counts


def review_frame(plan_review) -> "pd.DataFrame":
    """One row per action: its state (done, overdue, due_soon, upcoming, unresolved, cancelled) and
    due dates, as `parindex plan --format csv`; next_due is a datetime64 column."""
    rows = [
        {
            "id": a.id,
            "criteria": ", ".join(a.criteria),
            "lead_agency": a.lead_agency,
            "state": a.state,
            "next_due": a.next_due,
            "days_overdue": a.days_overdue,
            "missed": list(a.missed),
            "due_dates": list(a.due_dates),
            "missing_event": a.missing_event or None,
        }
        for a in plan_review.actions
    ]
    frame = _dates(_pandas().DataFrame(rows, columns=["id", "criteria", "lead_agency", "state", "next_due", "days_overdue",
                                                      "missed", "due_dates", "missing_event"]), ["next_due"])
    return _categories(frame, {"state": ACTION_STATES})


def agencies_frame(plan_review) -> "pd.DataFrame":
    """One row per lead agency: its actions by state."""
    rows = [
        {"agency": l.agency, "actions": l.actions, "overdue": l.overdue, "due_soon": l.due_soon,
         "upcoming": l.upcoming, "unresolved": l.unresolved, "done": l.done}
        for l in plan_review.agencies
    ]
    return _pandas().DataFrame(rows, columns=["agency", "actions", "overdue", "due_soon", "upcoming", "unresolved", "done"])


def days_off_frame(calendar, year: int) -> "pd.DataFrame":
    """The days off of a year: date (datetime64), name, projected (True when not announced)."""
    rows = [{"date": d.date, "name": d.name, "projected": d.projected} for d in calendar.days_off(year)]
    return _dates(_pandas().DataFrame(rows, columns=["date", "name", "projected"]), ["date"])


_COUNTS = ["total", "early", "on_time", "late", "pending", "pending_overdue", "fully_online", "paid_online",
           "digitised", "apologised"]
_SHARES = ["on_time_rate", "fully_online_share", "paid_online_share", "digitised_share", "apology_coverage"]


def dossiers_frame(metrics) -> "pd.DataFrame":
    """One row per group: its key columns, the counts, and the shares in % (None where undefined)."""
    rows = []
    for g in metrics.groups:
        row = dict(zip(metrics.group_by, g.key))
        row.update({k: getattr(g.counts, k) for k in _COUNTS + _SHARES})
        rows.append(row)
    return _pandas().DataFrame(rows, columns=list(metrics.group_by) + _COUNTS + _SHARES)


def late_frame(metrics) -> "pd.DataFrame":
    """One row per late or overdue dossier (read with keep_late=True), as `parindex dossiers --late --format csv`."""
    cols = ["line", "id", "unit", "level", "procedure", "field", "received", "due", "resolved", "status",
            "working_days_late", "apologised"]
    rows = [{c: getattr(l, c) for c in cols} for l in metrics.late]
    return _dates(_pandas().DataFrame(rows, columns=cols), ["received", "due", "resolved"])


def commitment_frame(review) -> "pd.DataFrame":
    """One row per target: status (met, on_track, at_risk, missed, no_data), latest figure, projection
    and reporting state, as `parindex commitments --format csv`."""
    cols = ["id", "title", "target", "comparator", "target_value", "unit", "latest", "latest_period", "projection",
            "status", "report", "next_report", "missed_reports", "responsible", "explanation"]
    rows = [{c: getattr(t, c) for c in cols} for t in review.targets]
    for r in rows:
        r["missed_reports"] = list(r["missed_reports"])
    frame = _dates(_pandas().DataFrame(rows, columns=cols), ["next_report"])
    return _categories(frame, {"status": TARGET_STATUSES, "report": REPORT_STATES})


def _html_heading(text: str) -> str:
    import html

    return f"<p><b>{html.escape(text)}</b></p>"


def _numbers(decimals: int):
    return lambda v: f"{v:.{decimals}f}"


def _indented(frame: "pd.DataFrame") -> "pd.DataFrame":
    """Text cells escaped for HTML and codes indented by their depth in the tree (two spaces a
    level, as the terminal table does); render with escape=False, since pandas strips spaces."""
    import html

    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
            frame[column] = [html.escape(v) if isinstance(v, str) else v for v in frame[column]]
    frame["code"] = [("&nbsp;" * 2 * (d - 1)) + c for c, d in zip(frame["code"], frame["depth"])]
    return frame


def scorecard_html(card) -> str:
    """A notebook's view of a scorecard: unit, framework, year, total / max = index %, then every
    criterion with its code indented by depth, numbers at the framework's decimals."""
    d = card.decimals
    frame = _indented(scorecard_frame(card))[["code", "title", "max", "achieved", "lost", "percent", "decided_by"]]
    heading = (f"{card.unit_name} ({card.unit_code}) · {card.framework_id} · {card.year}: {card.total:.{d}f} of "
               f"{card.max_points:.{d}f} points, index {card.index_percent:.{d}f}%")
    return _html_heading(heading) + frame.to_html(index=False, float_format=_numbers(d), escape=False)


def ranking_html(ranking) -> str:
    """A ranking with its framework, year and number of units as the caption."""
    heading = f"{ranking.framework_id} · {ranking.year}: {len(ranking.units)} units ranked by index %"
    return _html_heading(heading) + ranking_frame(ranking).to_html(index=False, float_format=_numbers(2), na_rep="")


def gaps_html(table) -> str:
    """A gap table: unit, framework, year and points lost, then the fields and the criteria."""
    d = table.decimals
    heading = (f"{table.unit_name} ({table.unit_code}) · {table.framework_id} · {table.year}: "
               f"{table.total_lost:.{d}f} points lost in {len(table.gaps)} criteria")
    fields = field_gaps_frame(table).drop(columns="unit")
    gaps = gaps_frame(table).drop(columns="unit")
    return (_html_heading(heading) + fields.to_html(index=False, float_format=_numbers(d))
            + gaps.to_html(index=False, float_format=_numbers(d)))


def review_html(plan_review) -> str:
    """A plan review: the date and the actions by state, then one row an action."""
    counts = ", ".join(f"{n} {s}" for s, n in sorted(count_states(plan_review).items()))
    heading = f"Plan review as of {plan_review.as_of.isoformat()}: {counts}"
    return _html_heading(heading) + review_frame(plan_review).to_html(index=False, na_rep="")


def commitment_html(review) -> str:
    """A commitment review: the date and the targets by status, then one row a target."""
    counts: dict = {}
    for t in review.targets:
        counts[t.status] = counts.get(t.status, 0) + 1
    heading = (f"Commitment review as of {review.as_of.isoformat()}: "
               + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    return _html_heading(heading) + commitment_frame(review).to_html(index=False, na_rep="")


def frame_html(title):
    """_repr_html_ for results with a to_frame(): a heading from `title(result)`, then the frame."""
    def render(result) -> str:
        return _html_heading(title(result)) + result.to_frame().to_html(index=False)
    return render
