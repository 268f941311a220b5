"""Dossier metrics of a PySpark DataFrame: each partition is read where it lies (Spark's
``mapInArrow``), its figures travel to the driver as one small pickled partial, and the
partials merge exactly (counts and sums per group), so the result is the one a single
machine gives on the same log.

    import parindex, parindex.spark
    log = spark.read.parquet("s3://.../dossiers/2024/")
    metrics = parindex.spark.dossier_metrics(log, parindex.vietnam_calendar(2023, 2025), "2024-12-31",
                                             group_by=["unit", "quarter"])
    metrics.to_frame()

parindex must be installed on the executors (``pip install parindex`` in the cluster's
environment, or ship a wheel with ``--py-files``/``spark.archives``). See docs/dossiers.md.
"""

from __future__ import annotations

import itertools
import pickle
from typing import Any, Sequence

from ._dossier_sources import merge_dossier_metrics, read_source
from ._dossiers import check_read

__all__ = ["dossier_metrics", "partial_metrics"]


def _local_times(batch):
    """Spark hands timestamps over as instants labelled with the session's time zone; the
    dossier layout wants local date-times: the wall-clock time in that zone."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for column in batch.columns:
        if pa.types.is_timestamp(column.type) and column.type.tz is not None:
            column = pc.local_timestamp(column)
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def partial_metrics(batches, calendar, as_of, **options):
    """The figures of one partition's Arrow record batches, as a one-row batch holding the
    pickled DossierMetrics (what ``mapInArrow`` yields); nothing for an empty partition."""
    import pyarrow as pa

    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return
    first = _local_times(first)
    rest = (_local_times(b) for b in batches)
    reader = pa.RecordBatchReader.from_batches(first.schema, itertools.chain([first], rest))
    metrics = read_source(reader, calendar, as_of, **options)
    yield pa.RecordBatch.from_pydict({"partial": [pickle.dumps(metrics)]}, schema=pa.schema([("partial", pa.binary())]))


def dossier_metrics(frame: Any, calendar, as_of, group_by: Sequence[str] = ("unit",), stop_at_first_error: bool = False,
                    keep_late: bool = False, receipt_day_counts: bool = False, cutoff_minute: int | None = None):
    """parindex.read_dossiers for a PySpark DataFrame with the dossier layout's columns
    (strings, dates, timestamps, integers or booleans): one partial per partition, merged on
    the driver. Rejected rows are numbered within their partition."""
    options = dict(group_by=list(group_by), stop_at_first_error=stop_at_first_error, keep_late=keep_late,
                   receipt_day_counts=receipt_day_counts, cutoff_minute=cutoff_minute)

    def per_partition(batches):
        return partial_metrics(batches, calendar, as_of, **options)

    rows = frame.mapInArrow(per_partition, "partial binary").collect()
    parts = [pickle.loads(row["partial"]) for row in rows]
    if not parts:  # an empty DataFrame: the figures of no rows
        import pyarrow as pa

        empty = pa.table({name: pa.array([], pa.string()) for name in frame.columns})
        return read_source(empty, calendar, as_of, **options)
    merged = merge_dossier_metrics(parts)
    check_read(merged, calendar, "spark DataFrame")
    return merged
