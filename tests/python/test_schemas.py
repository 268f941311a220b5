"""The JSON Schemas in docs/schemas describe the documents parindex reads and writes."""

import json

import jsonschema
import pytest

import parindex


def schema(root, name):
    return json.loads((root / "docs/schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def check(root, name, document):
    jsonschema.Draft202012Validator(schema(root, name)).validate(document)


def test_schemas_are_valid(root):
    for name in ("framework", "assessment", "scorecard", "ranking", "gaps"):
        jsonschema.Draft202012Validator.check_schema(schema(root, name))


def test_shipped_documents_match(root):
    for path in (root / "data/frameworks").glob("*.json"):
        check(root, "framework", json.loads(path.read_text(encoding="utf-8")))
    for path in (root / "examples").rglob("*.json"):
        check(root, "assessment", json.loads(path.read_text(encoding="utf-8")))


def test_written_documents_match(root, framework, bac_son):
    check(root, "framework", framework.to_dict())
    check(root, "scorecard", bac_son.to_dict())
    check(root, "gaps", parindex.gaps(bac_son).to_dict())
    check(root, "ranking", parindex.rank([bac_son], groups="national").to_dict())


@pytest.mark.parametrize("file", ["08-unknown-key.framework.json", "09-negative-max.framework.json",
                                  "20-unknown-index.framework.json", "27-adjustment-kind.framework.json"])
def test_schema_rejects_what_the_loader_rejects(root, file):
    doc = json.loads((root / "tests/malformed" / file).read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        check(root, "framework", doc)
