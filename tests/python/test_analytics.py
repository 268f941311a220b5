"""Decision analytics from Python: what-if, improve and uncertainty, in the CLI's vocabulary."""

import csv

import numpy as np
import pandas as pd
import pytest

import parindex


@pytest.fixture
def framework(root):
    return parindex.Framework.load(root / "data/frameworks/langson-district-2023.json")


@pytest.fixture
def units(root):
    return [parindex.Assessment.load(p) for p in sorted((root / "examples/langson-2023").glob("*.json"))]


def golden_header(root, name):
    with open(root / "tests/golden" / name, encoding="utf-8") as f:
        return next(csv.reader(f))


def test_improve_bac_son_to_rank_one(framework, units):
    plan = parindex.improve(framework, units, "bac-son", "rank=1", groups="national")
    assert plan.reachable and plan.current_rank == 2 and plan.rank == 1 and plan.of == 11
    assert plan.required_total == pytest.approx(90.49)
    assert plan.cost == pytest.approx(5.62)
    steps = plan.to_frame()
    assert list(steps.columns) == parindex._analytics.STEP_COLUMNS
    assert steps["gain"].sum() == pytest.approx(5.62)
    assert "9" not in set(steps["code"])  # the survey is out of reach by default
    assert "rank 2 → 1 of 11" in repr(plan)


def test_improve_targets_and_efforts_in_every_form(framework, units, root):
    path = root / "examples/langson-2023/efforts/bac-son.csv"
    from_path = parindex.improve(framework, units, "bac-son", {"group": "A"}, efforts=path, groups="national")
    frame = pd.read_csv(path, dtype={"code": str})
    from_frame = parindex.improve(framework, units, "bac-son", "group=A", efforts=frame, groups="national")
    assert from_path.cost == from_frame.cost == pytest.approx(6)
    assert [s.code for s in from_path.steps] == [s.code for s in from_frame.steps]
    assert from_path.group == "A"
    as_numpy = parindex.improve(framework, units, "bac-son", np.int64(1), cost_per_step=np.float64(1))
    assert as_numpy.rank == 1
    with pytest.raises(parindex.ArgumentError, match="the groups are A, B"):
        parindex.improve(framework, units, "bac-son", "group=Z", groups="national")
    with pytest.raises(parindex.ArgumentError, match="unknown"):
        parindex.improve(framework, units, "bac-son", 1, efforts=[{"code": "3.5.3", "price": 1}])
    with pytest.raises(parindex.ArgumentError, match="target"):
        parindex.improve(framework, units, "bac-son", 2.5)


def test_what_if_matches_the_command_line(framework, units, root):
    scenarios = {"communes-95": [("bac-son", "3.5.3", np.float64(95))],
                 "inspections-clean": [{"units": "bac-son", "code": "6.1.2", "input": {"occurrences": {}}},
                                       {"unit": "bac-son", "code": "6.1.4", "appraised": 1.5}]}
    frame = parindex.what_if(framework, units, scenarios, groups="national")
    golden = pd.read_csv(root / "tests/golden/langson-2023.whatif.csv", keep_default_na=False)
    assert list(frame.columns) == list(golden.columns)
    assert len(frame) == len(golden) == 22
    for column in ["base_total", "total", "total_change", "base_index_percent", "index_percent"]:
        assert np.allclose(frame[column].round(2), golden[column].astype(float)), column
    for column in ["base_rank", "rank", "rank_change", "of"]:
        assert list(frame[column]) == list(golden[column]), column
    assert list(frame["group"]) == list(golden["group"])
    changes = pd.DataFrame([{"scenario": "c95", "units": "bac-son", "code": "3.5.3", "input": 95.0}])
    bac_son = parindex.what_if(framework, units, changes).query("unit == 'bac-son'").iloc[0]
    assert bac_son["total"] == pytest.approx(85.12)


def test_what_if_errors_name_the_change(framework, units):
    with pytest.raises(parindex.ArgumentError, match="scenario x, change #1"):
        parindex.what_if(framework, units, {"x": [{"code": "3.5.3"}]})
    with pytest.raises(parindex.ArgumentError, match="unit nowhere"):
        parindex.what_if(framework, units, {"x": [("nowhere", "3.5.3", 95)]})


def test_uncertainty_frames_and_reproducibility(framework, units, root):
    kwargs = dict(survey_error=2, appraisal_range=0.25, groups="national", versus="huu-lung", draws=2000, seed=7)
    one = parindex.uncertainty(framework, units, threads=1, **kwargs)
    two = parindex.uncertainty(framework, parindex.evaluate_many(framework, units), threads=2, **kwargs)
    assert np.array_equal(one.rank_frequency, two.rank_frequency)
    assert (one.rank_frequency.sum(axis=1) == 2000).all()
    frame = one.to_frame()
    golden = pd.read_csv(root / "tests/golden/langson-2023.uncertainty.csv")
    assert list(frame.columns) == list(golden.columns)
    assert list(frame["median_rank"]) == list(golden["median_rank"])
    assert np.allclose(frame["p_group_A"], golden["p_group_A"], atol=5e-4)
    assert one.rank_frequency_frame().loc["bac-son"].sum() == 2000


def test_uncertainty_equals_numpy_on_the_same_draws(framework, units):
    """The benchmark's numpy baseline, checked: the same draws give the same rank frequencies."""
    batch = parindex.evaluate_many(framework, units)
    kwargs = dict(survey_error=2, appraisal_range=0.25, draws=300, seed=3)
    unit_index, codes, points = parindex.uncertainty_draws(framework, batch, **kwargs)
    result = parindex.uncertainty(framework, batch, **kwargs)
    leaves = batch.long()
    base = {(u, c): p for u, c, p in zip(leaves["unit"], leaves["code"], leaves["achieved"])}
    unit_codes = batch.unit_codes
    cell_base = np.array([base[(unit_codes[u], c)] for u, c in zip(unit_index, codes)])
    drawn = np.floor(points * 100 + 0.5) / 100  # the framework rounds leaves half up at 2 decimals
    totals = np.array(batch.totals()["total"]) + np.zeros((300, 1))
    np.add.at(totals.T, np.array(unit_index), (drawn - cell_base).T)
    index = np.floor(totals.round(9) / np.array(batch.totals()["max"]) * 100 * 100 + 0.5) / 100
    ranks = (index[:, None, :] > index[:, :, None]).sum(axis=2) + 1  # ties share the better rank
    n = len(unit_codes)
    frequency = np.zeros((n, n), dtype=np.uint32)
    np.add.at(frequency, (np.tile(np.arange(n), 300), ranks.ravel() - 1), 1)
    assert np.array_equal(frequency, result.rank_frequency)


def test_uncertainty_errors(framework, units):
    with pytest.raises(parindex.ArgumentError, match="unknown kind"):
        parindex.uncertainty(framework, units, factors=[{"code": "9", "kind": "cauchy", "spread": 1}])
    with pytest.raises(parindex.ArgumentError, match="draws"):
        parindex.uncertainty(framework, units, survey_error=1, draws=0)
    with pytest.raises(parindex.ArgumentError, match="threads"):
        parindex.uncertainty(framework, units, survey_error=1, threads=-1)
    with pytest.raises(parindex.ArgumentError, match="factor #1"):
        parindex.uncertainty(framework, units, factors=[{"code": "9.9", "spread": 1}])


def test_improvement_feeds_a_draft_plan(framework, units):
    plan = parindex.improve(framework, units, "bac-son", "rank=1", groups="national")
    draft = parindex.draft_plan(plan, "UBND huyện Bắc Sơn", "2024-01-01", "2024-12-31")
    assert [a.id for a in draft.actions] == [s.code for s in plan.steps]
    assert draft.actions[0].tasks.endswith(plan.steps[0].required_input)
    assert all(a.lead_agency for a in draft.actions)


def test_uncertainty_plot(framework, units):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    r = parindex.uncertainty(framework, units, survey_error=2, draws=200, groups="national")
    ax = r.plot()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Huyện Hữu Lũng (invented figures)" and len(labels) == 11


def test_the_command_line_comes_with_pip(root):
    """`pip install .` puts the C++ command-line tool beside the interpreter."""
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(sys.executable).parent / "parindex"
    if not tool.exists():
        pytest.skip("parindex was not installed with pip here (a development checkout)")
    out = subprocess.run([str(tool), "improve", str(root / "data/frameworks/langson-district-2023.json"),
                          *map(str, sorted((root / "examples/langson-2023").glob("*.json"))),
                          "--unit", "bac-son", "--target", "rank=1", "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[0] == ",".join(parindex._analytics.STEP_COLUMNS)
    ranked = subprocess.run([str(tool), "rank", "--format", "csv", str(root / "data/frameworks/langson-district-2023.json"),
                             str(root / "examples/langson-2023/bac-son.json")], capture_output=True, text=True,
                            check=True).stdout
    framework = parindex.Framework.load(root / "data/frameworks/langson-district-2023.json")
    card = parindex.evaluate(framework, parindex.Assessment.load(root / "examples/langson-2023/bac-son.json"))
    assert ranked.splitlines()[0] == ",".join(parindex.rank([card]).to_frame().columns)


def test_notebooks_show_tables(framework, units):
    card = parindex.evaluate(framework, units[0])
    html = card._repr_html_()
    assert "<table" in html and "index 85.30%" in html and "84.87 of 99.50" in html
    plan = parindex.improve(framework, units, "bac-son", "rank=1")
    assert "<table" in plan._repr_html_() and "rank 2 → 1 of 11" in plan._repr_html_()
    r = parindex.uncertainty(framework, units, survey_error=2, draws=50)
    assert "50 draws" in r._repr_html_()


def test_the_decisions_example_runs(root):
    import runpy

    runpy.run_path(str(root / "examples/decisions.py"), run_name="__main__")
