import json
import re

import pytest

import parindex

MINIMAL = {
    "schema": "parindex.framework/1",
    "id": "xa-2024",
    "name": "Chỉ số CCHC cấp xã",
    "period": {"from": 2024},
    "legal_source": "invented for a test",
    "criteria": [
        {"code": "1", "title": "Lĩnh vực 1", "max": 3},
        {"code": "1.1", "title": "Tiêu chí 1.1", "max": 1, "rule": {"kind": "yes_no"}},
        {"code": "1.2", "title": "Tiêu chí 1.2", "max": 2,
         "rule": {"kind": "graded", "levels": [{"name": "tốt", "share": 1}, {"name": "khá", "share": 0.75}]}},
        {"code": "2", "title": "Lĩnh vực 2", "max": 1, "rule": {"kind": "survey_index"}, "source": "survey"},
    ],
}


def assessment(**criteria):
    return {
        "schema": "parindex.assessment/1",
        "framework": "xa-2024",
        "unit": {"code": "xa-a", "name": "Xã A", "level": "commune"},
        "year": 2024,
        "criteria": criteria,
    }


def test_build_from_dicts_and_evaluate():
    fw = parindex.Framework.from_dict(MINIMAL)
    assert fw.total_max == 4
    assert [c.code for c in fw.criteria] == ["1", "1.1", "1.2", "2"]
    assert fw.criterion("1.2").rule == "graded"
    assert fw.criterion("2").source == "survey"
    a = parindex.Assessment.from_dict(assessment(**{"1.1": {"value": True}, "1.2": {"value": "khá"}, "2": {"value": 90}}))
    card = parindex.evaluate(fw, a)
    assert card.achieved == 3.4
    assert card.line("1.2").explanation == 'level "khá" earns 75% → 1.50 of 2.00'


def test_round_trip_through_dicts(framework):
    again = parindex.Framework.from_dict(framework.to_dict())
    assert again == framework
    a = parindex.Assessment.from_dict(assessment(**{"1.1": {"value": False}}))
    assert parindex.Assessment.from_dict(a.to_dict()) == a


def test_repr(framework):
    assert repr(framework) == "<Framework 'langson-district-2023' par_index 2023–2023: 33 nodes, 99.50 points>"
    assert repr(framework.criterion("4.2")) == "<Criterion 4.2 'Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021' max 2.00>"


@pytest.mark.parametrize(
    "mutate, error, text",
    [
        (lambda d: d.update(schema="parindex.framework/7"), parindex.DocumentError, "version 7 is newer"),
        (lambda d: d["criteria"][1].update(points=1), parindex.DocumentError, '/criteria/1/points: unknown key "points"'),
        (lambda d: d["criteria"][1].update(max=1.5), parindex.ValidationError, "/criteria/0 (criterion 1): max 3.00 but its children (1.1, 1.2) add to 3.50"),
        (lambda d: d["criteria"].append({"code": "3.1", "title": "x", "max": 1}), parindex.ValidationError, "child under a missing parent"),
    ],
)
def test_errors_are_python_exceptions(mutate, error, text):
    doc = json.loads(json.dumps(MINIMAL))
    mutate(doc)
    with pytest.raises(error, match=re.escape(text)):
        parindex.Framework.from_dict(doc)


def test_error_hierarchy():
    assert issubclass(parindex.DocumentError, parindex.Error)
    assert issubclass(parindex.ValidationError, ValueError)
    assert issubclass(parindex.FileError, OSError)
    with pytest.raises(parindex.FileError) as info:
        parindex.Framework.load("/nonexistent/framework.json")
    assert info.value.where == "/nonexistent/framework.json"
    assert info.value.detail == "cannot open the file for reading"
    with pytest.raises(parindex.DocumentError) as info:
        parindex.Framework.from_json('{"schema": ')
    assert info.value.where.startswith("line 1, column")


def test_evaluation_errors_name_the_criterion(framework):
    a = parindex.Assessment.from_dict({
        "schema": "parindex.assessment/1", "framework": "langson-district-2023",
        "unit": {"code": "x", "name": "X"}, "year": 2023, "criteria": {"2": {"appraised_score": 7.5}}})
    with pytest.raises(parindex.ValidationError, match=r"criterion 2: the appraised score 7.5 lies outside \[0, 7.00\]"):
        parindex.evaluate(framework, a)


def test_malformed_table(root):
    """Every case of the shared table (documents and logs) gives its expected error in Python too,
    loaded as tests/cpp/test_malformed.cpp loads it."""
    import datetime as dt

    kinds = {"document": parindex.DocumentError, "validation": parindex.ValidationError,
             "argument": parindex.ArgumentError, "io": parindex.FileError}
    fw = parindex.Framework.load(str(root / "data/frameworks/langson-district-2023.json"))
    cal = parindex.vietnam_calendar(2013, 2199)
    rows = [l.rstrip("\n").split("\t") for l in open(root / "tests/malformed/cases.tsv", encoding="utf-8")
            if l.strip() and not l.startswith("#")]
    assert len(rows) >= 90

    def load(file, path):
        if ".framework." in file:
            parindex.Framework.load(path)
        elif ".holidays." in file:
            cal.with_holidays_file(path)
        elif ".deadline." in file:
            with open(path, encoding="utf-8") as f:
                spec = parindex.Deadline.from_json(f.read())
            spec.resolve(cal, {"plan_issued": dt.date(2024, 3, 1)}, dt.date(2024, 1, 1), dt.date(2025, 12, 31))
        elif ".plan." in file:
            plan = parindex.Plan.load(path)
            try:
                parindex.review(plan, cal, plan.period_first)
            except parindex.Error as e:
                raise type(e)(f"{path}: {e}") from e
        elif ".commitment." in file:
            c = parindex.Commitment.load(path)
            try:
                parindex.review_commitment(c, cal, dt.date(2024, 9, 30))
            except parindex.Error as e:
                raise type(e)(f"{path}: {e}") from e
        elif ".dossiers." in file:
            return repr(parindex.read_dossiers(path, cal, dt.date(2024, 12, 31), stop_at_first_error=True))
        else:
            parindex.evaluate(fw, parindex.Assessment.load(path))

    for file, kind, expected in rows:
        path = str(root / "tests/malformed" / file)
        if kind == "ok":
            assert expected in load(file, path), file
            continue
        with pytest.raises(kinds[kind]) as info:
            load(file, path)
        assert expected in str(info.value), file


def test_loaders_take_any_path_like(root):
    """data_dir() returns a Path, and every loader takes one (issue 10)."""
    fw = parindex.Framework.load(parindex.data_dir() / "frameworks" / "langson-district-2023.json")
    a = parindex.Assessment.load(root / "examples/langson-2023/bac-son.json")
    assert parindex.evaluate(fw, a).total == pytest.approx(84.87)
    assert parindex.Plan.load(root / "examples/plans/bac-son-2024.json") is not None
    assert parindex.Commitment.load(root / "examples/commitments/dong-ha-2024.json") is not None


def test_from_dict_takes_numpy_scalars_and_names_a_nan():
    import numpy as np

    doc = json.loads(json.dumps(MINIMAL))
    doc["criteria"][1]["max"] = np.int64(1)
    doc["criteria"][0]["max"] = np.float64(3)
    assert parindex.Framework.from_dict(doc).total_max == 4
    doc["criteria"][1]["max"] = float("nan")
    with pytest.raises(parindex.DocumentError, match="/criteria/1/max: expected a finite number, got nan"):
        parindex.Framework.from_dict(doc)


def test_from_dict_takes_dates_and_names_a_wrong_type(root):
    import datetime as dt

    import numpy as np
    import pandas as pd

    doc = parindex.Plan.load(root / "examples/plans/bac-son-2024.json").to_dict()
    for like in (dt.date(2024, 2, 1), pd.Timestamp("2024-02-01"), np.datetime64("2024-02-01"),
                 np.datetime64("2024-02-01T00:00:00.000000000")):
        doc["issued_on"] = like
        assert parindex.Plan.from_dict(doc).issued_on == dt.date(2024, 2, 1), like
    doc["actions"][2]["note"] = {1, 2}
    with pytest.raises(parindex.DocumentError, match=r"/actions/2/note: expected a string, number.*got set \{1, 2\}"):
        parindex.Plan.from_dict(doc)
