"""PAPI 2023 → 2024 for Đồng Tháp and Quảng Trị: dimensions, ranks, groups, and the distance to
the high-average group that Sa Đéc's plan (seed 004) aims for. Run from the repository root:

    .venv/bin/python examples/papi/walkthrough.py
"""

import pathlib

import parindex

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = ROOT / "data/papi/papi-subdimensions-2018-2024.tsv"
UNITS = ROOT / "data/units/vn-provinces.json"
PROVINCES = ["Dong Thap", "Quang Tri"]

frame = parindex.papi(TABLE)
both = frame[frame["name"].isin(PROVINCES) & frame["year"].isin([2023, 2024])]
print("Dimensions, totals, ranks and groups")
print(both[["year", "name", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "total", "label", "group"]]
      .round(4).to_string(index=False))

moves = parindex.papi_movements(TABLE, 2023, 2024, units=UNITS)
print("\nMoves 2023 → 2024")
print(moves[moves["name"].isin(PROVINCES)].round(4).to_string(index=False))

print("\nDistance to the high-average group or better")
for year in (2023, 2024):
    table = parindex.papi(TABLE, year=year)
    for name in PROVINCES:
        unit = table.loc[table["name"] == name, "unit"].iloc[0]
        check = parindex.papi_target(TABLE, year, unit, group="high-average")
        print(f"  {year} {name}: {check.explanation}")

dims = parindex.papi(TABLE, year=2024, by="dimension")
print("\nĐồng Tháp 2024 by dimension")
print(dims[dims["name"] == "Dong Thap"][["dimension", "score", "label", "group"]].round(4).to_string(index=False))
