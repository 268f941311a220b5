"""parindex.papi: the shipped PAPI table as DataFrames, the same figures as the command line."""

import pandas as pd
import pytest

import parindex


@pytest.fixture
def table(root):
    return root / "data/papi/papi-subdimensions-2018-2024.tsv"


def test_papi_2023_from_a_path(table, root):
    frame = parindex.papi(table, year=2023)
    top = frame.iloc[0]
    # Thừa Thiên Huế 46.0415, first of 61 (chatluongvacuocsong.vn; PAPI 2023 report)
    assert (top["name"], parindex.format_fixed(top["total"], 4), top["label"], top["group"]) == \
        ("Thua Thien Hue", "46.0415", "01/61", "highest")
    missing = frame[frame["total"].isna()]
    assert sorted(missing["name"]) == ["Binh Duong", "Quang Ninh"]
    assert missing["rank"].isna().all()
    # The same rows as `parindex papi --format csv` (tests/golden/papi-2023.csv).
    golden = pd.read_csv(root / "tests/golden/papi-2023.csv", dtype={"rank": str})
    assert list(golden["unit"]) == list(frame["unit"])
    shown = frame["total"].map(lambda v: parindex.format_fixed(v, 4) if pd.notna(v) else None)
    assert list(golden["total"].map(lambda v: f"{v:.4f}" if pd.notna(v) else None)) == list(shown)


def test_papi_from_a_dataframe_and_by_dimension(table):
    raw = pd.read_csv(table, sep="\t", comment="#")
    frame = parindex.papi(raw[raw["year"] == 2020])
    qn = frame[frame["name"] == "Quang Ninh"].iloc[0]
    assert parindex.format_fixed(qn["total"], 3) == "48.811"  # VGP, 14/04/2021
    dims = parindex.papi(table, year=2024, by="dimension")
    qn24 = dims[dims["name"] == "Quang Ninh"]
    assert (qn24["group"] == "highest").sum() == 7  # vietnam.vn: 7 of 8 dimensions in the highest group
    with pytest.raises(parindex.ArgumentError, match="no rows for year 2010"):
        parindex.papi(table, year=2010)
    with pytest.raises(parindex.DocumentError, match="is not a finite number"):
        parindex.papi(pd.DataFrame({"year": [2021], "unit": ["a"], "SC11": ["abc"]}))


def test_movements_and_targets(table, root):
    moves = parindex.papi_movements(table, 2023, 2024, units=root / "data/units/vn-provinces.json")
    hg = moves[moves["name"] == "Ha Giang"].iloc[0]
    assert (hg["rank_2023"], hg["rank_2024"], hg["rank_change"]) == (11, 30, -19)  # en.baohagiang.vn
    dt = moves[moves["name"] == "Dong Thap"].iloc[0]
    assert (dt["group_2023"], dt["group_2024"]) == ("low-average", "high-average")
    check = parindex.papi_target(table, 2023, dt["unit"], group="high-average")
    assert not check.met and check.points_short > 0 and "high-average boundary" in check.explanation
    registry = parindex.UnitRegistry.load(root / "data/units/vn-provinces.json")
    assert registry.find("Ha Giang", "2024-12-31").code == "02"
    assert registry.find("Ha Giang", "2025-12-31") is None
