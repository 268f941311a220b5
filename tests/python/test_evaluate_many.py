"""evaluate_many: the same totals as evaluate, from assessments and from long and wide frames."""

import json

import numpy as np
import pandas as pd
import pytest

import parindex

DISTRICTS = ["bac-son.json", "chi-lang.invented.json", "dinh-lap.invented.json", "huu-lung.invented.json"]


@pytest.fixture
def assessments(root):
    return [parindex.Assessment.load(str(root / "examples/langson-2023" / name)) for name in DISTRICTS]


def long_frame(assessments) -> pd.DataFrame:
    """The assessments as a long frame, one row per unit and criterion."""
    rows = []
    for a in assessments:
        for code, entry in a.to_dict()["criteria"].items():
            rows.append({
                "unit": a.unit_code, "name": a.unit_name, "code": code,
                "value": entry.get("value"), "appraised": entry.get("appraised_score"),
                "self": entry.get("self_score"), "not_applicable": entry.get("not_applicable", False),
                "evidence": bool(entry.get("evidence")),
            })
    return pd.DataFrame(rows)


def test_from_assessments_equals_per_unit(framework, assessments):
    batch = parindex.evaluate_many(framework, assessments)
    totals = batch.totals(groups="national").set_index("unit")
    for a in assessments:
        card = parindex.evaluate(framework, a)
        assert totals.loc[a.unit_code, "total"] == card.total
        assert totals.loc[a.unit_code, "index_percent"] == card.index_percent
        assert batch.scorecard(a.unit_code).to_dict() == card.to_dict()
    ranked = parindex.rank([parindex.evaluate(framework, a) for a in assessments], groups="national").to_frame()
    assert list(totals.sort_values(["rank", "unit"]).index) == list(ranked["unit"])
    assert list(totals.loc[ranked["unit"], "group"]) == list(ranked["group"])


def test_long_frame_equals_per_unit(framework, assessments):
    frame = long_frame(assessments)
    batch = parindex.evaluate_many(framework, frame)
    assert batch.unit_names[0] == "Huyện Bắc Sơn"
    wide = batch.wide()
    for a in assessments:
        card = parindex.evaluate(framework, a)
        assert batch.totals().set_index("unit").loc[a.unit_code, "total"] == card.total
        for line in card.lines:
            assert wide.loc[a.unit_code, line.code] == line.achieved, line.code
    # 84.87 / 99.50, Decision 102/QĐ-UBND of Lạng Sơn (see examples/README.md)
    bac_son = batch.totals().set_index("unit").loc["bac-son"]
    assert parindex.format_fixed(bac_son["total"], 2) == "84.87"
    assert parindex.format_fixed(bac_son["max"], 2) == "99.50"
    long = batch.long()
    assert len(long) == len(assessments) * len(framework)
    assert set(long["decided_by"]) <= {"appraised", "rule", "self_assessed", "children", "not_applicable"}


def test_wide_frame_with_numpy_scalars():
    fw = parindex.Framework.from_dict({
        "schema": "parindex.framework/2", "id": "xa", "name": "Khung xã", "period": {"from": 2024, "to": 2024},
        "legal_source": "invented for a test", "aggregation": "sum",
        "criteria": [
            {"code": "1", "title": "Lĩnh vực 1", "max": 3},
            {"code": "1.1", "title": "Tỷ lệ đúng hạn", "max": 1,
             "rule": {"kind": "bands", "unit": "%", "bands": [{"range": "[0, 90)", "points": 0}, {"range": "[90, 100]", "points": 1}]}},
            {"code": "1.2", "title": "Xếp loại", "max": 2,
             "rule": {"kind": "graded", "levels": [{"name": "tốt", "share": 1}, {"name": "khá", "share": 0.5}]}},
        ],
    })
    frame = pd.DataFrame({"unit": ["a", "b", "c"], "1.1": [np.float64(95), np.int64(80), 90],
                          "1.2": ["tốt", "khá", np.nan]})
    with pytest.raises(parindex.ValidationError, match=r"assessment of c, criterion 1.2: has no score"):
        parindex.evaluate_many(fw, frame)
    batch = parindex.evaluate_many(fw, frame, missing="not_applicable")
    totals = batch.totals().set_index("unit")
    assert list(totals["total"]) == [3.0, 1.0, 1.0]
    assert list(totals["max"]) == [3.0, 3.0, 1.0]
    assert batch.scorecard("c").line("1.2").decided_by == "not_applicable"


def test_errors_name_unit_and_code(framework, assessments):
    frame = long_frame(assessments)
    bad = frame.copy()
    row = bad.index[(bad["unit"] == "huu-lung") & (bad["code"] == "3.5.3")][0]
    bad.loc[row, "value"] = 150.0
    with pytest.raises(parindex.ValidationError, match=r"assessment of huu-lung, criterion 3.5.3: 150% falls in none of the bands"):
        parindex.evaluate_many(framework, bad)
    twice = pd.concat([frame, frame.iloc[[0]]])
    with pytest.raises(parindex.ValidationError, match="appears twice"):
        parindex.evaluate_many(framework, twice)
    unknown = frame.assign(code=frame["code"].replace({"3.5.3": "3.5.9"}))
    with pytest.raises(parindex.ArgumentError, match="3.5.9"):
        parindex.evaluate_many(framework, unknown)
    with pytest.raises(parindex.ArgumentError, match="missing must be"):
        parindex.evaluate_many(framework, frame, missing="zero")


def test_bad_cells_name_unit_and_code(framework, assessments):
    frame = long_frame(assessments)
    row = frame.index[(frame["unit"] == "chi-lang") & (frame["code"] == "1.*")][0]
    for column, value, message in [
        ("not_applicable", "no", "not_applicable must be true or false"),
        ("appraised", "x", "appraised must be a number"),
    ]:
        bad = frame.astype({column: object}).copy()
        bad.loc[row, column] = value
        with pytest.raises(parindex.ValidationError, match=f"assessment of chi-lang, criterion 1.\\*: {message}"):
            parindex.evaluate_many(framework, bad)
    nameless = frame.astype({"unit": object}).copy()
    nameless.loc[row, "unit"] = None
    with pytest.raises(parindex.ValidationError, match=f"row {row} of the long frame has no unit"):
        parindex.evaluate_many(framework, nameless)
    with pytest.raises(parindex.ArgumentError, match="appears twice"):
        parindex.evaluate_many(framework, [assessments[0], assessments[0]])
    with pytest.raises(parindex.ArgumentError, match="Assessments only"):
        parindex.evaluate_many(framework, [assessments[0], "bac-son.json"])
    with pytest.raises(parindex.ArgumentError, match="must be a year"):
        parindex.evaluate_many(framework, frame, year="next")


def test_inputs_keep_their_kind():
    """A number in a graded or yes/no column is not read as a level or as true."""
    fw = parindex.Framework.from_dict({
        "schema": "parindex.framework/2", "id": "k", "name": "k", "period": {"from": 2024, "to": 2024},
        "legal_source": "invented for a test", "aggregation": "sum",
        "criteria": [
            {"code": "1", "title": "A", "max": 3},
            {"code": "1.1", "title": "B", "max": 1, "rule": {"kind": "yes_no"}},
            {"code": "1.2", "title": "C", "max": 2,
             "rule": {"kind": "graded", "levels": [{"name": "tốt", "share": 1}, {"name": "khá", "share": 0.5}]}},
        ],
    })
    ok = pd.DataFrame({"unit": ["a"], "1.1": [True], "1.2": ["khá"]})
    assert parindex.evaluate_many(fw, ok).totals()["total"].tolist() == [2.0]
    with pytest.raises(parindex.ValidationError, match="assessment of a, criterion 1.2: the graded rule needs a level name"):
        parindex.evaluate_many(fw, pd.DataFrame({"unit": ["a"], "1.1": [True], "1.2": [1.0]}))
    with pytest.raises(parindex.ValidationError, match="assessment of a, criterion 1.1: the yes_no rule needs true or false"):
        parindex.evaluate_many(fw, pd.DataFrame({"unit": ["a"], "1.1": [1.0], "1.2": ["tốt"]}))
    dicts = pd.DataFrame({"unit": ["a"], "1.1": [np.bool_(True)], "1.2": ["tốt"]})
    assert parindex.evaluate_many(fw, dicts).totals()["total"].tolist() == [3.0]
