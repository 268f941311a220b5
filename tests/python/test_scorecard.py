import csv
import json

import pandas as pd
import pytest

import parindex


def test_bac_son_totals(bac_son):
    assert parindex.format_fixed(bac_son.max_points, 2) == "99.50"
    assert parindex.format_fixed(bac_son.total, 2) == "84.87"
    assert parindex.format_fixed(bac_son.lost, 2) == "14.63"
    assert parindex.format_fixed(bac_son.index_percent, 2) == "85.30"
    assert repr(bac_son) == "<Scorecard bac-son 2023: 84.87/99.50 = 85.30%>"


def test_line_access_and_explanations(bac_son):
    line = bac_son.line("3.5.3")
    assert (line.max_points, line.achieved, line.decided_by) == (0.5, 0.25, "rule")
    assert line.explanation == "84.59% is in [80%, 90%) → 0.25 of 0.50"
    assert line.cause.startswith("Có UBND cấp xã")
    with pytest.raises(parindex.ArgumentError, match="criterion 99: not on the scorecard"):
        bac_son.line("99")


def test_frame_rows_match_the_cli_csv(bac_son, root):
    """The DataFrame holds the rows `parindex score --format csv` prints (its golden file)."""
    frame = bac_son.to_frame()
    with open(root / "tests/golden/bac-son.score.csv", newline="", encoding="utf-8") as f:
        cli_rows = [r for r in csv.DictReader(f) if r["code"] != "total"]
    assert list(frame.columns) == list(cli_rows[0].keys())
    assert len(frame) == len(cli_rows)
    for (_, row), cli in zip(frame.iterrows(), cli_rows):
        assert row["code"] == cli["code"]
        assert row["title"] == cli["title"]
        assert str(row["depth"]) == cli["depth"]
        for column in ("max", "achieved", "lost"):
            assert parindex.format_fixed(row[column], 2) == cli[column], (row["code"], column)
        assert (parindex.format_fixed(row["percent"], 2) if pd.notna(row["percent"]) else "") == cli["percent"]
        for column in ("decided_by", "explanation", "cause", "lead_agency"):
            assert row[column] == cli[column]


def test_frame_sums(bac_son):
    frame = bac_son.to_frame()
    fields = frame[frame["depth"] == 1]
    assert len(fields) == 9
    assert round(fields["achieved"].sum(), 2) == 84.87
    assert round(fields["lost"].sum(), 2) == 14.63


def test_scorecard_json_document(bac_son):
    doc = bac_son.to_dict()
    assert doc["schema"] == "parindex.scorecard/1"
    assert doc["achieved"] == 84.87
    assert [l["code"] for l in doc["lines"]][:3] == ["1", "1.6.2", "1.*"]


def test_html_repr_for_notebooks(bac_son):
    html = bac_son._repr_html_()
    assert "<table" in html and "Huyện Bắc Sơn (bac-son)" in html  # the heading names the unit
    assert "84.87 of 99.50 points, index 85.30%" in html


def test_notebook_views_have_captions(root, framework, bac_son):
    html = bac_son._repr_html_()
    assert "langson-district-2023 · 2023: 84.87 of 99.50 points, index 85.30%" in html
    assert "<td>&nbsp;&nbsp;1.6.2</td>" in html and "<td>1</td>" in html  # codes indented by depth
    assert ">95.00<" in html and "95.000000" not in html  # the framework's decimals
    table = parindex.gaps(bac_son)._repr_html_()
    assert "14.63 points lost in 19 criteria" in table and table.count("<table") == 2
    cards = [parindex.evaluate(framework, parindex.Assessment.load(p))
             for p in sorted((root / "examples/langson-2023").glob("*.json"))]
    assert "langson-district-2023 · 2023: 11 units ranked" in parindex.rank(cards)._repr_html_()
    plan = parindex.Plan.load(root / "examples/plans/bac-son-2024.json")
    review = parindex.review(plan, parindex.vietnam_calendar(2024, 2024), "2024-06-15")
    assert "as of 2024-06-15: 2 done, 3 overdue, 14 upcoming" in review._repr_html_()
