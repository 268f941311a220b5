"""The JSON Schemas in docs/schemas describe the documents parindex reads and writes."""

import json

import jsonschema
import pytest

import parindex


def schema(root, name):
    return json.loads((root / "docs/schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def check(root, name, document):
    jsonschema.Draft202012Validator(schema(root, name)).validate(document)


NAMES = ("framework", "assessment", "scorecard", "ranking", "gaps", "plan", "plan_review", "holidays", "commitment",
         "commitment_review", "units", "survey", "improvement", "whatif", "uncertainty")


def test_schemas_are_valid(root):
    for name in NAMES:
        jsonschema.Draft202012Validator.check_schema(schema(root, name))


def test_shipped_documents_match(root):
    """Every document shipped in data/ and examples/ matches the schema it names."""
    paths = list((root / "data").rglob("*.json")) + list((root / "examples").rglob("*.json"))
    assert len(paths) >= 12
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        name = doc["schema"].removeprefix("parindex.").split("/")[0]
        check(root, name, doc)


def test_written_documents_match(root, framework, bac_son):
    check(root, "framework", framework.to_dict())
    check(root, "scorecard", bac_son.to_dict())
    check(root, "gaps", parindex.gaps(bac_son).to_dict())
    check(root, "ranking", parindex.rank([bac_son], groups="national").to_dict())
    plan = parindex.Plan.load(str(root / "examples/plans/dong-ha-2024.json"))
    check(root, "plan", plan.to_dict())
    import datetime as dt
    check(root, "plan_review", parindex.review(plan, parindex.vietnam_calendar(2024, 2025), dt.date(2024, 6, 15)).to_dict())
    c = parindex.Commitment.load(str(root / "examples/commitments/dong-ha-2024.json"))
    check(root, "commitment", c.to_dict())
    check(root, "commitment_review", parindex.review_commitment(c, parindex.vietnam_calendar(2024, 2025), dt.date(2024, 9, 30)).to_dict())


def test_decision_documents_match(root, framework):
    units = [parindex.Assessment.load(p) for p in sorted((root / "examples/langson-2023").glob("*.json"))]
    plan = parindex.improve(framework, units, "bac-son", "group=A", groups="national",
                            efforts=root / "examples/langson-2023/efforts/bac-son.csv")
    check(root, "improvement", json.loads(plan.to_json()))
    r = parindex.uncertainty(framework, units, survey_error=2, draws=50, groups="national", versus="huu-lung",
                             sensitivity=True)
    check(root, "uncertainty", json.loads(r.to_json()))
    for name, golden in [("improvement", "bac-son.improve.json"), ("whatif", "langson-2023.whatif.json")]:
        check(root, name, json.loads((root / "tests/golden" / golden).read_text(encoding="utf-8")))


@pytest.mark.parametrize("file", ["08-unknown-key.framework.json", "09-negative-max.framework.json",
                                  "20-unknown-index.framework.json", "27-adjustment-kind.framework.json"])
def test_schema_rejects_what_the_loader_rejects(root, file):
    doc = json.loads((root / "tests/malformed" / file).read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        check(root, "framework", doc)


def test_scorecard_rounded_at_a_depth_matches(root):
    """A PAPI scorecard (rounding exact) and one rounded at a depth both match the schema."""
    doc = json.loads((root / "data/frameworks/papi-2021.json").read_text(encoding="utf-8"))
    doc["rounding"] = {"mode": "round_at_depth", "decimals": 4, "depth": 1}
    fw = parindex.Framework.from_dict(doc)
    frame = parindex.papi(root / "data/papi/papi-subdimensions-2018-2024.tsv", year=2021)
    assert len(frame) == 63
    a = {"schema": "parindex.assessment/1", "framework": fw.id, "year": 2021,
         "unit": {"code": "x", "name": "X", "level": "province"},
         "criteria": {c.code: {"value": c.max_points / 2} for c in fw.criteria if "." in c.code}}
    card = parindex.evaluate(fw, parindex.Assessment.from_dict(a)).to_dict()
    assert card["rounding"] == {"mode": "round_at_depth", "decimals": 4, "depth": 1}
    check(root, "scorecard", card)
