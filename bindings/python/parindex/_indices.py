"""Published indices as DataFrames: PAPI from its table of sub-dimension scores."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Optional

from . import _core
from ._frames import _pandas
from .errors import ArgumentError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_PAPI_FRAMEWORKS = ("papi-2018.json", "papi-2019.json", "papi-2021.json")


def _papi_framework(year: int) -> _core.Framework:
    from . import data_dir

    for name in _PAPI_FRAMEWORKS:
        fw = _core.Framework.load(str(data_dir() / "frameworks" / name))
        first, last = fw.period
        if first <= year <= (last or year):
            return fw
    raise ArgumentError(f"papi: no PAPI framework is shipped for {year} (2018–2024 are)")


def _rows(scores: Any) -> list:
    pd = _pandas()
    if isinstance(scores, pd.DataFrame):
        # The same reader as files, so the columns mean the same everywhere.
        return _core.score_table_from_text(scores.to_csv(index=False), "DataFrame")
    if isinstance(scores, (str, os.PathLike)):
        return _core.read_score_table(os.fspath(scores))
    raise ArgumentError(f"papi: scores must be a path or a pandas DataFrame, got {type(scores).__name__}")


def papi(scores: Any, *, year: Optional[int] = None, by: Optional[str] = None,
         tie_decimals: Optional[int] = None) -> "pd.DataFrame":
    """PAPI dimensions, totals, ranks and groups, one row per province and year.

    ``scores`` is a path to a CSV/TSV table or a DataFrame with the columns ``year``,
    ``province_code`` (or ``unit``), ``province`` (or ``name``) and one column per sub-dimension
    (``SC11`` … ``SC83``, or ``1.1`` … ``8.3``); an empty cell is missing. Provinces lacking a
    figure keep empty cells and no rank: nothing is filled in. Groups follow PAPI's percentiles
    (highest from the 75th up, high-average 50th–75th, low-average 25th–50th, lowest below).
    ``by="dimension"`` gives one row per province and dimension.
    """
    if by not in (None, "dimension"):
        raise ArgumentError(f"papi: by must be None or 'dimension', got {by!r}")
    pd = _pandas()
    rows = _rows(scores)
    years = sorted({r.year for r in rows if year is None or r.year == year})
    if not years:
        raise ArgumentError(f"papi: no rows for year {year}" if year is not None else "papi: no rows")
    records = []
    for y in years:
        table = _core.evaluate_year(_papi_framework(y), y, rows, tie_decimals)
        for r in table.rows:
            base = {"year": y, "unit": r.unit_code, "name": r.unit_name}
            if by == "dimension":
                for code, value, place in zip(table.fields, r.fields, r.field_places):
                    records.append(base | {"dimension": code, "score": value} | _place(table, place))
                continue
            record = dict(base)
            for code, value in zip(table.fields, r.fields):
                record["d" + code] = value
            record["total"] = r.total
            record |= _place(table, r.total_place)
            record["missing"] = r.missing
            records.append(record)
    return _whole_numbers(pd.DataFrame.from_records(records), ["rank", "of"])


def _whole_numbers(frame, columns):
    """Ranks stay whole numbers where some are missing (pandas' nullable Int64)."""
    for c in columns:
        if c in frame.columns:
            frame[c] = frame[c].astype("Int64")
    return frame


def _place(table, place) -> dict:
    if place is None:
        return {"rank": None, "of": None, "label": None, "group": None, "on_cut_point": False}
    group = table.group_names[place.group] if place.group >= 0 else None
    return {"rank": place.rank, "of": place.of, "label": place.label, "group": group, "on_cut_point": place.on_cut_point}


def papi_year(scores: Any, year: int, *, tie_decimals: Optional[int] = None) -> _core.IndexTableYear:
    """One year of PAPI, ranked and grouped, for comparisons and targets."""
    return _core.evaluate_year(_papi_framework(year), year, _rows(scores), tie_decimals)


def papi_movements(scores: Any, before: int, after: int, *, units: Any = None,
                   across_mergers: bool = False) -> "pd.DataFrame":
    """Every province's move between two PAPI years: totals, ranks, groups.

    With ``units`` (a path to a parindex.units/1 registry, or a UnitRegistry), provinces are
    identified by it, and a comparison across a merger is refused unless ``across_mergers``,
    which shows each old province beside the unit it merged into.
    """
    pd = _pandas()
    registry = _core.UnitRegistry.load(os.fspath(units)) if isinstance(units, (str, os.PathLike)) else units
    rows = _rows(scores)
    table = _core.compare_years(_core.evaluate_year(_papi_framework(before), before, rows),
                                _core.evaluate_year(_papi_framework(after), after, rows), registry, across_mergers)
    frame = pd.DataFrame.from_records([{
        "unit": m.unit_code, "name": m.unit_name,
        f"total_{before}": m.total_before, f"total_{after}": m.total_after,
        f"rank_{before}": m.place_before.rank if m.place_before else None,
        f"rank_{after}": m.place_after.rank if m.place_after else None,
        "rank_change": m.rank_change, f"group_{before}": m.group_before or None, f"group_{after}": m.group_after or None,
        "note": m.note or None,
    } for m in table.units])
    return _whole_numbers(frame, [f"rank_{before}", f"rank_{after}", "rank_change"])


def papi_target(scores: Any, year: int, unit: str, *, rank: Optional[int] = None,
                group: Optional[str] = None) -> _core.TargetCheck:
    """Whether a province meets a target on PAPI's total (rank ≤ k, or a group or better), and how far it is."""
    return _core.check_target(papi_year(scores, year), unit, rank, group)
