"""The command line's CSV and the matching DataFrame: the same columns and the same rows."""

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import parindex

# The tool `pip install .` put beside the interpreter, or another one named by PARINDEX_CLI.
TOOL = Path(os.environ.get("PARINDEX_CLI", Path(sys.executable).parent / "parindex"))


def cli_frame(*args) -> pd.DataFrame:
    if not TOOL.exists():
        pytest.skip("parindex was not installed with pip here (a development checkout)")
    out = subprocess.run([str(TOOL), *map(str, args), "--format", "csv"], capture_output=True, text=True, check=True)
    return pd.read_csv(io.StringIO(out.stdout), keep_default_na=False, dtype=str)


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the CSV writes it: numbers shortest, empty for none, ISO dates."""
    def cell(v):
        if v is None or (isinstance(v, float) and v != v) or v is pd.NaT:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float):
            return f"{round(v, 9):.9f}".rstrip("0").rstrip(".")
        if isinstance(v, pd.Timestamp):
            return v.date().isoformat() if v == v.normalize() else v.isoformat(sep=" ")
        return str(v)
    return frame.apply(lambda column: column.map(cell)).astype(str)


def test_dossier_metrics(root):
    log = root / "tests/data/dossiers/sample.csv"
    calendar = parindex.vietnam_calendar(2013, 2199)
    metrics = parindex.read_dossiers(str(log), calendar, dt.date(2024, 5, 10))
    cli = cli_frame("dossiers", log, "--as-of", "2024-05-10")
    frame = as_text(metrics.to_frame())
    assert list(cli.columns) == list(frame.columns)
    pd.testing.assert_frame_equal(cli, frame)


def test_rank(root):
    framework = parindex.Framework.load(root / "data/frameworks/langson-district-2023.json")
    files = sorted((root / "examples/langson-2023").glob("*.json"))
    cards = [parindex.evaluate(framework, parindex.Assessment.load(f)) for f in files]
    cli = cli_frame("rank", "--groups", "national", root / "data/frameworks/langson-district-2023.json", *files)
    frame = parindex.rank(cards, groups="national").to_frame()
    assert list(cli.columns) == list(frame.columns)
    assert list(cli["unit"]) == list(frame["unit"]) and list(cli["label"]) == list(frame["label"])
    assert [float(v) for v in cli["total"]] == [round(v, 2) for v in frame["total"]]


def test_plan_and_commitments(root):
    calendar = parindex.vietnam_calendar(2024, 2025)
    plan = parindex.Plan.load(root / "examples/plans/bac-son-2024.json")
    cli = cli_frame("plan", root / "examples/plans/bac-son-2024.json", "--as-of", "2024-06-15")
    frame = parindex.review(plan, calendar, dt.date(2024, 6, 15)).to_frame()
    assert list(cli.columns) == list(frame.columns)
    assert list(cli["id"]) == list(frame["id"]) and list(cli["state"]) == list(frame["state"])
    commitment = parindex.Commitment.load(root / "examples/commitments/dong-ha-2024.json")
    cli = cli_frame("commitments", root / "examples/commitments/dong-ha-2024.json", "--as-of", "2024-09-30")
    frame = parindex.review_commitment(commitment, calendar, dt.date(2024, 9, 30)).to_frame()
    assert list(cli.columns) == list(frame.columns)
    assert list(cli["id"]) == list(frame["id"]) and list(cli["status"]) == list(frame["status"])
