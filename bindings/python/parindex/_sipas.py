"""SIPAS-style satisfaction surveys as DataFrames."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from . import _core
from ._frames import _pandas
from .errors import ArgumentError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

COLUMNS = ["unit", "element", "question", "respondents", "responses", "satisfied", "index", "ci_low", "ci_high",
           "too_few"]
RESPONSE_COLUMNS = ["unit", "respondent", "question", "answer"]


@dataclass
class SipasResult:
    """A survey aggregated per unit: one frame per level, and the results they come from."""

    overall: "pd.DataFrame"
    elements: "pd.DataFrame"
    questions: "pd.DataFrame"
    results: _core.SurveyResults

    def overall_index(self, unit: str) -> Optional[float]:
        """A unit's overall index in %, e.g. for a survey_index criterion; None when nobody answered."""
        return self.results.overall_index_of(unit)


def _design(design: Any) -> _core.SurveyDesign:
    if isinstance(design, _core.SurveyDesign):
        return design
    if isinstance(design, dict):
        import json

        return _core.SurveyDesign.from_json(json.dumps(design, ensure_ascii=False), "dict")
    if isinstance(design, (str, os.PathLike)):
        return _core.read_survey_design(os.fspath(design))
    raise ArgumentError(f"sipas: design must be a SurveyDesign, a dict or a path, got {type(design).__name__}")


def _responses(responses: Any) -> list:
    pd = _pandas()
    if isinstance(responses, pd.DataFrame):
        missing = [c for c in RESPONSE_COLUMNS if c not in responses.columns]
        if missing:
            raise ArgumentError(f"sipas: the responses frame lacks the columns {', '.join(missing)}")
        frame = responses[RESPONSE_COLUMNS].copy()
        frame["answer"] = frame["answer"].map(_answer_cell).astype(object)
        # The same reader as files, so the columns mean the same everywhere; line 2 is row 0.
        return _core.survey_responses_from_text(frame.to_csv(index=False), "DataFrame")
    if isinstance(responses, (str, os.PathLike)):
        return _core.read_survey_responses(os.fspath(responses))
    raise ArgumentError(f"sipas: responses must be a path or a pandas DataFrame, got {type(responses).__name__}")


def _answer_cell(v: Any) -> Any:
    # NaN/None is no answer; whole floats are written whole (a column with blanks is float, and
    # 4.0 is not a whole number to the reader); anything else as it is, so the reader names its line.
    pd = _pandas()
    if pd.isna(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _frame(rows) -> "pd.DataFrame":
    pd = _pandas()
    records = [{c: getattr(r, c) for c in COLUMNS} for r in rows]
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    for c in ("element", "question"):
        frame[c] = frame[c].where(frame[c] != "", None)
    return frame


def sipas(design: Any, responses: Any, *, element_index: Optional[str] = None, overall_index: Optional[str] = None,
          min_responses: Optional[int] = None, confidence: Optional[float] = None) -> SipasResult:
    """Shares satisfied per unit, element and question, with confidence intervals.

    ``design`` is a survey design (a path to a ``parindex.survey/1`` document, a dict in that
    schema, or a SurveyDesign); ``responses`` a path to a CSV or a DataFrame with the columns
    ``unit, respondent, question, answer`` (empty/NaN or 0: no answer). The keyword options
    override the design's (``element_index``: ``mean_of_questions`` or ``pooled``;
    ``overall_index``: ``mean_of_elements`` or ``pooled``). Units with fewer respondents than
    ``min_responses`` are flagged ``too_few``, never dropped. See docs/sipas.md.
    """
    results = _core.aggregate_survey(_design(design), _responses(responses), element_index=element_index,
                                     overall_index=overall_index, min_responses=min_responses, confidence=confidence)
    return SipasResult(_frame(results.overall), _frame(results.elements), _frame(results.questions), results)
