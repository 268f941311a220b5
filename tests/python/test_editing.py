"""Editable documents (issue 10): change plans, assessments and commitments in Python, then
evaluate or review them, without dicts; each edit returns a new, checked document."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import parindex


@pytest.fixture
def plan(root):
    return parindex.Plan.load(root / "examples/plans/bac-son-2024.json")


def test_edit_a_drafted_plan_and_review_it(bac_son):
    cal = parindex.vietnam_calendar(2024, 2024)
    draft = parindex.draft_plan(parindex.gaps(bac_son), "UBND huyện Bắc Sơn", "2024-01-01", "2024-12-31")
    first = draft.actions[0].id
    edited = draft.replace_action(first, deadline="2024-03-29", lead_agency="Văn phòng HĐND và UBND huyện")
    assert draft.actions[0].lead_agency == "Phòng Nội vụ"  # the original is untouched
    review = parindex.review(edited, cal, dt.date(2024, 4, 15))
    moved = next(a for a in review.actions if a.id == first)
    assert (moved.state, moved.missed, moved.lead_agency) == ("overdue", [dt.date(2024, 3, 29)],
                                                              "Văn phòng HĐND và UBND huyện")
    assert {a.state for a in review.actions if a.id != first} == {"upcoming"}
    # Add one, remove one: a date-like of any kind is a fixed deadline.
    more = edited.remove_action(draft.actions[1].id).add_action(
        id="extra", criteria=["7.3.1"], lead_agency="Phòng Nội vụ", deadline=np.datetime64("2024-06-28"))
    assert [a.id for a in more.actions] == [first] + [a.id for a in draft.actions[2:]] + ["extra"]
    assert parindex.review(more, cal, dt.date(2024, 7, 1)).to_frame().set_index("id").loc["extra", "state"] == "overdue"


def test_plan_edits_are_checked(plan):
    with pytest.raises(parindex.ArgumentError, match="no id 'nope'; there are 1.6.2, 3.5.3"):
        plan.replace_action("nope", note="x")
    with pytest.raises(parindex.ArgumentError, match="already has an action '1.6.2'"):
        plan.add_action(plan.actions[0])
    with pytest.raises(parindex.ArgumentError, match="unknown field.*deadlines"):
        plan.replace_action("1.6.2", deadlines="2024-01-01")
    with pytest.raises(parindex.ValidationError, match=r"/actions/1 \(action 3.5.3\): is marked done without evidence"):
        plan.replace_action("3.5.3", status="done", completed_on=dt.date(2024, 5, 2))
    done = plan.replace_action("3.5.3", status="done", completed_on=pd.Timestamp("2024-05-02"), evidence=["Báo cáo"])
    assert done.actions[1].completed_on == dt.date(2024, 5, 2)
    assert plan.replace(period_last="2025-06-30").period_last == dt.date(2025, 6, 30)
    # An action taken from another plan keeps its fields.
    taken = plan.remove_action("3.5.3").add_action(plan.actions[1]).actions[-1]
    assert (taken.id, taken.tasks, taken.implementing, taken.deadline.to_dict()) == (
        "3.5.3", plan.actions[1].tasks, plan.actions[1].implementing, plan.actions[1].deadline.to_dict())


def test_edit_an_assessment_then_evaluate(framework, root):
    a = parindex.Assessment.load(root / "examples/langson-2023/bac-son.json")
    before = parindex.evaluate(framework, a)
    better = a.with_criterion("3.5.3", value=np.float64(96))
    after = parindex.evaluate(framework, better)
    line_before, line_after = before.line("3.5.3"), after.line("3.5.3")
    assert line_after.achieved > line_before.achieved
    assert after.total == pytest.approx(before.total + line_after.achieved - line_before.achieved)
    assert a.replace(year=2024).year == 2024 and a.year == 2023
    assert "6.4" not in a.without_criterion("6.4").codes
    with pytest.raises(parindex.DocumentError, match="/criteria/3.5.3/value: expected true/false, a number"):
        a.with_criterion("3.5.3", value=[1, 2])


def test_edit_a_commitment_then_review(root):
    c = parindex.Commitment.load(root / "examples/commitments/dong-ha-2024.json")
    cal = parindex.vietnam_calendar(2024, 2024)
    first = c.targets[0]
    with_q4 = c.with_actual(first.id, "2024-Q4", 100, reported_on=dt.date(2024, 12, 10))
    assert [a.period for a in with_q4.targets[0].actuals][-1] == "2024-Q4"
    assert with_q4.targets[0].actuals[-1].reported_on == dt.date(2024, 12, 10)
    assert len(c.targets[0].actuals) == len(with_q4.targets[0].actuals) - 1
    replaced = with_q4.with_actual(first.id, "2024-Q4", 90)
    assert [a.value for a in replaced.targets[0].actuals if a.period == "2024-Q4"] == [90]
    review = parindex.review_commitment(replaced, cal, dt.date(2024, 12, 31)).to_frame().set_index("id")
    assert review.loc[first.id, "latest"] == 90 and review.loc[first.id, "status"] == "missed"
    added = c.remove_target(c.targets[1].id).add_target(id="new", title="Hồ sơ đúng hạn", metric="on_time_rate",
                                                        comparator=">=", value=95, unit="%", responsible="UBND")
    assert [t.id for t in added.targets] == [t.id for t in c.targets if t.id != c.targets[1].id] + ["new"]
    assert c.replace_target(first.id, value=95).targets[0].value == 95
