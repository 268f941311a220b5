import datetime as dt

import pytest

import parindex


@pytest.fixture
def calendar():
    return parindex.vietnam_calendar(2022, 2025)


def test_read_dossiers(root, calendar):
    m = parindex.read_dossiers(str(root / "tests/data/dossiers/sample.csv"), calendar, dt.date(2024, 5, 10),
                               group_by=["unit"], keep_late=True)
    assert (m.rows_read, m.rows_used, m.rows_rejected) == (16, 10, 6)
    frame = m.to_frame().set_index("unit")
    assert frame.loc["xa-a", "late"] == 1
    assert round(frame.loc["xa-a", "on_time_rate"], 2) == 66.67
    assert frame.loc["huyen", "apology_coverage"] is None or frame["apology_coverage"].isna()["huyen"]
    late = m.late_frame()
    assert list(late["id"]) == ["D003", "D004", "D005"]
    assert late.loc[late["id"] == "D004", "working_days_late"].item() == 6
    assert m.late[0].received == dt.datetime(2024, 3, 1, 8, 0)
    # Received at 16:40 with a 16:00 cutoff: counted from the next working day, after Tết.
    assert parindex.due_day(calendar, dt.datetime(2024, 2, 7, 16, 40), 1, cutoff_minute=16 * 60) == dt.date(2024, 2, 16)
    assert m.rejections[0].line == 11
    assert "rows read 16 = used 10 + rejected 6" in repr(m)
    with pytest.raises(parindex.DocumentError, match="sample.csv:11: expected 12 columns"):
        parindex.read_dossiers(str(root / "tests/data/dossiers/sample.csv"), calendar, dt.date(2024, 5, 10),
                               stop_at_first_error=True)
    with pytest.raises(parindex.ArgumentError, match="unknown key"):
        parindex.read_dossiers(str(root / "tests/data/dossiers/sample.csv"), calendar, dt.date(2024, 5, 10), group_by=["ward"])


def test_scorecard_from_dossiers(root, framework, calendar):
    log = parindex.read_dossiers(str(root / "examples/dossiers/bac-son-2023.invented.csv"), calendar, dt.date(2023, 12, 31),
                                 group_by=["unit", "level"])
    a = parindex.Assessment.load(str(root / "examples/dossiers/bac-son-2023-assessment.invented.json"))
    card = parindex.evaluate(framework, a, log)
    assert card.line("3.5.3").dossier_units == ["xa-nhat-tien"]
    assert parindex.format_fixed(card.line("7.2").achieved, 2) == "0.88"
    with pytest.raises(parindex.ValidationError, match="takes its value from a dossier log"):
        parindex.evaluate(framework, a)


def test_commitments(root, calendar):
    c = parindex.Commitment.load(str(root / "examples/commitments/dong-ha-2024.json"))
    r = parindex.review_commitment(c, calendar, dt.date(2024, 9, 30))
    frame = r.to_frame().set_index("id")
    assert frame.loc["fully-online", "status"] == "at_risk"
    assert frame.loc["initiatives", "status"] == "met"
    assert frame.loc["investment", "report"] == "overdue"
    assert round(frame.loc["budget-revenue", "projection"], 2) == 93.24
    assert parindex.Commitment.from_dict(c.to_dict()) == c
    counts = parindex.read_dossiers(str(root / "tests/data/dossiers/sample.csv"), calendar, dt.date(2024, 11, 20)).all
    updated = c.with_dossier_actuals(counts, dt.date(2024, 11, 20))
    r2 = parindex.review_commitment(updated, calendar, dt.date(2024, 11, 20)).to_frame().set_index("id")
    assert r2.loc["fully-online", "latest_period"] == "2024-Q4"


def test_read_dossiers_refuses_an_uncovered_or_wholly_rejected_log(root, tmp_path):
    log = root / "examples/dossiers/bac-son-2023.invented.csv"
    with pytest.raises(parindex.ArgumentError,
                       match=r"covers 2025–2025, but 3420 of 3420 rows lie outside it \(first, line 2: received_at 2023"):
        parindex.read_dossiers(log, parindex.vietnam_calendar(2025, 2025), dt.date(2023, 12, 31))
    lines = (root / "tests/data/dossiers/sample.csv").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([lines[0]] + [l for i, l in enumerate(lines, 1) if i in (11, 12, 14)]) + "\n", encoding="utf-8")
    with pytest.raises(parindex.DocumentError, match=r"bad.csv: every one of the 3 rows was rejected: .*unknown level 1"):
        parindex.read_dossiers(bad, parindex.vietnam_calendar(2024, 2024), dt.date(2024, 5, 10))


def test_rejections_frame(root, calendar):
    m = parindex.read_dossiers(root / "tests/data/dossiers/sample.csv", calendar, dt.date(2024, 5, 10))
    frame = m.rejections_frame()
    assert list(frame.columns) == ["line", "reason"]
    assert len(frame) == m.rows_rejected == sum(m.rejected_by.values())
    assert list(frame["line"]) == [r.line for r in m.rejections] and frame["line"].iloc[0] == 11


def test_frames_have_categorical_states_and_numeric_targets(root, calendar):
    import pandas as pd

    c = parindex.Commitment.load(root / "examples/commitments/dong-ha-2024.json")
    frame = parindex.review_commitment(c, calendar, dt.date(2024, 9, 30)).to_frame()
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype) and frame["status"].cat.ordered
    assert list(frame["status"].cat.categories) == ["missed", "at_risk", "no_data", "on_track", "met"]
    assert list(frame["target_value"]) == [t.value for t in c.targets]
    assert list(frame["comparator"]) == [t.comparator for t in c.targets]
    assert pd.api.types.is_float_dtype(frame["target_value"])
    plan = parindex.Plan.load(root / "examples/plans/bac-son-2024.json")
    states = parindex.review(plan, calendar, dt.date(2024, 6, 15)).to_frame()["state"]
    assert states.sort_values().iloc[0] == "overdue" and states.cat.ordered
