"""read_dossiers with the checks a notebook needs: a log the calendar does not cover, or one
whose every row is rejected, is an error rather than an empty result."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from . import _core, _dossier_sources
from ._frames import _pandas
from .errors import ArgumentError, DocumentError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

OUTSIDE_CALENDAR = "outside the calendar"  # the reading's key in rejected_by


def _source_name(source: Any) -> str:
    return os.fspath(source) if isinstance(source, (str, os.PathLike)) else type(source).__name__


def read_dossiers(source: Any, calendar: _core.WorkCalendar, as_of: Any, *args: Any, **kwargs: Any) -> _core.DossierMetrics:
    """Reads a dossier log (docs/dossiers.md) into per-group figures; rows read = used + rejected.

    ``source``: a CSV file (path-like), a Parquet file or a folder of them (read with
    pyarrow.dataset), any object with ``__arrow_c_stream__`` (a pyarrow Table or
    RecordBatchReader, a polars DataFrame, a DuckDB result) or a pandas DataFrame. Arrow input
    has the CSV layout's columns by name (others are ignored), with strings, dates, timestamps,
    integers or booleans; its rows are numbered from 1 in the rejections. ``threads`` (1 to 64)
    applies to CSV files only.
    ``group_by``: any of ``unit``, ``level``, ``procedure``, ``field``, ``month``, ``quarter``
    (default ``["unit"]``). A row is rejected (``rejections``, ``rejections_frame()``, counted in
    ``rejected_by``) for a wrong column count, an unparsable date or flag, an unknown level, a
    negative processing time or a resolution before receipt; ``stop_at_first_error=True`` raises
    at the first instead. Raises :class:`ArgumentError` when the calendar does not cover a row's
    dates (give one that spans the log's years, e.g. ``vietnam_calendar(2023, 2024)``), and
    :class:`DocumentError` when every row is rejected. ``keep_late=True`` keeps the late
    dossiers (``late``, ``late_frame()``); ``receipt_day_counts`` and ``cutoff_minute`` set how
    days are counted (docs/dossiers.md).
    """
    metrics = _dossier_sources.read_source(source, calendar, as_of, *args, **kwargs)
    row = "line" if isinstance(source, (str, os.PathLike)) and not _dossier_sources.is_parquet(source) else "row"
    check_read(metrics, calendar, _source_name(source), row)
    return metrics


def check_read(metrics: _core.DossierMetrics, calendar: _core.WorkCalendar, name: str, row: str = "row") -> None:
    """Raises when the calendar does not cover the log's dates or every row was rejected
    (`row` names how the source numbers its rows: "line" in a CSV file, else "row")."""
    uncovered = metrics.rejected_by.get(OUTSIDE_CALENDAR, 0)
    if uncovered:
        # Received dates and due days past the calendar's years both say "calendar's years";
        # only the first thousand rejections are kept, so the first such row may be missing.
        first = next((r for r in metrics.rejections if "calendar's years" in r.reason), None)
        where = f" (first, {row} {first.line}: {first.reason})" if first else ""
        raise ArgumentError(
            f"{name}: the calendar {calendar.name!r} covers {calendar.first_year}–{calendar.last_year}, but "
            f"{uncovered} of {metrics.rows_read} rows lie outside it{where}; "
            f"give a calendar that spans the log's years")
    if metrics.rows_read and not metrics.rows_used:
        reasons = ", ".join(f"{kind} {n}" for kind, n in sorted(metrics.rejected_by.items()))
        first = metrics.rejections[0] if metrics.rejections else None
        detail = f" (first, {row} {first.line}: {first.reason})" if first else ""
        raise DocumentError(f"{name}: every one of the {metrics.rows_read} rows was rejected: {reasons}{detail}",
                            name, f"every row rejected: {reasons}")


def rejections_frame(metrics: _core.DossierMetrics) -> "pd.DataFrame":
    """One row per rejected row of the log: its line and why (the first thousand are kept; rejected_by counts them all)."""
    return _pandas().DataFrame([{"line": r.line, "reason": r.reason} for r in metrics.rejections],
                               columns=["line", "reason"])
