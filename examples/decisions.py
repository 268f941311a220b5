"""Bắc Sơn's decisions, 2023 → 2024: is rank 02/11 solid, what would move it, and what is the
cheapest route to rank 1 and to group A? Run after `pip install .`:

    python examples/decisions.py

Bắc Sơn's figures are the published ones (Decision 102/QĐ-UBND of 16/01/2024); the other ten
units' are invented (see examples/README.md), and so is the effort table.
"""

from pathlib import Path

import parindex

here = Path(__file__).parent
framework = parindex.Framework.load(here.parent / "data/frameworks/langson-district-2023.json")
units = [parindex.Assessment.load(p) for p in sorted((here / "langson-2023").glob("*.json"))]

# How sure is rank 02/11? The survey (field 9) has a sampling error; appraisals a margin.
sure = parindex.uncertainty(framework, units, survey_error=2, appraisal_range=0.25, groups="national",
                            versus="huu-lung", seed=2024)
print(sure.to_frame().query("unit == 'bac-son'").to_string(index=False), end="\n\n")

# What if every commune reached 95% of dossiers on time (3.5.3), and inspections found nothing?
print(parindex.what_if(framework, units, {
    "communes at 95%": [("bac-son", "3.5.3", 95)],
    "clean inspections": [("bac-son", "6.1.2", {"occurrences": {}})],
}, groups="national").query("unit == 'bac-son'")[["scenario", "total", "index_percent", "rank", "group"]]
      .to_string(index=False), end="\n\n")

# The cheapest route to rank 1 (one unit of effort per point), and to group A with the effort table.
for target, efforts in [("rank=1", None), ("group=A", here / "langson-2023/efforts/bac-son.csv")]:
    plan = parindex.improve(framework, units, "bac-son", target, efforts=efforts, groups="national")
    print(plan)
    print(plan.to_frame()[["code", "required_input", "points", "new_points", "cost", "lead_agency"]]
          .to_string(index=False), end="\n\n")

# The group-A route as a draft remediation plan for 2024, one action per step.
draft = parindex.draft_plan(plan, "UBND huyện Bắc Sơn", "2024-01-01", "2024-12-31")
for action in draft.actions:
    print(f"{action.id:6} {action.lead_agency:32} {action.tasks}")
