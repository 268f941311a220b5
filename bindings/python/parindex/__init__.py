"""parindex: Vietnam's public-administration performance indices (PAR INDEX, SIPAS, PAPI, ...).

Load a framework (criteria tree with scoring rules) and units' assessments, then evaluate,
rank and find the gaps::

    import parindex
    fw = parindex.Framework.load("langson-district-2023.json")
    card = parindex.evaluate(fw, parindex.Assessment.load("bac-son.json"))
    card.to_frame()
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from pathlib import Path as _Path

from . import _frames
from ._core import (
    Commitment,
    CommitmentReview,
    DossierCounts,
    DossierGroup,
    DossierMetrics,
    LateDossier,
    RejectedRow,
    ReportedValue,
    Target,
    TargetReview,
    due_day,
    review_commitment,
    Action,
    ActionReview,
    AgencyLoad,
    Assessment,
    Batch,
    DayOff,
    Deadline,
    LunarDate,
    Plan,
    PlanReview,
    WorkCalendar,
    WorkingDay,
    draft_plan,
    from_lunar,
    joint,
    review,
    to_lunar,
    vietnam_announced_years,
    Criterion,
    FieldGap,
    Framework,
    Gap,
    GapTable,
    RankedUnit,
    Ranking,
    ScoreLine,
    Scorecard,
    __version__,
    evaluate,
    format_fixed,
    gaps,
    rank,
    round_half_up,
    SurveyDesign,
    SurveyQuestion,
    SurveyResponse,
    SurveyResults,
    SurveyRow,
    aggregate_survey,
    read_survey_design,
    read_survey_responses,
)
from .errors import ArgumentError, DocumentError, Error, FileError, ValidationError
from ._batch import evaluate_many
from ._dossier_sources import merge_dossier_metrics
from ._indices import papi, papi_movements, papi_target, papi_year
from ._core import UnitRegistry, ScorecardComparison, compare
from ._sipas import SipasResult, sipas
from ._core import ImprovementPlan, ImprovementStep, UncertaintyResult
from . import _analytics, _dossiers, _edit, plot
from ._dossiers import read_dossiers
from ._analytics import improve, uncertainty, uncertainty_draws, what_if

__all__ = [
    "Assessment", "Criterion", "FieldGap", "Framework", "Gap", "GapTable", "RankedUnit", "Ranking",
    "ScoreLine", "Scorecard", "evaluate", "evaluate_many", "Batch", "papi", "papi_movements", "papi_target", "papi_year", "UnitRegistry", "compare", "ScorecardComparison", "rank", "gaps", "round_half_up", "format_fixed", "data_dir",
    "Error", "DocumentError", "ValidationError", "ArgumentError", "FileError", "__version__",
    "LunarDate", "to_lunar", "from_lunar", "WorkCalendar", "DayOff", "WorkingDay", "joint", "vietnam_calendar",
    "vietnam_announced_years", "Deadline", "Plan", "Action", "PlanReview", "ActionReview", "AgencyLoad", "review",
    "draft_plan", "read_dossiers", "merge_dossier_metrics", "due_day", "DossierMetrics", "DossierCounts", "DossierGroup", "LateDossier", "RejectedRow",
    "Commitment", "Target", "ReportedValue", "review_commitment", "CommitmentReview", "TargetReview",
    "sipas", "SipasResult", "SurveyDesign", "SurveyQuestion", "SurveyResponse", "SurveyResults", "SurveyRow",
    "aggregate_survey", "read_survey_design", "read_survey_responses",
    "what_if", "improve", "ImprovementPlan", "ImprovementStep", "uncertainty", "uncertainty_draws", "UncertaintyResult",
]


def vietnam_calendar(first_year: int, last_year: int) -> WorkCalendar:
    """Vietnam's working-day calendar for public bodies over [first_year, last_year]."""
    return WorkCalendar.vietnam(first_year, last_year)


def data_dir() -> _Path:
    """The frameworks shipped with parindex (``data_dir() / "frameworks"``)."""
    return _Path(__file__).parent / "data"


# Documents as Python dicts: the same schema as the JSON files.
def _plain(value, pointer: str = ""):
    """A document's values as JSON can hold them: numpy scalars as Python numbers, dates as ISO
    strings; NaN and infinity refused, naming where (a JSON pointer), since no document can hold them."""
    if isinstance(value, dict):
        return {str(k): _plain(v, f"{pointer}/{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, f"{pointer}/{i}") for i, v in enumerate(value)]
    if type(value).__name__ == "datetime64":
        value = value.astype("datetime64[us]")  # .item() of nanoseconds would be an int
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars; a numpy datetime64 becomes a datetime
    if isinstance(value, _dt.datetime) and value.time() == _dt.time() and value.tzinfo is None:
        value = value.date()  # pandas Timestamps and numpy datetime64 of a day
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise DocumentError(f"{pointer or '/'}: expected a finite number, got {value}", pointer or "/",
                            f"expected a finite number, got {value}")
    if value is not None and not isinstance(value, (str, int, float, bool)):
        what = f"expected a string, number, true/false, list or dict, got {type(value).__name__} {value!r}"
        raise DocumentError(f"{pointer or '/'}: {what}", pointer or "/", what)
    return value


def _from_dict(cls):
    def build(document: dict):
        return cls.from_json(_json.dumps(_plain(document), ensure_ascii=False))

    build.__name__ = "from_dict"
    build.__qualname__ = f"{cls.__name__}.from_dict"
    article = "an" if cls.__name__[0] in "AEIOU" else "a"
    build.__doc__ = (f"Builds {article} {cls.__name__} from a dict in the schema of its JSON document (docs/schemas):\n"
                     "numpy scalars and dates are taken as they are; a NaN, an infinity or a value of the wrong\n"
                     "type is a DocumentError naming its JSON pointer.")
    return staticmethod(build)


def _to_dict(self) -> dict:
    """The document as a dict, in the schema of its JSON (docs/schemas)."""
    return _json.loads(self.to_json())


for _cls in (Framework, Assessment, Plan, Deadline, Commitment):
    _cls.from_dict = _from_dict(_cls)
for _cls in (Framework, Assessment, Scorecard, Ranking, GapTable, Plan, PlanReview, Deadline, Commitment, CommitmentReview):
    _cls.to_dict = _to_dict

for _cls, _methods in _edit.METHODS.items():
    for _name, _method in _methods.items():
        setattr(_cls, _name, _method)

Scorecard.to_frame = _frames.scorecard_frame
Ranking.to_frame = _frames.ranking_frame
GapTable.to_frame = _frames.gaps_frame
GapTable.fields_frame = _frames.field_gaps_frame
PlanReview.to_frame = _frames.review_frame
PlanReview.agencies_frame = _frames.agencies_frame
WorkCalendar.days_off_frame = _frames.days_off_frame
DossierMetrics.to_frame = _frames.dossiers_frame
DossierMetrics.late_frame = _frames.late_frame
DossierMetrics.rejections_frame = _dossiers.rejections_frame
CommitmentReview.to_frame = _frames.commitment_frame
ImprovementPlan.to_frame = _analytics.steps_frame
ImprovementPlan.__repr__ = _analytics.plan_repr
UncertaintyResult.to_frame = _analytics.uncertainty_frame
UncertaintyResult.rank_frequency_frame = _analytics.rank_frequency_frame
UncertaintyResult.sensitivity_frame = _analytics.sensitivity_frame
UncertaintyResult.plot = lambda r, ax=None: plot.ranking(r, ax)
UncertaintyResult.plot.__doc__ = "The rank intervals as a chart: parindex.plot.ranking(result)."


def _comparison_frame(c):
    """One row per matched criterion: max and points before and after, and the change."""
    return _frames._pandas().DataFrame.from_records([{
        "code_before": n.code_before, "code_after": n.code_after, "title": n.title,
        "max_before": n.max_before, "max_after": n.max_after,
        "achieved_before": n.achieved_before, "achieved_after": n.achieved_after, "change": n.change,
    } for n in c.nodes])


ScorecardComparison.to_frame = _comparison_frame


def _fixed(x: float, decimals: int = 2) -> str:
    return format_fixed(x, decimals)


Framework.__repr__ = lambda f: (
    f"<Framework {f.id!r} {f.index} {f.period[0]}–{f.period[1] or ''}: "
    f"{len(f)} nodes, {_fixed(f.total_max)} points>")
Criterion.__repr__ = lambda c: f"<Criterion {c.code} {c.title!r} max {_fixed(c.max_points)}>"
Assessment.__repr__ = lambda a: (
    f"<Assessment {a.unit_code} ({a.unit_name}) {a.year} for {a.framework_id!r}: {len(a.codes)} entries>")
ScoreLine.__repr__ = lambda l: (
    f"<ScoreLine {l.code}: {_fixed(l.achieved)}/{_fixed(l.max_points)} ({l.decided_by})>")
Scorecard.__repr__ = lambda c: (
    f"<Scorecard {c.unit_code} {c.year}: {_fixed(c.total, c.decimals)}/{_fixed(c.max_points, c.decimals)} "
    f"= {_fixed(c.index_percent, c.decimals)}%>")
RankedUnit.__repr__ = lambda u: (
    f"<RankedUnit {u.label} {u.unit_code} {_fixed(u.index_percent)}%{' ' + u.group if u.group else ''}>")
Ranking.__repr__ = lambda r: f"<Ranking {r.framework_id!r} {r.year}: {len(r.units)} units>"
Gap.__repr__ = lambda g: f"<Gap {g.code}: lost {_fixed(g.lost)} of {_fixed(g.max_points)}>"
FieldGap.__repr__ = lambda g: f"<FieldGap {g.field}: lost {_fixed(g.lost)} of {_fixed(g.max_points)}>"
GapTable.__repr__ = lambda t: (
    f"<GapTable {t.unit_code} {t.year}: {_fixed(t.total_lost, t.decimals)} points lost "
    f"in {len(t.gaps)} criteria>")

LunarDate.__repr__ = lambda l: f"LunarDate({l.year}, {l.month}, {l.day}{', leap=True' if l.leap else ''})"
DayOff.__repr__ = lambda d: f"<DayOff {d.date.isoformat()} {d.name!r}{' projected' if d.projected else ''}>"
WorkingDay.__repr__ = lambda d: f"<WorkingDay {d.date.isoformat()} {d.name!r}>"
WorkCalendar.__repr__ = lambda c: f"<WorkCalendar {c.name!r} {c.first_year}–{c.last_year}>"
Deadline.__repr__ = lambda d: f"<Deadline {d.describe()}>"
Action.__repr__ = lambda a: f"<Action {a.id} {a.status}: {a.lead_agency}>"
Plan.__repr__ = lambda p: f"<Plan {p.issuer} {p.number or ''} {p.period_first.isoformat()}–{p.period_last.isoformat()}: {len(p.actions)} actions>"
ActionReview.__repr__ = lambda r: f"<ActionReview {r.id} {r.state}>"
PlanReview.__repr__ = lambda r: (
    f"<PlanReview as of {r.as_of.isoformat()}: "
    + ", ".join(f"{n} {s}" for s, n in sorted(_frames.count_states(r).items())) + ">")

DossierMetrics.__repr__ = lambda m: (
    f"<DossierMetrics by {', '.join(m.group_by)}: {len(m.groups)} groups; rows read {m.rows_read} = "
    f"used {m.rows_used} + rejected {m.rows_rejected}>")
Commitment.__repr__ = lambda c: f"<Commitment {c.number or ''} {c.unit_name}: {len(c.targets)} targets>"
TargetReview.__repr__ = lambda t: f"<TargetReview {t.id} {t.status}, report {t.report}>"
CommitmentReview.__repr__ = lambda r: f"<CommitmentReview as of {r.as_of.isoformat()}: {len(r.targets)} targets>"
SurveyDesign.__repr__ = lambda d: (
    f"<SurveyDesign {d.id!r}: {len(d.elements)} elements, {len(d.questions)} questions, "
    f"satisfied from {d.satisfied_from} of {d.scale_max}>")
SurveyResults.__repr__ = lambda r: (
    f"<SurveyResults {r.design_id!r}: {len(r.units)} units; rows read {r.rows_read} = "
    f"answers {r.answers_used} + no answer {r.no_answers}>")

# Notebooks show results as tables.
Scorecard._repr_html_ = _frames.scorecard_html
Ranking._repr_html_ = _frames.ranking_html
GapTable._repr_html_ = _frames.gaps_html
PlanReview._repr_html_ = _frames.review_html
DossierMetrics._repr_html_ = _frames.frame_html(repr)
CommitmentReview._repr_html_ = _frames.commitment_html
ImprovementPlan._repr_html_ = _frames.frame_html(_analytics.plan_repr)
UncertaintyResult._repr_html_ = _frames.frame_html(lambda r: f"{r.draws} draws")

from . import _docs  # noqa: E402  (after every attribute above is in place)

_docs.apply()
