#!/usr/bin/env python3
"""Writes INVENTED satisfaction-survey responses (unit,respondent,question,answer) for tests
and examples, from a survey design (parindex.survey/1).

A CSV has no safe place for a comment, so invented data is marked by its name: the output
must end in ``.invented.csv``, and the folder's README says so.

Each unit has a satisfaction level (the share of satisfied answers it should come near), each
element a small offset, and each respondent a personal leaning, so one person's answers
correlate as they do in real surveys. Some answers are left empty (no answer), more often for
the feedback element: most people never sent feedback.

    .venv/bin/python scripts/generate_survey.py --design data/surveys/sipas-2023-elements.json \\
        --unit so-tu-phap:0.92:60 --unit xa-tan-lap:0.70:20 --out examples/sipas/responses.invented.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path

import numpy as np

# Spread of respondents' leanings and of element offsets, on the logit scale.
RESPONDENT_SD = 0.6
ELEMENT_SD = 0.25
NO_ANSWER = 0.03            # share of questions left empty
FEEDBACK_NO_ANSWER = 0.35   # for the last element (feedback): most never sent any
UNSATISFIED_LEVELS = (1, 2, 3)
UNSATISFIED_WEIGHTS = (0.15, 0.35, 0.5)
TOP_SHARE = 0.45            # of satisfied answers, the share that are 5 rather than 4


def parse_unit(text: str) -> tuple[str, float, int]:
    try:
        code, level, respondents = text.split(":")
        level_f, n = float(level), int(respondents)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected CODE:LEVEL:RESPONDENTS such as xa-a:0.85:60, got {text!r}")
    if not code or not 0 < level_f < 1 or n < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: the level must be in (0, 1) and respondents at least 1")
    return code, level_f, n


def questions_of(design: dict) -> list[tuple[int, str]]:
    """(element index, question id) in design order."""
    return [(e, q["id"]) for e, element in enumerate(design["elements"]) for q in element["questions"]]


def answer(rng: np.random.Generator, p_satisfied: float) -> int:
    if rng.random() < p_satisfied:
        return 5 if rng.random() < TOP_SHARE else 4
    return int(rng.choice(UNSATISFIED_LEVELS, p=UNSATISFIED_WEIGHTS))


def unit_rows(rng: np.random.Generator, design: dict, code: str, level: float, respondents: int):
    logit = math.log(level / (1 - level))
    n_elements = len(design["elements"])
    offsets = rng.normal(0, ELEMENT_SD, n_elements)
    for r in range(1, respondents + 1):
        leaning = rng.normal(0, RESPONDENT_SD)
        for element, qid in questions_of(design):
            skip = FEEDBACK_NO_ANSWER if element == n_elements - 1 else NO_ANSWER
            if rng.random() < skip:
                yield code, f"R{r:03d}", qid, ""
                continue
            p = 1 / (1 + math.exp(-(logit + offsets[element] + leaning)))
            yield code, f"R{r:03d}", qid, answer(rng, p)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--design", required=True, type=Path, help="a parindex.survey/1 document")
    ap.add_argument("--unit", action="append", required=True, type=parse_unit, metavar="CODE:LEVEL:RESPONDENTS")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--out", required=True, type=Path, help="a file name ending in .invented.csv")
    args = ap.parse_args(argv)
    if not args.out.name.endswith(".invented.csv"):
        ap.error("--out must end in .invented.csv, so invented data is never mistaken for a real survey")
    design = json.loads(args.design.read_text(encoding="utf-8"))
    rng = np.random.default_rng(args.seed)
    with args.out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "respondent", "question", "answer"])
        for code, level, respondents in args.unit:
            w.writerows(unit_rows(rng, design, code, level, respondents))
    return 0


if __name__ == "__main__":
    sys.exit(main())
