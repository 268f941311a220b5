# Type stubs for the compiled core. Methods marked "added in __init__.py" are attached to
# these classes by the Python package.
import datetime
import os
from typing import Any, Literal, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

__version__: str

class Criterion:
    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def title_en(self) -> str: ...
    @property
    def max_points(self) -> float: ...
    @property
    def source(self) -> Literal["assessment", "survey"]: ...
    @property
    def rule(self) -> Optional[str]: ...
    @property
    def evidence(self) -> str: ...
    @property
    def lead_agency(self) -> str: ...

class Framework:
    @staticmethod
    def load(path: Union[str, os.PathLike[str]]) -> Framework: ...
    @staticmethod
    def from_json(text: str) -> Framework: ...
    @staticmethod
    def from_dict(document: dict) -> Framework: ...  # added in __init__.py
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def index(self) -> Literal["par_index", "sipas", "papi", "pci", "dti", "custom"]: ...
    @property
    def period(self) -> tuple[int, Optional[int]]: ...
    @property
    def legal_source(self) -> str: ...
    @property
    def notes(self) -> str: ...
    @property
    def total_max(self) -> float: ...
    @property
    def criteria(self) -> list[Criterion]: ...
    def criterion(self, code: str) -> Criterion: ...
    def depth(self, code: str) -> int: ...
    def __len__(self) -> int: ...

class Assessment:
    @staticmethod
    def load(path: Union[str, os.PathLike[str]]) -> Assessment: ...
    @staticmethod
    def from_json(text: str) -> Assessment: ...
    @staticmethod
    def from_dict(document: dict) -> Assessment: ...  # added in __init__.py
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    @property
    def framework_id(self) -> str: ...
    @property
    def unit_code(self) -> str: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def unit_level(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def notes(self) -> str: ...
    @property
    def codes(self) -> list[str]: ...

DecidedBy = Literal["appraised", "rule", "self_assessed", "children", "not_applicable"]

class ScoreLine:
    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def title_en(self) -> str: ...
    @property
    def depth(self) -> int: ...
    @property
    def leaf(self) -> bool: ...
    @property
    def max_points(self) -> float: ...
    @property
    def achieved(self) -> float: ...
    @property
    def lost(self) -> float: ...
    @property
    def percent(self) -> Optional[float]: ...
    @property
    def decided_by(self) -> DecidedBy: ...
    @property
    def explanation(self) -> str: ...
    @property
    def cause(self) -> str: ...
    @property
    def lead_agency(self) -> str: ...
    @property
    def evidence(self) -> list[str]: ...
    @property
    def dossier_units(self) -> list[str]: ...

class Scorecard:
    @property
    def framework_id(self) -> str: ...
    @property
    def unit_code(self) -> str: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def decimals(self) -> int: ...
    @property
    def lines(self) -> list[ScoreLine]: ...
    @property
    def max_points(self) -> float: ...
    @property
    def achieved(self) -> float: ...
    @property
    def lost(self) -> float: ...
    @property
    def bonus(self) -> float: ...
    @property
    def penalty(self) -> float: ...
    @property
    def total(self) -> float: ...
    @property
    def index_percent(self) -> float: ...
    def line(self, code: str) -> ScoreLine: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    def to_frame(self) -> pd.DataFrame: ...  # added in __init__.py

class RankedUnit:
    @property
    def unit_code(self) -> str: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def max_points(self) -> float: ...
    @property
    def total(self) -> float: ...
    @property
    def index_percent(self) -> float: ...
    @property
    def rank(self) -> int: ...
    @property
    def of(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def group(self) -> str: ...

class Ranking:
    @property
    def framework_id(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def units(self) -> list[RankedUnit]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    def to_frame(self) -> pd.DataFrame: ...  # added in __init__.py

class Gap:
    @property
    def code(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def max_points(self) -> float: ...
    @property
    def achieved(self) -> float: ...
    @property
    def lost(self) -> float: ...
    @property
    def cause(self) -> str: ...
    @property
    def lead_agency(self) -> str: ...

class FieldGap:
    @property
    def field(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def max_points(self) -> float: ...
    @property
    def achieved(self) -> float: ...
    @property
    def lost(self) -> float: ...
    @property
    def criteria_below_max(self) -> int: ...

class GapTable:
    @property
    def framework_id(self) -> str: ...
    @property
    def unit_code(self) -> str: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def decimals(self) -> int: ...
    @property
    def gaps(self) -> list[Gap]: ...
    @property
    def fields(self) -> list[FieldGap]: ...
    @property
    def total_lost(self) -> float: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    def to_frame(self) -> pd.DataFrame: ...  # added in __init__.py
    def fields_frame(self) -> pd.DataFrame: ...  # added in __init__.py

def evaluate(framework: Framework, assessment: Assessment, dossiers: Optional[DossierMetrics] = None) -> Scorecard: ...
def rank(
    scorecards: Sequence[Scorecard],
    groups: Union[None, Literal["none", "national", "quartiles"], Mapping[str, float]] = None,
    tie_decimals: Optional[int] = None,
) -> Ranking: ...
def gaps(scorecard: Scorecard) -> GapTable: ...

class Batch:
    """Units evaluated together by parindex.evaluate_many."""
    @property
    def framework(self) -> Framework: ...
    @property
    def year(self) -> int: ...
    @property
    def unit_codes(self) -> list[str]: ...
    @property
    def unit_names(self) -> list[str]: ...
    @property
    def codes(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def achieved_matrix(self) -> "np.ndarray": ...
    def max_matrix(self) -> "np.ndarray": ...
    def decided_by_names(self) -> list[str]: ...
    def totals_arrays(self) -> dict[str, "np.ndarray"]: ...
    def scorecard(self, unit: str) -> Scorecard: ...
    def rank(
        self,
        groups: Union[None, Literal["none", "national", "quartiles"], Mapping[str, float]] = None,
        tie_decimals: Optional[int] = None,
    ) -> Ranking: ...
    # added in _batch.py
    def totals(
        self,
        groups: Union[None, Literal["none", "national", "quartiles"], Mapping[str, float]] = None,
        tie_decimals: Optional[int] = None,
    ) -> pd.DataFrame: ...
    def to_frame(
        self,
        groups: Union[None, Literal["none", "national", "quartiles"], Mapping[str, float]] = None,
        tie_decimals: Optional[int] = None,
    ) -> pd.DataFrame: ...
    def wide(self, what: Literal["achieved", "max"] = "achieved") -> pd.DataFrame: ...
    def long(self) -> pd.DataFrame: ...

def round_half_up(value: float, decimals: int) -> float: ...
def format_fixed(value: float, decimals: int) -> str: ...

# Calendar

class LunarDate:
    def __init__(self, year: int, month: int, day: int, leap: bool = False) -> None: ...
    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int: ...
    @property
    def day(self) -> int: ...
    @property
    def leap(self) -> bool: ...

def to_lunar(date: datetime.date, utc_offset_hours: float = 7.0) -> LunarDate: ...
def from_lunar(year: int, month: int, day: int, leap: bool = False, utc_offset_hours: float = 7.0) -> datetime.date: ...

class DayOff:
    def __init__(self, date: datetime.date, name: str, projected: bool = False) -> None: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def name(self) -> str: ...
    @property
    def projected(self) -> bool: ...

class WorkingDay:
    def __init__(self, date: datetime.date, name: str) -> None: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def name(self) -> str: ...
    @property
    def projected(self) -> bool: ...

class WorkCalendar:
    # Pickles as its rules (a calendar travels to Spark or Dask workers).
    def __getstate__(self) -> tuple: ...
    def __setstate__(self, state: tuple) -> None: ...
    @staticmethod
    def vietnam(first_year: int, last_year: int) -> WorkCalendar: ...
    @staticmethod
    def from_days(name: str, first_year: int, last_year: int, days_off: Sequence[DayOff] = ...,
                  working_days: Sequence[WorkingDay] = ..., weekend: Sequence[int] = ...) -> WorkCalendar: ...
    @property
    def name(self) -> str: ...
    @property
    def first_year(self) -> int: ...
    @property
    def last_year(self) -> int: ...
    @property
    def sources(self) -> list[str]: ...
    def covers(self, date: datetime.date) -> bool: ...
    def is_working_day(self, date: datetime.date) -> bool: ...
    def day_off(self, date: datetime.date) -> Optional[DayOff]: ...
    def days_off(self, year: int) -> list[DayOff]: ...
    def working_days(self, year: int) -> list[WorkingDay]: ...
    def next_working_day(self, date: datetime.date) -> datetime.date: ...
    def previous_working_day(self, date: datetime.date) -> datetime.date: ...
    def roll_forward(self, date: datetime.date) -> datetime.date: ...
    def roll_backward(self, date: datetime.date) -> datetime.date: ...
    def add_working_days(self, date: datetime.date, n: int) -> datetime.date: ...
    def count_working_days(self, start: datetime.date, end: datetime.date) -> int: ...
    def with_days_off(self, days_off: Sequence[DayOff], name: str) -> WorkCalendar: ...
    def with_working_days(self, working_days: Sequence[WorkingDay], name: str) -> WorkCalendar: ...
    def with_weekend(self, weekend: Sequence[int], name: str) -> WorkCalendar: ...
    def with_holidays_file(self, path: Union[str, os.PathLike[str]]) -> WorkCalendar: ...
    def days_off_frame(self, year: int) -> pd.DataFrame: ...  # added in __init__.py

def joint(a: WorkCalendar, b: WorkCalendar, name: str = "") -> WorkCalendar: ...
def vietnam_announced_years() -> list[int]: ...

# Plans
class Deadline:
    @staticmethod
    def from_json(text: str) -> Deadline: ...
    @staticmethod
    def from_dict(document: dict) -> Deadline: ...  # added in __init__.py
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    @property
    def kind(self) -> str: ...
    @property
    def periodic(self) -> bool: ...
    @property
    def text(self) -> str: ...
    def describe(self) -> str: ...
    def resolve(self, calendar: WorkCalendar, events: Mapping[str, datetime.date], first: datetime.date,
                last: datetime.date) -> Optional[list[datetime.date]]: ...
    def missing_event(self, events: Mapping[str, datetime.date]) -> Optional[str]: ...

class Action:
    id: str
    criteria: list[str]
    lead_agency: str
    implementing: list[str]
    coordinating: list[str]
    tasks: str
    deadline: Deadline
    status: Literal["planned", "in_progress", "done", "cancelled"]
    evidence_required: list[str]
    evidence: list[str]
    completed_on: Optional[datetime.date]
    reported: list[datetime.date]
    note: str

class Plan:
    @staticmethod
    def load(path: Union[str, os.PathLike[str]]) -> Plan: ...
    @staticmethod
    def from_json(text: str) -> Plan: ...
    @staticmethod
    def from_dict(document: dict) -> Plan: ...  # added in __init__.py
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    issuer: str
    number: str
    issued_on: Optional[datetime.date]
    title: str
    period_first: datetime.date
    period_last: datetime.date
    framework_id: str
    events: dict[str, datetime.date]
    actions: list[Action]
    def with_events(self, events: Mapping[str, datetime.date]) -> Plan: ...

ActionState = Literal["done", "overdue", "due_soon", "upcoming", "unresolved", "cancelled"]

class ActionReview:
    id: str
    lead_agency: str
    criteria: list[str]
    state: ActionState
    due_dates: list[datetime.date]
    next_due: Optional[datetime.date]
    days_overdue: int
    missed: list[datetime.date]
    missing_event: str

class AgencyLoad:
    agency: str
    actions: int
    done: int
    overdue: int
    due_soon: int
    upcoming: int
    unresolved: int

class PlanReview:
    as_of: datetime.date
    horizon_days: int
    actions: list[ActionReview]
    agencies: list[AgencyLoad]
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    def to_frame(self) -> pd.DataFrame: ...  # added in __init__.py
    def agencies_frame(self) -> pd.DataFrame: ...  # added in __init__.py

def review(plan: Plan, calendar: WorkCalendar, as_of: datetime.date, horizon_days: int = 14) -> PlanReview: ...
def draft_plan(gaps: GapTable, issuer: str, period_first: datetime.date, period_last: datetime.date) -> Plan: ...

# Dossiers and commitments
class DossierCounts:
    total: int
    early: int
    on_time: int
    late: int
    pending: int
    pending_overdue: int
    fully_online: int
    paid_online: int
    digitised: int
    apologised: int
    resolved: int
    on_time_rate: Optional[float]
    fully_online_share: Optional[float]
    paid_online_share: Optional[float]
    digitised_share: Optional[float]
    apology_coverage: Optional[float]

class DossierGroup:
    key: list[str]
    counts: DossierCounts

class LateDossier:
    id: str
    unit: str
    level: str
    procedure: str
    field: str
    received: datetime.datetime
    due: datetime.date
    resolved: Optional[datetime.datetime]
    status: Literal["late", "pending_overdue"]
    working_days_late: int
    apologised: bool
    line: int

class RejectedRow:
    line: int
    reason: str

class DossierMetrics:
    group_by: list[str]
    groups: list[DossierGroup]
    all: DossierCounts
    late: list[LateDossier]
    rows_read: int
    rows_used: int
    rows_rejected: int
    rejections: list[RejectedRow]
    rejected_by: dict[str, int]
    def to_frame(self) -> pd.DataFrame: ...  # added in __init__.py
    def late_frame(self) -> pd.DataFrame: ...  # added in __init__.py
    # Pickles (a partial result travels from a Spark or Dask worker to the driver).
    def __getstate__(self) -> tuple: ...
    def __setstate__(self, state: tuple) -> None: ...

# parindex.read_dossiers (in _dossier_sources.py) also takes Parquet paths, Arrow streams and
# DataFrames; this is the CSV reader it calls.
def read_dossiers(path: Union[str, os.PathLike[str]], calendar: WorkCalendar, as_of: datetime.date, group_by: Sequence[str] = ...,
                  stop_at_first_error: bool = False, keep_late: bool = False, receipt_day_counts: bool = False,
                  cutoff_minute: Optional[int] = None, threads: int = 2) -> DossierMetrics: ...

def read_dossiers_arrow(stream: Any, calendar: WorkCalendar, as_of: datetime.date, group_by: Sequence[str] = ...,
                        stop_at_first_error: bool = False, keep_late: bool = False, receipt_day_counts: bool = False,
                        cutoff_minute: Optional[int] = None, where: str = "arrow stream") -> DossierMetrics: ...

def merge_dossier_metrics(parts: Sequence[DossierMetrics]) -> DossierMetrics: ...

def due_day(calendar: WorkCalendar, received: datetime.datetime, working_days: int, receipt_day_counts: bool = False,
            cutoff_minute: Optional[int] = None) -> datetime.date: ...

class ReportedValue:
    period: str
    value: float
    reported_on: Optional[datetime.date]
    source: str

class Target:
    id: str
    title: str
    metric: str
    comparator: str
    value: float
    unit: str
    kind: Literal["rate", "cumulative"]
    responsible: str
    actuals: list[ReportedValue]

class Commitment:
    @staticmethod
    def load(path: Union[str, os.PathLike[str]]) -> Commitment: ...
    @staticmethod
    def from_json(text: str) -> Commitment: ...
    @staticmethod
    def from_dict(document: dict) -> Commitment: ...  # added in __init__.py
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    committed_by: str
    committed_to: str
    number: str
    date: Optional[datetime.date]
    unit_code: str
    unit_name: str
    period_first: datetime.date
    period_last: datetime.date
    targets: list[Target]
    def with_dossier_actuals(self, counts: DossierCounts, as_of: datetime.date) -> Commitment: ...

class TargetReview:
    id: str
    title: str
    responsible: str
    target: str
    status: Literal["met", "on_track", "at_risk", "missed", "no_data"]
    latest: Optional[float]
    latest_period: str
    projection: Optional[float]
    report: Literal["up_to_date", "due_soon", "overdue"]
    next_report: Optional[datetime.date]
    missed_reports: list[datetime.date]
    explanation: str

class CommitmentReview:
    as_of: datetime.date
    targets: list[TargetReview]
    def to_json(self) -> str: ...
    def to_dict(self) -> dict: ...  # added in __init__.py
    def to_frame(self) -> pd.DataFrame: ...  # added in __init__.py

def review_commitment(commitment: Commitment, calendar: WorkCalendar, as_of: datetime.date,
                      horizon_days: int = 14) -> CommitmentReview: ...

# Satisfaction surveys (docs/sipas.md)
class SurveyQuestion:
    id: str
    element: str
    text: str

class SurveyDesign:
    @staticmethod
    def load(path: str) -> SurveyDesign: ...
    @staticmethod
    def from_json(text: str, source: str = "") -> SurveyDesign: ...
    id: str
    name: str
    elements: list[str]
    questions: list[SurveyQuestion]
    scale_max: int
    satisfied_from: int
    notes: str
    question_index: Literal["share_satisfied"]
    element_index: Literal["mean_of_questions", "pooled"]
    overall_index: Literal["mean_of_elements", "pooled"]
    min_responses: int
    confidence: float

class SurveyResponse:
    unit: str
    respondent: str
    question: str
    answer: int

class SurveyRow:
    unit: str
    element: str
    question: str
    respondents: int
    responses: int
    satisfied: int
    index: Optional[float]
    ci_low: Optional[float]
    ci_high: Optional[float]
    too_few: bool

class SurveyResults:
    design_id: str
    units: list[str]
    questions: list[SurveyRow]
    elements: list[SurveyRow]
    overall: list[SurveyRow]
    rows_read: int
    answers_used: int
    no_answers: int
    element_index: str
    overall_index: str
    min_responses: int
    confidence: float
    def overall_index_of(self, unit: str) -> Optional[float]: ...

def read_survey_design(path: str) -> SurveyDesign: ...
def read_survey_responses(path: str) -> list[SurveyResponse]: ...
def survey_responses_from_text(text: str, source: str = "") -> list[SurveyResponse]: ...
def aggregate_survey(design: SurveyDesign, responses: Sequence[SurveyResponse], *,
                     element_index: Optional[str] = None, overall_index: Optional[str] = None,
                     min_responses: Optional[int] = None, confidence: Optional[float] = None) -> SurveyResults: ...

# Decision analytics (parindex.what_if, improve and uncertainty wrap these).
class ImprovementStep:
    """One criterion improved: from its points now to the step's."""
    code: str
    title: str
    rule: str
    current_input: str
    required_input: str
    points: float
    new_points: float
    gain: float
    cost: float
    lead_agency: str

class ImprovementPlan:
    """The cheapest steps that reach a target; see parindex.improve."""
    unit: str
    name: str
    target: str
    reachable: bool
    max_points: float
    current_total: float
    total: float
    required_total: Optional[float]
    current_index_percent: float
    index_percent: float
    current_rank: int
    rank: int
    of: int
    current_group: str
    group: str
    cost: float
    steps: list[ImprovementStep]
    def to_json(self) -> str: ...
    def to_frame(self) -> Any: ...

class UncertaintyResult:
    """Ranks under uncertainty; see parindex.uncertainty."""
    unit_codes: list[str]
    unit_names: list[str]
    draws: int
    nominal_rank: list[int]
    groups: list[str]
    versus: list[str]
    rank_frequency: Any  # numpy array, units × ranks
    group_frequency: Any  # numpy array, units × groups
    above: Any  # numpy array, units × versus
    sensitivity_rows: list[tuple[str, float, float]]
    def rank_quantile(self, unit: int, q: float) -> int: ...
    def to_json(self) -> str: ...
    def to_frame(self) -> Any: ...
    def rank_frequency_frame(self) -> Any: ...
    def sensitivity_frame(self) -> Any: ...

def _what_if(framework: Framework, assessments: list[Assessment], scenarios: list[Any], groups: Any,
             tie_decimals: Optional[int]) -> list[tuple]: ...
def _improve(framework: Framework, assessments: list[Assessment], unit: str, target: str, efforts: list[dict],
             cost_per_point: float, cost_per_step: float, survey: bool, groups: Any, tie_decimals: Optional[int],
             others: dict[str, float]) -> ImprovementPlan: ...
def _read_efforts(path: str) -> list[dict]: ...
def _uncertainty(framework: Framework, inputs: Any, factors: list[tuple], survey_error: Optional[float],
                 appraisal_range: Optional[float], draws: int, seed: int, threads: int, groups: Any,
                 tie_decimals: Optional[int], versus: list[str], sensitivity: bool) -> UncertaintyResult: ...
def _uncertainty_draws(framework: Framework, inputs: Any, factors: list[tuple], survey_error: Optional[float],
                       appraisal_range: Optional[float], draws: int, seed: int) -> tuple[list[int], list[str], Any]: ...
