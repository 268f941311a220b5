"""Dossier logs from wherever analysts keep them: CSV files, Parquet files and folders, and
anything that speaks the Arrow C stream interface (pyarrow, polars, DuckDB) or pandas."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

from . import _core
from .errors import ArgumentError, DocumentError

_PARQUET_SUFFIXES = {".parquet", ".pq"}


def is_parquet(source: Any) -> bool:
    """Whether a path names a Parquet file or a folder holding them."""
    path = Path(source)
    if path.is_dir():
        return any(p.suffix.lower() in _PARQUET_SUFFIXES for p in path.rglob("*") if p.is_file())
    return path.suffix.lower() in _PARQUET_SUFFIXES


def _parquet_stream(path: Path):
    try:
        import pyarrow.dataset as ds
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ArgumentError(f"{path}: reading Parquet needs pyarrow (pip install pyarrow)", str(path),
                            "reading Parquet needs pyarrow (pip install pyarrow)") from e
    try:
        return ds.dataset(str(path), format="parquet").scanner().to_reader()
    except (OSError, ValueError) as e:  # pyarrow's ArrowInvalid is a ValueError, ArrowIOError an OSError
        raise DocumentError(f"{path}: not a readable Parquet dataset: {e}", str(path),
                            f"not a readable Parquet dataset: {e}") from e


def _arrow_source(source: Any):
    """An object with __arrow_c_stream__ for `source`, and a name for errors; None if none."""
    if hasattr(source, "__arrow_c_stream__"):
        return source, f"arrow stream ({type(source).__module__.split('.')[0]}.{type(source).__name__})"
    module = type(source).__module__
    if module.startswith("pandas") and type(source).__name__ == "DataFrame":
        try:
            import pyarrow as pa
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ArgumentError("read_dossiers: a pandas DataFrame is read through pyarrow (pip install pyarrow)",
                                "read_dossiers", "a pandas DataFrame is read through pyarrow (pip install pyarrow)") from e
        try:
            return pa.Table.from_pandas(source, preserve_index=False), "arrow stream (pandas.DataFrame)"
        except (pa.ArrowException, ValueError, TypeError) as e:  # a column of mixed types, say
            raise DocumentError(f"arrow stream (pandas.DataFrame): a column does not convert to Arrow: {e}",
                                "arrow stream (pandas.DataFrame)", f"a column does not convert to Arrow: {e}") from e
    return None


def read_source(source: Any, calendar: _core.WorkCalendar, as_of, group_by: Sequence[str] = ("unit",),
                stop_at_first_error: bool = False, keep_late: bool = False, receipt_day_counts: bool = False,
                cutoff_minute: int | None = None, threads: int = 2) -> _core.DossierMetrics:
    """The figures of any source parindex.read_dossiers takes (see its docstring), without its
    checks of the whole: a Spark partition may well have every row rejected."""
    options = dict(group_by=list(group_by), stop_at_first_error=stop_at_first_error, keep_late=keep_late,
                   receipt_day_counts=receipt_day_counts, cutoff_minute=cutoff_minute)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if is_parquet(path):
            stream = _parquet_stream(path)
            return _core.read_dossiers_arrow(stream.__arrow_c_stream__(), calendar, as_of, where=str(path), **options)
        return _core.read_dossiers(path, calendar, as_of, threads=threads, **options)
    found = _arrow_source(source)
    if found is None:
        detail = (f"a {type(source).__name__} is not a dossier log; expected a CSV or Parquet path, a folder of "
                  "Parquet files, an object with __arrow_c_stream__ (pyarrow, polars, DuckDB) or a pandas DataFrame")
        raise ArgumentError(f"read_dossiers: {detail}", "read_dossiers", detail)
    stream, where = found
    try:
        capsule = stream.__arrow_c_stream__()
    except Exception as e:  # the source's own export failed: a column of mixed Python objects, say
        raise DocumentError(f"{where}: a column does not convert to Arrow: {e}", where,
                            f"a column does not convert to Arrow: {e}") from e
    return _core.read_dossiers_arrow(capsule, calendar, as_of, where=where, **options)


def merge_dossier_metrics(parts: Sequence[_core.DossierMetrics]) -> _core.DossierMetrics:
    """The exact figures of a log read in parts (partitions, files, days): the counts of each
    group and the rows read, used and rejected add up; rejections and late dossiers follow in
    the parts' order, with the row numbers each part gave them."""
    return _core.merge_dossier_metrics(list(parts))
