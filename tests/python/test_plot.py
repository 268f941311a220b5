"""parindex.plot: each chart is drawn (Agg) and what it drew is read back from the Axes."""

import datetime as dt
import warnings

import numpy as np
import pytest

import parindex

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.ft2font import FT2Font  # noqa: E402
from matplotlib.font_manager import findfont  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def bars(ax):
    return list(ax.patches)


def labels(ax, axis="y"):
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks]


def drawn_without_missing_glyphs(ax):
    """Draws the figure; matplotlib warns of each glyph its font lacks."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax.figure.canvas.draw()
    return [str(w.message) for w in caught if "missing from" in str(w.message)] == []


def test_lost_by_field(bac_son):
    table = parindex.gaps(bac_son)
    ax = parindex.plot.lost_by_field(table)
    lost = sorted((f for f in table.fields if f.lost > 0), key=lambda f: -f.lost)
    assert [b.get_width() for b in bars(ax)] == pytest.approx([f.lost for f in lost])
    assert labels(ax) == [f"{f.field} {f.title}" for f in lost]
    assert sum(b.get_width() for b in bars(ax)) == pytest.approx(table.total_lost)
    assert drawn_without_missing_glyphs(ax)


def test_lost_by_agency_matches_the_gap_frame(bac_son):
    table = parindex.gaps(bac_son)
    by_agency = table.to_frame().groupby("lead_agency")["lost"].sum().sort_values(ascending=False)
    ax = parindex.plot.lost_by_agency(table)
    drawn = dict(zip(labels(ax), (b.get_width() for b in bars(ax))))
    assert drawn == pytest.approx(by_agency.to_dict())
    assert [b.get_width() for b in bars(ax)] == sorted((b.get_width() for b in bars(ax)), reverse=True)


def test_vietnamese_text_renders_whole(bac_son):
    ax = parindex.plot.lost_by_agency(parindex.gaps(bac_son))
    text = "".join(labels(ax)) + ax.get_title()
    assert "ộ" in text  # "Phòng Nội vụ"
    font = FT2Font(findfont(ax.get_yticklabels()[0].get_fontproperties()))
    charmap = font.get_charmap()
    assert all(ord(c) in charmap for c in "ắằẳẵặốồổỗộớờởỡợứừửữựđĐơưỹ")
    assert drawn_without_missing_glyphs(ax)


def test_ranking_bars(root, framework):
    units = [parindex.Assessment.load(p) for p in sorted((root / "examples/langson-2023").glob("*.json"))]
    ranking = parindex.rank([parindex.evaluate(framework, a) for a in units])
    ax = parindex.plot.ranking(ranking)
    assert [b.get_width() for b in bars(ax)] == pytest.approx([u.index_percent for u in ranking.units])
    assert labels(ax)[0] == f"{ranking.units[0].label} {ranking.units[0].unit_name}"
    assert drawn_without_missing_glyphs(ax)


def test_ranking_with_intervals(root, framework):
    units = [parindex.Assessment.load(p) for p in sorted((root / "examples/langson-2023").glob("*.json"))]
    r = parindex.uncertainty(framework, units, survey_error=2, draws=200, groups="national")
    frame = r.to_frame().sort_values(["median_rank", "nominal_rank"], kind="stable")
    for ax in (parindex.plot.ranking(r), r.plot()):  # one drawing, two ways to ask for it
        median = ax.lines[0]
        assert list(median.get_xdata()) == list(frame["median_rank"])
        assert list(ax.lines[1].get_xdata()) == list(frame["nominal_rank"])
        segments = next(c for c in ax.collections if isinstance(c, LineCollection)).get_segments()
        assert [(s[0][0], s[1][0]) for s in segments] == list(zip(frame["rank_p5"], frame["rank_p95"]))
        assert labels(ax) == list(frame["name"])
    with pytest.raises(parindex.ArgumentError, match="expected a Ranking or an UncertaintyResult"):
        parindex.plot.ranking(frame)


def test_papi_profile_against_the_national_median(root):
    table = root / "data/papi/papi-subdimensions-2018-2024.tsv"
    dims = parindex.papi(table, year=2024, by="dimension")
    ax = parindex.plot.papi_profile(table, "Quang Tri", 2024)
    mine = dims[dims["name"] == "Quang Tri"]
    assert [b.get_height() for b in bars(ax)] == pytest.approx(list(mine["score"]))
    medians = [np.median(dims.loc[dims["dimension"] == d, "score"].dropna()) for d in mine["dimension"]]
    assert list(ax.lines[0].get_ydata()) == pytest.approx(medians)
    assert labels(ax, "x") == [f"d{d}" for d in mine["dimension"]]
    with pytest.raises(parindex.ArgumentError, match="no province 'Atlantis'"):
        parindex.plot.papi_profile(table, "Atlantis", 2024)


def test_commitment_progress(root):
    c = parindex.Commitment.load(root / "examples/commitments/dong-ha-2024.json")
    target = c.targets[0]
    ax = parindex.plot.commitment_progress(c, target.id)
    assert [b.get_height() for b in bars(ax)] == pytest.approx([a.value for a in target.actuals])
    assert labels(ax, "x") == [a.period for a in target.actuals]
    line = ax.lines[0]
    assert set(line.get_ydata()) == {target.value}
    assert f"target {target.comparator} {target.value:g} {target.unit}" in [t.get_text() for t in ax.get_legend().get_texts()]
    with pytest.raises(parindex.ArgumentError, match="target must be one of"):
        parindex.plot.commitment_progress(c)


def test_plan_timeline_marks_overdue_actions(root):
    import matplotlib.dates as mdates

    plan = parindex.Plan.load(root / "examples/plans/bac-son-2024.json")
    r = parindex.review(plan, parindex.vietnam_calendar(2024, 2025), dt.date(2024, 6, 15))
    ax = parindex.plot.plan_timeline(r)
    agencies = labels(ax)
    overdue = next(line for line in ax.lines if line.get_label() == "overdue")
    drawn = sorted((mdates.num2date(x).date(), agencies[int(y)])
                   for x, y in zip(mdates.date2num(overdue.get_xdata()), overdue.get_ydata()))
    expected = sorted((a.missed[-1] if a.missed else a.next_due, a.lead_agency)
                      for a in r.actions if a.state == "overdue")
    assert len(drawn) == 3 and drawn == expected
    assert sum(len(line.get_xdata()) for line in ax.lines if not line.get_label().startswith("_")) == len(r.actions)
    assert drawn_without_missing_glyphs(ax)
