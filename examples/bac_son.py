"""Bắc Sơn district, PAR INDEX 2023, from Python: scorecard, gaps and ranks as DataFrames."""

from pathlib import Path

import pandas as pd

import parindex

here = Path(__file__).parent / "langson-2023"
framework = parindex.Framework.load(str(parindex.data_dir() / "frameworks" / "langson-district-2023.json"))
cards = [parindex.evaluate(framework, parindex.Assessment.load(str(p))) for p in sorted(here.glob("*.json"))]
bac_son = next(c for c in cards if c.unit_code == "bac-son")

pd.set_option("display.width", 160, "display.max_colwidth", 60)
print(bac_son)
frame = bac_son.to_frame()
print(frame[frame["depth"] == 1][["code", "title", "max", "achieved", "lost"]].to_string(index=False))
print()
print(parindex.gaps(bac_son).to_frame()[["code", "lost", "lead_agency"]].to_string(index=False))
print()
print(parindex.rank(cards, groups="national").to_frame()[["label", "unit", "index_percent", "group"]]
      .to_string(index=False, float_format="%.2f"))
