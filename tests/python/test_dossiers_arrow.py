"""Dossier logs from Arrow streams, DataFrames and Parquet give exactly the CSV reader's figures."""

import datetime as dt
import pickle
import sys

import pytest

import parindex

from conftest import ROOT

pa = pytest.importorskip("pyarrow")
pa_csv = pytest.importorskip("pyarrow.csv")
pq = pytest.importorskip("pyarrow.parquet")

AS_OF = dt.date(2023, 12, 31)
BY = ["unit", "month"]
COLUMNS = ["dossier_id", "unit_code", "level", "procedure_code", "field", "received_at", "processing_days",
           "resolved_at", "fully_online", "paid_online", "digitised", "apology_issued"]


@pytest.fixture(scope="module")
def calendar():
    return parindex.vietnam_calendar(2020, 2030)


@pytest.fixture(scope="module")
def log():
    return ROOT / "examples/dossiers/bac-son-2023.invented.csv"


def figures(m):
    """Everything a result says, row numbers of rejections apart."""
    counts = ("total", "early", "on_time", "late", "pending", "pending_overdue", "fully_online", "paid_online",
              "digitised", "apologised")
    return (m.group_by, m.rows_read, m.rows_used, m.rows_rejected, dict(m.rejected_by),
            [(tuple(g.key), tuple(getattr(g.counts, c) for c in counts)) for g in m.groups],
            tuple(getattr(m.all, c) for c in counts))


def late(m):
    return [(d.id, d.unit, d.received, d.due, d.resolved, d.status, d.working_days_late, d.apologised) for d in m.late]


def test_typed_sources_match_the_csv(log, calendar, tmp_path):
    polars = pytest.importorskip("polars")
    duckdb = pytest.importorskip("duckdb")
    pandas = pytest.importorskip("pandas")
    csv = parindex.read_dossiers(log, calendar, AS_OF, group_by=BY, keep_late=True)
    assert csv.rows_used == 3420 and len(csv.late) > 0
    table = pa_csv.read_csv(log)  # timestamps, int64 flags, nulls for pending
    assert table.schema.field("received_at").type == pa.timestamp("s")
    pq.write_table(table, tmp_path / "log.parquet")
    folder = tmp_path / "parts"
    folder.mkdir()
    for i, start in enumerate(range(0, table.num_rows, 1000)):
        pq.write_table(table.slice(start, 1000), folder / f"part-{i}.parquet")
    sources = {
        "pyarrow table": table,
        "record batch reader": pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=97)),
        "polars (string views, datetimes)": polars.read_csv(log, try_parse_dates=True),
        "polars (strings)": polars.read_csv(log, infer_schema=False),
        "pandas": pandas.read_csv(log),
        "duckdb": duckdb.sql(f"select * from read_csv('{log}')"),
        "parquet file": tmp_path / "log.parquet",
        "parquet folder": str(folder),
        "booleans, dates, dictionaries": table.set_column(
            table.schema.get_field_index("unit_code"), "unit_code", table["unit_code"].dictionary_encode()).set_column(
            table.schema.get_field_index("digitised"), "digitised", table["digitised"].cast(pa.bool_())).set_column(
            table.schema.get_field_index("level"), "level", table["level"].cast(pa.large_string())),
    }
    for name, source in sources.items():
        m = parindex.read_dossiers(source, calendar, AS_OF, group_by=BY, keep_late=True)
        assert figures(m) == figures(csv), name
        assert late(m) == late(csv), name
    # Dates without times count from the day's start, as "YYYY-MM-DD" does in the CSV.
    dates = table.set_column(5, "received_at", table["received_at"].cast(pa.date32()))
    assert table.column_names[5] == "received_at"
    text = pa.Table.from_pydict({**{c: table[c] for c in COLUMNS},
                                 "received_at": pa.array([t.strftime("%Y-%m-%d") for t in table["received_at"].to_pylist()])})
    assert figures(parindex.read_dossiers(dates, calendar, AS_OF, group_by=BY)) == \
        figures(parindex.read_dossiers(text, calendar, AS_OF, group_by=BY))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate_dossiers
    finally:
        sys.path.pop(0)
    path = tmp_path_factory.mktemp("generated") / "log.csv"
    bad = generate_dossiers.generate(str(path), 120_000, seed=7)
    assert bad > 0
    return path


def test_generated_log_with_bad_rows(generated, calendar, tmp_path):
    """A larger log with malformed rows: every column read as text, so each bad value reaches
    parindex; pyarrow's CSV reader drops the rows with a wrong column count, the one check
    that belongs to CSV alone."""
    cal = parindex.vietnam_calendar(2021, 2025)
    as_of = dt.date(2023, 6, 30)
    csv = parindex.read_dossiers(generated, cal, as_of, group_by=["level", "field", "quarter"])
    dropped = []
    table = pa_csv.read_csv(
        generated, convert_options=pa_csv.ConvertOptions(column_types={c: pa.string() for c in COLUMNS}),
        parse_options=pa_csv.ParseOptions(invalid_row_handler=lambda row: dropped.append(row) or "skip"))
    assert len(dropped) == csv.rejected_by.get("wrong column count", 0) > 0
    (tmp_path / "ds").mkdir()
    for i, start in enumerate(range(0, table.num_rows, 25_000)):
        pq.write_table(table.slice(start, 25_000), tmp_path / "ds" / f"part-{i}.parquet", row_group_size=10_000)
    for source in (table, tmp_path / "ds"):
        m = parindex.read_dossiers(source, cal, as_of, group_by=["level", "field", "quarter"])
        assert m.rows_read == m.rows_used + m.rows_rejected == csv.rows_read - len(dropped)
        assert [(tuple(g.key), g.counts.total, g.counts.late, g.counts.pending_overdue) for g in m.groups] == \
            [(tuple(g.key), g.counts.total, g.counts.late, g.counts.pending_overdue) for g in csv.groups]
        expected = dict(csv.rejected_by)
        del expected["wrong column count"]
        assert dict(m.rejected_by) == expected
        assert [r.reason for r in m.rejections] == [r.reason for r in csv.rejections if not r.reason.startswith("expected 12")]
    # Rows are numbered from 1 in stream order.
    first = parindex.read_dossiers(table, cal, as_of).rejections[0]
    assert table.slice(first.line - 1, 1)["received_at"][0].as_py() in first.reason or \
        table.slice(first.line - 1, 1)["processing_days"][0].as_py() in first.reason or \
        table.slice(first.line - 1, 1)["level"][0].as_py() in first.reason or \
        table.slice(first.line - 1, 1)["resolved_at"][0].as_py() in first.reason


def small(**columns):
    """A two-row log with the given columns replaced."""
    base = {
        "dossier_id": ["D1", "D2"], "unit_code": ["xa-a", "xa-b"], "level": ["commune", "commune"],
        "procedure_code": ["P1", "P1"], "field": ["ho_tich", "ho_tich"],
        "received_at": pa.array([dt.datetime(2024, 3, 4, 8), dt.datetime(2024, 3, 5, 9)], pa.timestamp("us")),
        "processing_days": [3, 5], "resolved_at": pa.array([dt.datetime(2024, 3, 6, 10), None], pa.timestamp("us")),
        "fully_online": [1, 0], "paid_online": [0, 0], "digitised": [True, False], "apology_issued": [0, 1],
    }
    base.update(columns)
    return pa.table({k: v for k, v in base.items() if v is not None})


def test_bad_values_are_rejected_rows_named_by_column(calendar):
    cases = [
        (dict(fully_online=[1, 2]), "bad flag", "fully_online 2 is not 0 or 1"),
        (dict(paid_online=pa.array([0, None], pa.int8())), "bad flag", "paid_online is empty (null), not 0 or 1"),
        (dict(processing_days=[3.0, 2.5]), "bad processing time", "processing_days 2.5 is not a whole number from 0 to 3650"),
        (dict(processing_days=[3, -1]), "negative processing time", "processing_days is negative (-1)"),
        (dict(received_at=["2024-03-04", "2024-02-30"]), "unparsable date",
         'received_at "2024-02-30" is not YYYY-MM-DD[ HH:MM[:SS]]'),
        (dict(received_at=pa.array([dt.date(2024, 3, 4), None], pa.date32())), "unparsable date", "received_at is empty (null)"),
        (dict(resolved_at=pa.array([dt.datetime(2024, 3, 6), dt.datetime(2024, 3, 1)], pa.timestamp("ms"))),
         "resolved before received", "resolved_at 2024-03-01 00:00 is before received_at 2024-03-05 09:00"),
        (dict(level=["commune", "ward"]), "unknown level", 'unknown level "ward"; expected province, district or commune'),
        (dict(unit_code=pa.array(["xa-a", None])), "missing unit", "the unit code is empty"),
        (dict(field=pa.array([b"a", b"x\xc3\x28"], pa.binary()).cast(pa.string(), safe=False)), "invalid UTF-8",
         "field: byte 2 is not valid UTF-8"),
    ]
    for columns, kind, reason in cases:
        m = parindex.read_dossiers(small(**columns), calendar, AS_OF)
        assert (m.rows_read, m.rows_used, m.rows_rejected) == (2, 1, 1), reason
        assert dict(m.rejected_by) == {kind: 1}
        assert (m.rejections[0].line, m.rejections[0].reason) == (2, reason)
        with pytest.raises(parindex.DocumentError, match=r"^arrow stream \(pyarrow.Table\): row 2: " + reason.replace("(", r"\(")
                           .replace(")", r"\)").replace("[", r"\[").replace("]", r"\]")):
            parindex.read_dossiers(small(**columns), calendar, AS_OF, stop_at_first_error=True)


def test_bad_columns_name_the_column(calendar, tmp_path):
    with pytest.raises(parindex.DocumentError, match="no column received_at; a dossier log has the columns dossier_id, "):
        parindex.read_dossiers(small(received_at=None), calendar, AS_OF)
    with pytest.raises(parindex.DocumentError, match="column received_at: a timestamp with a time zone"):
        parindex.read_dossiers(small(received_at=pa.array([dt.datetime(2024, 3, 4)] * 2, pa.timestamp("s", tz="UTC"))),
                               calendar, AS_OF)
    with pytest.raises(parindex.DocumentError, match=r'column processing_days: the Arrow type "tdD" does not fit; expected integers'):
        parindex.read_dossiers(small(processing_days=pa.array([dt.date(2024, 1, 1)] * 2)), calendar, AS_OF)
    with pytest.raises(parindex.DocumentError, match=r'column unit_code: the Arrow type "\+l" is not one parindex reads'):
        parindex.read_dossiers(small(unit_code=[["a"], ["b"]]), calendar, AS_OF)
    pq.write_table(small(digitised=None), tmp_path / "short.parquet")
    with pytest.raises(parindex.DocumentError, match="short.parquet: no column digitised"):
        parindex.read_dossiers(tmp_path / "short.parquet", calendar, AS_OF)
    with pytest.raises(parindex.ArgumentError, match="read_dossiers: a list is not a dossier log"):
        parindex.read_dossiers([1, 2], calendar, AS_OF)


def test_extra_columns_and_order_do_not_matter(calendar):
    t = small()
    shuffled = t.select(list(reversed(t.column_names))).append_column("note", pa.array(["x", "y"]))
    assert figures(parindex.read_dossiers(shuffled, calendar, AS_OF)) == figures(parindex.read_dossiers(t, calendar, AS_OF))


def test_parts_merge_exactly(log, calendar):
    whole = parindex.read_dossiers(log, calendar, AS_OF, group_by=BY, keep_late=True)
    table = pa_csv.read_csv(log)
    parts = [parindex.read_dossiers(table.slice(s, 700), calendar, AS_OF, group_by=BY, keep_late=True)
             for s in range(0, table.num_rows, 700)]
    assert len(parts) == 5 and all(p.rows_read < whole.rows_read for p in parts)
    merged = parindex.merge_dossier_metrics(parts)
    assert figures(merged) == figures(whole)
    assert late(merged) == late(whole)
    # A part pickles (it travels from a worker to the driver) without losing anything.
    again = pickle.loads(pickle.dumps(parts[0]))
    assert figures(again) == figures(parts[0]) and late(again) == late(parts[0])
    assert figures(parindex.merge_dossier_metrics([])) == ([], 0, 0, 0, {}, [], (0,) * 10)
    with pytest.raises(parindex.ArgumentError, match="grouped by different keys"):
        parindex.merge_dossier_metrics([parts[0], parindex.read_dossiers(log, calendar, AS_OF)])


def test_string_views_short_and_long(log, calendar):
    """utf8_view columns: inline strings (no data buffer at all) and strings kept in data buffers."""
    table = pa_csv.read_csv(log)
    csv = parindex.read_dossiers(log, calendar, AS_OF, group_by=BY)
    short = table.set_column(table.schema.get_field_index("level"), "level", table["level"].cast(pa.string_view()))
    assert all(len(v) <= 12 for v in short["level"].to_pylist())
    long = short.set_column(table.schema.get_field_index("dossier_id"), "dossier_id",
                            pa.array([f"{v}-{'x' * 20}" for v in table["dossier_id"].to_pylist()], pa.string_view()))
    for name, source in {"inline views": short, "views in data buffers": long}.items():
        assert figures(parindex.read_dossiers(source, calendar, AS_OF, group_by=BY)) == figures(csv), name


def test_a_due_day_past_the_calendar_is_an_argument_error(calendar):
    """Received inside the calendar, due after its last year: the calendar error, naming the row."""
    end = parindex.vietnam_calendar(2023, 2023)
    row = {"dossier_id": "d1", "unit_code": "u", "level": "commune", "procedure_code": "p", "field": "f",
           "received_at": "2023-12-29 09:00", "processing_days": "5", "resolved_at": None, "fully_online": "0",
           "paid_online": "0", "digitised": "0", "apology_issued": "0"}
    table = pa.Table.from_pylist([row], schema=pa.schema([(c, pa.string()) for c in COLUMNS]))
    with pytest.raises(parindex.ArgumentError, match="covers 2023–2023, but 1 of 1 rows lie outside it .first, row 1: "
                                                      "the due day lies beyond the calendar's years"):
        parindex.read_dossiers(table, end, AS_OF)


def test_sources_that_do_not_convert_name_themselves(calendar, tmp_path):
    pandas = pytest.importorskip("pandas")
    mixed = pandas.DataFrame({c: ["x"] for c in COLUMNS})
    mixed["processing_days"] = pandas.Series([object()], dtype=object)
    with pytest.raises(parindex.DocumentError, match=r"\(pandas.DataFrame\): a column does not convert to Arrow: .*processing_days"):
        parindex.read_dossiers(mixed, calendar, AS_OF)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not a Parquet file")
    with pytest.raises(parindex.DocumentError, match="broken.parquet: not a readable Parquet dataset"):
        parindex.read_dossiers(broken, calendar, AS_OF)


def _struct_stream(table, mask=None, replace=None):
    """The table's rows as one struct column's stream: how a stream can carry null rows."""
    arrays = [replace.get(name, table[name].combine_chunks()) if replace else table[name].combine_chunks()
              for name in table.column_names]
    return pa.chunked_array([pa.StructArray.from_arrays(arrays, table.column_names, mask=mask)])


def test_malformed_streams_are_refused_by_name(log, calendar):
    """What no record batch holds, but a hand-made stream can: rows null as a whole, and a
    string view pointing past its data buffer."""
    table = pa_csv.read_csv(log).slice(0, 3)
    good = _struct_stream(table)
    assert parindex.read_dossiers(good, calendar, AS_OF).rows_read == 3
    with pytest.raises(parindex.DocumentError, match="rows that are null as a whole"):
        parindex.read_dossiers(_struct_stream(table, mask=pa.array([False, True, False])), calendar, AS_OF)
    # Three long ids (over 12 bytes, so kept in the data buffer); the data buffer cut short.
    ids = [f"{v}-{'x' * 20}" for v in table["dossier_id"].to_pylist()]
    views = pa.array(ids, pa.string_view())
    validity, view_buffer, data = views.buffers()
    short = pa.Array.from_buffers(pa.string_view(), 3, [validity, view_buffer, data.slice(0, 30)])
    with pytest.raises(parindex.DocumentError, match="column dossier_id: malformed Arrow data: a string view pointing past"):
        parindex.read_dossiers(_struct_stream(table, replace={"dossier_id": short}), calendar, AS_OF)
