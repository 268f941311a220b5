import datetime as dt

import pytest

import parindex


def test_lunar_conversions():
    assert parindex.to_lunar(dt.date(2024, 2, 10)) == parindex.LunarDate(2024, 1, 1)
    assert parindex.from_lunar(2024, 1, 1) == dt.date(2024, 2, 10)
    assert parindex.from_lunar(2023, 2, 15, leap=True) == dt.date(2023, 4, 5)
    assert repr(parindex.to_lunar(dt.date(2023, 4, 5))) == "LunarDate(2023, 2, 15, leap=True)"
    # Vietnam (UTC+7) and China (UTC+8) disagree on Tết 1985.
    assert parindex.from_lunar(1985, 1, 1) == dt.date(1985, 1, 21)
    assert parindex.from_lunar(1985, 1, 1, utc_offset_hours=8) == dt.date(1985, 2, 20)
    with pytest.raises(parindex.ArgumentError, match="lunar year 2024 has no leap month"):
        parindex.from_lunar(2024, 4, 1, leap=True)


def test_vietnam_calendar_2026():
    cal = parindex.vietnam_calendar(2025, 2027)
    tet = [d.date for d in cal.days_off(2026) if "Tết Nguyên đán" in d.name]
    assert tet[0] == dt.date(2026, 2, 14) and tet[-1] == dt.date(2026, 2, 22) and len(tet) == 9
    assert cal.add_working_days(dt.date(2025, 12, 31), 1) == dt.date(2026, 1, 5)
    assert cal.is_working_day(dt.date(2026, 1, 10))  # a Saturday worked
    assert cal.count_working_days(dt.date(2026, 2, 1), dt.date(2026, 3, 1)) == 15
    frame = cal.days_off_frame(2027)
    assert frame["projected"].all()
    assert repr(cal) == "<WorkCalendar 'VN' 2025–2027>"
    with pytest.raises(parindex.ArgumentError, match="outside calendar VN, which covers 2025–2027"):
        cal.is_working_day(dt.date(2028, 1, 3))


def test_calendar_matches_numpy_busday_count():
    np = pytest.importorskip("numpy")
    cal = parindex.vietnam_calendar(2024, 2025)
    holidays = [d.date for y in (2024, 2025) for d in cal.days_off(y) if d.date.weekday() < 5]
    start, end = dt.date(2024, 1, 1), dt.date(2025, 12, 31)
    # numpy has no worked Saturdays: compare only on a window without one.
    assert cal.count_working_days(dt.date(2024, 6, 1), dt.date(2025, 4, 1)) == int(
        np.busday_count(dt.date(2024, 6, 1), dt.date(2025, 4, 1), holidays=holidays))
    assert start < end


def test_custom_calendars_compose():
    cal = parindex.vietnam_calendar(2024, 2024)
    province = cal.with_days_off([parindex.DayOff(dt.date(2024, 10, 10), "Ngày của tỉnh")], "VN + tỉnh")
    assert not province.is_working_day(dt.date(2024, 10, 10))
    assert cal.is_working_day(dt.date(2024, 10, 10))
    saturdays = cal.with_weekend([6], "VN, Saturday mornings worked")
    assert saturdays.is_working_day(dt.date(2024, 3, 2))
    office = parindex.WorkCalendar.from_days("office", 2024, 2024, [parindex.DayOff(dt.date(2024, 6, 3), "closure")])
    both = parindex.joint(cal, office)
    assert not both.is_working_day(dt.date(2024, 6, 3))
    assert not both.is_working_day(dt.date(2024, 2, 12))


def test_deadlines_from_dicts():
    cal = parindex.vietnam_calendar(2024, 2024)
    quarterly = parindex.Deadline.from_dict({"kind": "quarterly", "day": 12, "text": "chậm nhất ngày 12 của tháng cuối quý"})
    assert quarterly.resolve(cal, {}, dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == [
        dt.date(2024, 3, 12), dt.date(2024, 6, 12), dt.date(2024, 9, 12), dt.date(2024, 12, 12)]
    after = parindex.Deadline.from_dict({"kind": "after_event", "event": "papi_published", "days": 5})
    assert after.resolve(cal, {}, dt.date(2024, 1, 1), dt.date(2024, 12, 31)) is None
    assert after.missing_event({}) == "papi_published"
    assert after.resolve(cal, {"papi_published": dt.date(2024, 4, 2)}, dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == [
        dt.date(2024, 4, 8)]
    with pytest.raises(parindex.DocumentError, match="unknown deadline"):
        parindex.Deadline.from_dict({"kind": "soon"})


def test_plan_review(root):
    plan = parindex.Plan.load(str(root / "examples/plans/bac-son-2024.json"))
    cal = parindex.vietnam_calendar(2024, 2025)
    r = parindex.review(plan, cal, dt.date(2024, 6, 15))
    frame = r.to_frame()
    assert list(frame.loc[frame["state"] == "overdue", "id"]) == ["IV.2d-VHTT", "IV.2d-VP", "IV.3"]
    agencies = r.agencies_frame()
    assert agencies.set_index("agency").loc["Phòng Tài chính - Kế hoạch", "actions"] == 10
    assert repr(r) == "<PlanReview as of 2024-06-15: 2 done, 3 overdue, 14 upcoming>"
    assert parindex.Plan.from_dict(plan.to_dict()) == plan


def test_events_and_drafts(root, bac_son):
    plan = parindex.Plan.load(str(root / "examples/plans/sa-dec-2023.json"))
    cal = parindex.vietnam_calendar(2023, 2024)
    waiting = parindex.review(plan, cal, dt.date(2023, 7, 1))
    assert {a.state for a in waiting.actions} == {"unresolved"}
    known = parindex.review(plan.with_events({"plan_issued": dt.date(2023, 6, 20)}), cal, dt.date(2023, 7, 1))
    assert [a.next_due for a in known.actions[:2]] == [dt.date(2023, 7, 5)] * 2
    draft = parindex.draft_plan(parindex.gaps(bac_son), "UBND huyện Bắc Sơn", dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert len(draft.actions) == 19
    assert draft.actions[0].lead_agency == "Phòng Nội vụ"
    with pytest.raises(parindex.ValidationError, match="marked done without evidence"):
        doc = plan.to_dict()
        doc["actions"][0]["status"] = "done"
        doc["actions"][0]["completed_on"] = "2023-07-01"
        parindex.Plan.from_dict(doc)


def test_dates_outside_boost_range_are_argument_errors():
    import datetime as dt

    import parindex

    with pytest.raises(parindex.ArgumentError, match="from the year 1400 to 9999"):
        parindex.to_lunar(dt.date(1, 1, 1))
    with pytest.raises(parindex.ArgumentError, match="from the year 1400 to 9999"):
        parindex.vietnam_calendar(2024, 2024).covers(dt.date(1, 1, 1))


def test_any_date_like_is_a_date():
    import datetime

    import numpy as np
    import pandas as pd

    expected = parindex.to_lunar(datetime.date(2024, 2, 10))  # Tết Giáp Thìn: 1/1 of the lunar year
    assert (expected.year, expected.month, expected.day) == (2024, 1, 1)
    for like in ["2024-02-10", np.datetime64("2024-02-10"), np.datetime64("2024-02-10T15:30"),
                 pd.Timestamp("2024-02-10 08:00"), datetime.datetime(2024, 2, 10, 23, 59)]:
        got = parindex.to_lunar(like)
        assert (got.year, got.month, got.day) == (2024, 1, 1), like
    with pytest.raises(parindex.ArgumentError, match='date "2024-02-30"'):
        parindex.to_lunar("2024-02-30")
    with pytest.raises(parindex.ArgumentError, match="NaT"):
        parindex.to_lunar(np.datetime64("NaT"))


def test_frames_carry_dates_as_datetime64(root):
    import pandas as pd

    days = parindex.vietnam_calendar(2024, 2024).days_off_frame(2024)
    assert pd.api.types.is_datetime64_any_dtype(days["date"])
    assert days["date"].iloc[0] == pd.Timestamp("2024-01-01")
    plan = parindex.Plan.load(root / "examples/plans/bac-son-2024.json")
    review = parindex.review(plan, parindex.vietnam_calendar(2024, 2024), "2024-06-15").to_frame()
    assert pd.api.types.is_datetime64_any_dtype(review["next_due"])
