"""parindex.sipas: SIPAS-style survey results as DataFrames, from a path or a DataFrame."""

import json
import math
import subprocess
import sys

import pandas as pd
import pytest

import parindex


@pytest.fixture
def design(root):
    return root / "data/surveys/sipas-2023-elements.json"


@pytest.fixture
def responses(root):
    return root / "examples/sipas/responses.invented.csv"


TINY = {
    "schema": "parindex.survey/1", "id": "tiny", "name": "Tiny",
    "options": {"min_responses": 3},
    "elements": [{"name": "A", "questions": [{"id": "a1"}, {"id": "a2"}]}, {"name": "B", "questions": [{"id": "b1"}]}],
}


def tiny_frame():
    # a1: 3 of 4 satisfied; a2: 1 of 2 (one blank); b1: 2 of 4; as in tests/cpp/test_survey.cpp
    rows = [("r1", "a1", 5), ("r2", "a1", 4), ("r3", "a1", 2), ("r4", "a1", 4), ("r1", "a2", 4), ("r2", "a2", None),
            ("r3", "a2", 1), ("r1", "b1", 5), ("r2", "b1", 5), ("r3", "b1", 3), ("r4", "b1", 2)]
    return pd.DataFrame([("u1", *r) for r in rows], columns=["unit", "respondent", "question", "answer"])


def test_shipped_design(design):
    d = parindex.read_survey_design(str(design))
    assert d.elements[2] == "công chức trực tiếp giải quyết công việc"
    assert len(d.questions) == 17
    assert (d.scale_max, d.satisfied_from, d.element_index, d.overall_index) == (5, 4, "mean_of_questions", "mean_of_elements")
    assert "1001/QĐ-BNV" in d.notes and "ILLUSTRATIVE" in d.notes


def test_sipas_on_the_invented_survey(design, responses):
    r = parindex.sipas(design, responses)
    assert list(r.overall.columns) == ["unit", "element", "question", "respondents", "responses", "satisfied", "index",
                                       "ci_low", "ci_high", "too_few"]
    assert list(r.overall["unit"]) == ["so-tu-phap", "so-xay-dung", "xa-hoa-binh", "xa-tan-lap"]
    assert r.overall.set_index("unit")["too_few"].to_dict() == {
        "so-tu-phap": False, "so-xay-dung": False, "xa-hoa-binh": False, "xa-tan-lap": True}
    assert len(r.elements) == 4 * 5 and len(r.questions) == 4 * 17
    for frame in (r.overall, r.elements, r.questions):
        assert frame["index"].notna().all()
        assert ((frame["ci_low"] <= frame["index"]) & (frame["index"] <= frame["ci_high"])).all()
    assert r.overall["element"].isna().all() and r.elements["question"].isna().all()
    res = r.results
    assert res.rows_read == res.answers_used + res.no_answers and res.no_answers > 0
    best = r.overall.set_index("unit")["index"]
    assert best["so-tu-phap"] > best["so-xay-dung"]  # generated at 92% and 78%
    assert r.overall_index("xa-tan-lap") == best["xa-tan-lap"]


def test_a_dataframe_gives_the_same_as_the_file(design, responses):
    from_file = parindex.sipas(design, responses).questions
    frame = pd.read_csv(responses)  # blanks become NaN, answers float
    assert frame["answer"].isna().any()
    pd.testing.assert_frame_equal(parindex.sipas(design, frame).questions, from_file)


def test_hand_computed_tiny_survey():
    r = parindex.sipas(TINY, tiny_frame())
    a1 = r.questions.set_index("question").loc["a1"]
    assert (a1["responses"], a1["satisfied"], a1["index"]) == (4, 3, 75.0)
    assert math.isclose(a1["ci_low"], 30.0642, abs_tol=1e-4) and math.isclose(a1["ci_high"], 95.4413, abs_tol=1e-4)
    assert r.questions.set_index("question").loc["a2", "too_few"]  # 2 respondents, minimum 3
    assert r.overall["index"][0] == 56.25  # mean of elements A (62.5) and B (50)
    pooled = parindex.sipas(TINY, tiny_frame(), element_index="pooled", overall_index="pooled")
    assert pooled.overall["index"][0] == 60.0  # 6 of 10 answers
    assert math.isclose(pooled.elements["index"][0], 400 / 6)


def test_errors_name_where():
    bad = tiny_frame()
    bad.loc[3, "question"] = "zz"
    with pytest.raises(parindex.ValidationError, match="unit u1, respondent r4, question zz: not a question of survey tiny"):
        parindex.sipas(TINY, bad)
    bad = tiny_frame()
    bad.loc[1, "answer"] = 4.5
    with pytest.raises(parindex.DocumentError, match=r"DataFrame:3, column answer: \"4.5\" is not a whole number"):
        parindex.sipas(TINY, bad)
    bad = tiny_frame()
    bad.loc[0, "answer"] = 7
    with pytest.raises(parindex.ValidationError, match="answer 7 is outside 1..5"):
        parindex.sipas(TINY, bad)
    twice = pd.concat([tiny_frame(), tiny_frame().iloc[[0]]])
    with pytest.raises(parindex.ValidationError, match="respondent r1, question a1: answered twice"):
        parindex.sipas(TINY, twice)
    with pytest.raises(parindex.ArgumentError, match="lacks the columns answer"):
        parindex.sipas(TINY, tiny_frame().drop(columns="answer"))
    with pytest.raises(parindex.ArgumentError, match="unknown value \"median\""):
        parindex.sipas(TINY, tiny_frame(), element_index="median")
    with pytest.raises(parindex.ArgumentError, match="has no responses in survey tiny"):
        parindex.sipas(TINY, tiny_frame()).overall_index("nowhere")


def test_feeds_bac_son_field_9(root, framework, design, responses):
    index = parindex.sipas(design, responses).overall_index("so-tu-phap")
    doc = parindex.Assessment.load(str(root / "examples/langson-2023/bac-son.json")).to_dict()
    doc["criteria"]["9"] = {"value": index}
    card = parindex.evaluate(framework, parindex.Assessment.from_dict(doc))
    nine = card.line("9")
    assert nine.achieved == parindex.round_half_up(index * 20 / 100, 2)


def test_generator_marks_invented_data(root, design, tmp_path):
    script = root / "scripts/generate_survey.py"
    out = tmp_path / "x.invented.csv"
    run = [sys.executable, str(script), "--design", str(design), "--unit", "a:0.8:5", "--seed", "7", "--out"]
    subprocess.run(run + [str(out)], check=True)
    first = out.read_text(encoding="utf-8")
    subprocess.run(run + [str(out)], check=True)
    assert out.read_text(encoding="utf-8") == first  # a seed gives the same file
    assert len(pd.read_csv(out)) == 5 * 17
    refused = subprocess.run(run + [str(tmp_path / "x.csv")], capture_output=True, text=True)
    assert refused.returncode != 0 and ".invented.csv" in refused.stderr
