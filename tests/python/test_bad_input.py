"""The Python half of the bad-input catalogue (issue 12): arguments and files that once were
accepted silently or escaped as another exception, each a parindex error naming where and what."""
import datetime as dt

import pytest

import parindex

HEADER = ("dossier_id,unit_code,level,procedure_code,field,received_at,processing_days,resolved_at,"
          "fully_online,paid_online,digitised,apology_issued")


@pytest.fixture
def calendar():
    return parindex.vietnam_calendar(2022, 2025)


@pytest.fixture
def sample(root):
    return str(root / "tests/data/dossiers/sample.csv")


@pytest.mark.parametrize("threads", [-1, 0, 10**6])
def test_threads_out_of_range(sample, calendar, threads):
    with pytest.raises(parindex.ArgumentError, match=f"threads: expected 1 to 64 parts, got {threads}"):
        parindex.read_dossiers(sample, calendar, dt.date(2024, 5, 10), threads=threads)


def test_negative_cutoff(sample, calendar):
    with pytest.raises(parindex.ArgumentError, match="cutoff_minute: expected a minute of the day from 0 to 1440, got -60"):
        parindex.read_dossiers(sample, calendar, dt.date(2024, 5, 10), cutoff_minute=-60)
    with pytest.raises(parindex.ArgumentError, match="got -1"):
        parindex.due_day(calendar, dt.datetime(2024, 2, 7, 9, 0), 1, cutoff_minute=-1)


def test_due_day_negative_days(calendar):
    with pytest.raises(parindex.ArgumentError, match="due_day: expected 0 to 3650 working days, got -5"):
        parindex.due_day(calendar, dt.datetime(2024, 2, 7, 9, 0), -5)


@pytest.mark.parametrize("decimals", [-5, 18])
def test_format_fixed_decimals(decimals):
    with pytest.raises(parindex.ArgumentError, match=f"format_fixed: decimals must be a whole number from 0 to 17, got {decimals}"):
        parindex.format_fixed(1.0, decimals)


def test_format_fixed_huge_number_not_cut():
    assert len(parindex.format_fixed(1e308, 2)) == 312


def test_directories_are_io_errors(root, calendar):
    with pytest.raises(parindex.FileError, match="frameworks: is a directory, not a document file"):
        parindex.Framework.load(str(root / "data/frameworks"))
    with pytest.raises(parindex.FileError, match="dossiers: is a directory, not a dossier log"):
        parindex.read_dossiers(str(root / "tests/data/dossiers"), calendar, dt.date(2024, 5, 10))


def test_plan_action_beyond_2199_names_the_action(root):
    plan = parindex.Plan.load(str(root / "tests/malformed/72-action-due-2200.plan.json"))
    cal = parindex.vietnam_calendar(2024, 2199)
    with pytest.raises(parindex.ArgumentError, match="action quarterly-report: date 2200-03-12: outside calendar"):
        parindex.review(plan, cal, dt.date(2024, 6, 1))


def test_commitment_year_0001(root):
    with pytest.raises(parindex.Error, match=r"/targets/0 \(target apology\): period \"0001\" is not YYYY-Qn or YYYY"):
        c = parindex.Commitment.load(str(root / "tests/malformed/81-period-year-0001.commitment.json"))
        parindex.review_commitment(c, parindex.vietnam_calendar(2024, 2025), dt.date(2024, 9, 30))


def test_invalid_utf8_is_a_rejected_row(root, calendar, tmp_path):
    log = tmp_path / "log.csv"
    log.write_bytes((HEADER + "\n").encode() + b"D1,x\xc3\x28,district,P1,f,2024-03-04,5,,0,0,0,0\n"
                    b"D2,x,district,P1,f,2024-03-04,5,,0,0,0,0\n")
    m = parindex.read_dossiers(str(log), calendar, dt.date(2024, 5, 10))
    assert (m.rows_read, m.rows_used, m.rows_rejected) == (2, 1, 1)
    assert m.rejections[0].reason == "byte 5 of the line is not valid UTF-8"
    with pytest.raises(parindex.DocumentError, match="log.csv:2: byte 5 of the line is not valid UTF-8"):
        parindex.read_dossiers(str(log), calendar, dt.date(2024, 5, 10), stop_at_first_error=True)


def test_group_keys_are_tuples(calendar, tmp_path):
    log = tmp_path / "keys.csv"
    log.write_text(HEADER + "\n"
                   "D1,a\x1fb,district,P1,c,2024-03-04,5,2024-03-05,0,0,0,0\n"
                   "D2,a,district,P1,b\x1fc,2024-03-04,5,2024-03-05,0,0,0,0\n", encoding="utf-8")
    m = parindex.read_dossiers(str(log), calendar, dt.date(2024, 5, 10), group_by=["field", "unit"])
    assert sorted(tuple(g.key) for g in m.groups) == [("b\x1fc", "a"), ("c", "a\x1fb")]


@pytest.mark.parametrize("month, day", [(13, 40), (0, 1), (2, 31)])
def test_lunar_date_out_of_range(month, day):
    with pytest.raises(parindex.ArgumentError, match=f"lunar date 2023-{month:02d}-{day:02d}: expected a month 1–12 and a day 1–30"):
        parindex.LunarDate(2023, month, day)
