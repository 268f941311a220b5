"""Evaluating many units at once, from assessments or from a pandas DataFrame."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Iterable, Optional

from . import _core
from ._frames import _pandas
from .errors import ArgumentError, ValidationError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# Long frames: one row per unit and criterion, these columns besides "unit" and "code".
LONG_COLUMNS = ("value", "appraised", "self", "not_applicable", "evidence")


def evaluate_many(framework: _core.Framework, inputs: Any, *, year: Optional[int] = None,
                  missing: str = "error") -> _core.Batch:
    """Evaluates many units of one framework and year in one call.

    ``inputs`` is a list of Assessments, or a pandas DataFrame, either

    * long: columns ``unit``, ``code`` and any of ``value`` (the rule's input), ``appraised``,
      ``self`` (self-assessed points), ``not_applicable`` and ``evidence`` (whether the evidence a
      criterion asks for was given; as in an assessment document, not given unless it says so,
      so a self-assessed score of a criterion that needs evidence counts 0 without it);
      optionally ``name``; or
    * wide: one row per unit (a ``unit`` column, else the index), optionally ``name``, and one
      column per criterion code holding the rule's input.

    Numbers may be numpy scalars; a level name, a dict such as ``{"current": 3, "previous": 2}``
    or True/False go in object columns. A unit with no score at all for a criterion is an error
    naming the unit and the code, unless ``missing="not_applicable"``: then it counts as not
    applicable. ``year`` defaults to the framework's year when its period is a single year.
    """
    if missing not in ("error", "not_applicable"):
        raise ArgumentError(f"evaluate_many: missing must be 'error' or 'not_applicable', got {missing!r}")
    if isinstance(inputs, (list, tuple)):
        wrong = [type(a).__name__ for a in inputs if not isinstance(a, _core.Assessment)]
        if wrong:
            raise ArgumentError(f"evaluate_many: a list must hold Assessments only, got {wrong[0]}")
        return _core._evaluate_assessments(framework, list(inputs))
    pd = _pandas()
    if not isinstance(inputs, pd.DataFrame):
        raise ArgumentError("evaluate_many: inputs must be a list of Assessments or a pandas DataFrame, "
                                  f"got {type(inputs).__name__}")
    year = _year(framework, inputs, year)
    if {"unit", "code"} <= set(inputs.columns):
        units, names, columns = _from_long(inputs)
    else:
        units, names, columns = _from_wide(inputs)
    values, truth = _split(columns.get("value", {}))
    return _core._evaluate_columns(framework, units, names, year, values, truth, columns.get("appraised", {}),
                                   columns.get("self", {}), columns.get("not_applicable", {}), columns.get("evidence", {}),
                                   missing == "not_applicable")


def _whole_year(value, what: str) -> int:
    try:
        year = float(value)
    except (TypeError, ValueError):
        raise ArgumentError(f"evaluate_many: {what} must be a year, got {value!r}") from None
    if not math.isfinite(year) or year != int(year):
        raise ArgumentError(f"evaluate_many: {what} must be a year, got {value!r}")
    return int(year)


def _year(framework, frame, year) -> int:
    in_frame = None
    if "year" in frame.columns:
        years = frame["year"].unique()
        if len(years) != 1:
            raise ArgumentError(f"evaluate_many: the frame holds years {list(years)}; evaluate one year at a time")
        in_frame = _whole_year(years[0], "the year column")
    if year is not None:
        year = _whole_year(year, "year")
        if in_frame is not None and in_frame != year:
            raise ArgumentError(f"evaluate_many: year={year}, but the frame's year column says {in_frame}")
        return year
    if in_frame is not None:
        return in_frame
    first, last = framework.period
    if last == first:
        return int(first)
    raise ArgumentError(f"evaluate_many: framework {framework.id!r} covers {first}–{last or ''}; give year=")


def _names(frame, units_index) -> list:
    if "name" not in frame.columns:
        return []
    first = frame.drop_duplicates("unit") if "unit" in frame.columns else frame
    by_unit = dict(zip(first["unit"] if "unit" in frame.columns else first.index, first["name"]))
    return [str(by_unit.get(u, "")) for u in units_index]


class _Truth:
    """A column of True/False (NaN where empty) as 1/0 floats, kept apart from numbers so that a
    yes/no criterion takes it and any other rule refuses it."""

    def __init__(self, floats):
        self.floats = floats


def _column(values) -> Any:
    """A column for the kernel: numbers as float64, True/False as _Truth (NaN where empty in
    both), anything else (level names, dicts, mixtures) as a list of cells read one by one."""
    import numpy as np

    pd = _pandas()
    if pd.api.types.is_bool_dtype(values):
        return _Truth(np.ascontiguousarray(np.asarray(values, dtype=np.float64)))
    if pd.api.types.is_numeric_dtype(values):
        return np.ascontiguousarray(np.asarray(values, dtype=np.float64))
    kind = pd.api.types.infer_dtype(values, skipna=True)
    if kind in ("boolean", "floating", "integer", "mixed-integer-float"):
        floats = np.ascontiguousarray(pd.Series(values, dtype=object).astype(np.float64).to_numpy())
        return _Truth(floats) if kind == "boolean" else floats
    return list(values)


def _split(values: dict) -> tuple:
    """Numbers and lists of cells, and True/False columns apart."""
    plain = {code: v for code, v in values.items() if not isinstance(v, _Truth)}
    truth = {code: v.floats for code, v in values.items() if isinstance(v, _Truth)}
    return plain, truth


def _flag(value, unit, code, column) -> Optional[bool]:
    """A cell of not_applicable or evidence: True/False, 0/1, or empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, int)) or type(value).__name__ in ("bool_", "int64", "int32"):
        if value in (0, 1):
            return bool(value)
    if isinstance(value, float) and value in (0.0, 1.0):
        return bool(value)
    raise ValidationError(f"assessment of {unit}, criterion {code}: {column} must be true or false, got {value!r}")


def _from_wide(frame):
    units = frame["unit"] if "unit" in frame.columns else frame.index.to_series()
    units = [str(u) for u in units]
    if len(set(units)) != len(units):
        twice = next(u for u in units if units.count(u) > 1)
        raise ArgumentError(f"evaluate_many: unit {twice} appears twice in the wide frame")
    names = _names(frame if "unit" in frame.columns else frame.assign(unit=units), units)
    skip = {"unit", "name", "year"}
    values = {str(code): _column(frame[code]) for code in frame.columns if code not in skip}
    return units, names, {"value": values}


def _from_long(frame):
    import numpy as np

    pd = _pandas()
    for key in ("unit", "code"):
        empty = frame[key].isna().to_numpy()
        if empty.any():
            row = frame.index[empty.nonzero()[0][0]]
            raise ValidationError(f"evaluate_many: row {row} of the long frame has no {key}")
    unit_pos, units = pd.factorize(frame["unit"].astype(str))
    code_pos, codes = pd.factorize(frame["code"].astype(str))
    n_units, n_codes = len(units), len(codes)
    key = unit_pos.astype(np.int64) * n_codes + code_pos
    if len(key) and np.bincount(key, minlength=n_units * n_codes).max() > 1:
        seen = pd.Series(key).duplicated().to_numpy().nonzero()[0][0]
        raise ValidationError(f"assessment of {units[unit_pos[seen]]}, criterion {codes[code_pos[seen]]}: "
                                    "appears twice in the long frame")
    columns: dict = {}
    for name in LONG_COLUMNS:
        if name not in frame.columns:
            continue
        col = frame[name]
        numeric = pd.api.types.is_bool_dtype(col) or pd.api.types.is_numeric_dtype(col)
        if name in ("not_applicable", "evidence"):
            matrix = np.zeros((n_codes, n_units), dtype=bool)
            cells = col.to_numpy(dtype=object)
            matrix[code_pos, unit_pos] = [bool(_flag(v, units[u], codes[c], name))
                                          for v, u, c in zip(cells, unit_pos, code_pos)]
        elif name != "value" or (numeric and not pd.api.types.is_bool_dtype(col)):
            numbers = pd.to_numeric(col, errors="coerce")
            bad = (numbers.isna() & col.notna()).to_numpy()
            if bad.any():
                k = bad.nonzero()[0][0]
                raise ValidationError(f"assessment of {units[unit_pos[k]]}, criterion {codes[code_pos[k]]}: "
                                      f"{name} must be a number, got {col.iloc[k]!r}")
            matrix = np.full((n_codes, n_units), np.nan)
            matrix[code_pos, unit_pos] = numbers.to_numpy(dtype=np.float64)
        else:
            matrix = np.full((n_codes, n_units), None, dtype=object)
            matrix[code_pos, unit_pos] = col.to_numpy(dtype=object)
        present = np.zeros((n_codes,), dtype=bool)
        present[code_pos[col.notna().to_numpy()]] = True
        columns[name] = {str(codes[j]): (matrix[j] if matrix.dtype != object else _column(matrix[j]))
                         for j in range(n_codes) if present[j]}
    names = _names(frame, list(units))
    return [str(u) for u in units], names, columns


# ---- frames of a batch --------------------------------------------------------------------------

def _totals_frame(batch, groups=None, tie_decimals=None) -> "pd.DataFrame":
    """One row per unit: max, achieved, bonus, penalty, total, index %, rank and group."""
    pd = _pandas()
    ranking = batch.rank(groups, tie_decimals)
    by_unit = {u.unit_code: u for u in ranking.units}
    t = batch.totals_arrays()
    frame = pd.DataFrame({"unit": batch.unit_codes, "name": batch.unit_names, "max": t["max"],
                          "achieved": t["achieved"], "bonus": t["bonus"], "penalty": t["penalty"],
                          "total": t["total"], "index_percent": t["index_percent"]})
    frame["rank"] = [by_unit[u].rank for u in batch.unit_codes]
    frame["of"] = len(batch.unit_codes)
    frame["label"] = [by_unit[u].label for u in batch.unit_codes]
    frame["group"] = [by_unit[u].group or None for u in batch.unit_codes]
    return frame


def _wide_frame(batch, what: str = "achieved") -> "pd.DataFrame":
    """Units × criteria: ``what`` is "achieved" or "max"."""
    if what not in ("achieved", "max"):
        raise ArgumentError(f"wide: what must be 'achieved' or 'max', got {what!r}")
    pd = _pandas()
    matrix = batch.achieved_matrix() if what == "achieved" else batch.max_matrix()
    return pd.DataFrame(matrix, index=pd.Index(batch.unit_codes, name="unit"), columns=batch.codes)


def _long_frame(batch) -> "pd.DataFrame":
    """One row per unit and criterion: max, achieved, decided_by."""
    import numpy as np

    pd = _pandas()
    units, codes = batch.unit_codes, batch.codes
    return pd.DataFrame({
        "unit": np.repeat(units, len(codes)),
        "code": np.tile(codes, len(units)),
        "max": batch.max_matrix().ravel(),
        "achieved": batch.achieved_matrix().ravel(),
        "decided_by": batch.decided_by_names(),
    })


_core.Batch.totals = _totals_frame
_core.Batch.wide = _wide_frame
_core.Batch.long = _long_frame
_core.Batch.to_frame = _totals_frame
_core.Batch.__repr__ = lambda b: f"<Batch {b.framework.id!r} {b.year}: {len(b)} units>"
_core.Batch._repr_html_ = lambda b: b.totals()._repr_html_()
