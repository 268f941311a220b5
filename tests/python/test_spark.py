"""parindex.spark on a local Spark session gives exactly the single-machine figures."""

import datetime as dt
import os
import sys
import time

import pytest

import parindex

from conftest import ROOT

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")

import parindex.spark  # noqa: E402

AS_OF = dt.date(2023, 12, 31)
LOG = ROOT / "examples/dossiers/bac-son-2023.invented.csv"


@pytest.fixture(scope="module")
def spark():
    """One local session for the module: starting the JVM is the expensive part."""
    from pyspark.sql import SparkSession

    # The workers run this interpreter, whose environment has parindex and pyarrow.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    started = time.perf_counter()
    session = (SparkSession.builder.master("local[2]").appName("parindex-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
               .config("spark.sql.session.timeZone", "Asia/Ho_Chi_Minh").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    print(f"spark session started in {time.perf_counter() - started:.1f} s")
    yield session
    session.stop()


def figures(m):
    counts = ("total", "early", "on_time", "late", "pending", "pending_overdue", "fully_online", "paid_online",
              "digitised", "apologised")
    return (m.group_by, m.rows_read, m.rows_used, m.rows_rejected, dict(m.rejected_by),
            [(tuple(g.key), tuple(getattr(g.counts, c) for c in counts)) for g in m.groups])


@pytest.mark.parametrize("typed", [True, False], ids=["timestamps", "strings"])
def test_spark_matches_the_single_machine(spark, typed):
    calendar = parindex.vietnam_calendar(2020, 2030)
    local = parindex.read_dossiers(LOG, calendar, AS_OF, group_by=["unit", "quarter"], keep_late=True)
    frame = spark.read.csv(str(LOG), header=True, inferSchema=typed).repartition(5)
    assert frame.rdd.getNumPartitions() == 5
    if typed:
        assert dict(frame.dtypes)["received_at"] == "timestamp"
    distributed = parindex.spark.dossier_metrics(frame, calendar, AS_OF, group_by=["unit", "quarter"], keep_late=True)
    assert figures(distributed) == figures(local)
    # The late dossiers, each once, in the partitions' order (Spark's).
    assert len(local.late) > 0
    assert sorted((d.id, d.due, d.received, d.resolved, d.status, d.working_days_late) for d in distributed.late) == \
        sorted((d.id, d.due, d.received, d.resolved, d.status, d.working_days_late) for d in local.late)


def test_spark_rejections_add_up(spark):
    calendar = parindex.vietnam_calendar(2022, 2025)
    sample = ROOT / "tests/data/dossiers/sample.csv"
    local = parindex.read_dossiers(sample, calendar, dt.date(2024, 5, 10))
    frame = spark.read.csv(str(sample), header=True, inferSchema=False, mode="PERMISSIVE")
    distributed = parindex.spark.dossier_metrics(frame.repartition(3), calendar, dt.date(2024, 5, 10))
    assert distributed.rows_read == distributed.rows_used + distributed.rows_rejected
    assert [tuple(g.key) for g in distributed.groups] == [tuple(g.key) for g in local.groups]
    assert distributed.all.total == local.all.total


def test_a_criterion_takes_its_input_from_spark(spark, framework):
    """The merged figures feed a scorecard as a local log does."""
    calendar = parindex.vietnam_calendar(2020, 2030)
    assessment = parindex.Assessment.load(str(ROOT / "examples/dossiers/bac-son-2023-assessment.invented.json"))
    local = parindex.read_dossiers(LOG, calendar, AS_OF, group_by=["unit", "level"])
    frame = spark.read.csv(str(LOG), header=True, inferSchema=True).repartition(3)
    distributed = parindex.spark.dossier_metrics(frame, calendar, AS_OF, group_by=["unit", "level"])
    by_spark = parindex.evaluate(framework, assessment, distributed)
    by_file = parindex.evaluate(framework, assessment, local)
    assert by_spark.to_frame().equals(by_file.to_frame())
    assert by_spark.line("3.5.3").dossier_units == by_file.line("3.5.3").dossier_units == ["xa-nhat-tien"]
    assert by_spark.line("7.2").achieved == by_file.line("7.2").achieved
