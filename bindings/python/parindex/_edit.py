"""Editing documents in Python: each method returns a new, checked document and leaves the
original as it was, so a drafted plan can be changed and reviewed again without dicts::

    plan = plan.replace_action("3.5.3", deadline="2024-09-30", lead_agency="Văn phòng UBND")
    plan = plan.remove_action("6.4").add_action("7.9", criteria=["7.3.1"], lead_agency="Phòng Nội vụ",
                                                  deadline="2024-12-31")

Field names are the attributes' names (and the JSON documents' keys, docs/schemas); the new
document goes through the same checks as a loaded one, so a bad value is a DocumentError or
ValidationError naming where.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from . import _core
from .errors import ArgumentError

PLAN_FIELDS = ("issuer", "number", "issued_on", "title", "period_first", "period_last", "framework_id", "notes",
               "events")
ACTION_FIELDS = ("id", "criteria", "lead_agency", "implementing", "coordinating", "tasks", "deadline", "status",
                 "evidence_required", "evidence", "completed_on", "reported", "note")
ASSESSMENT_FIELDS = ("framework_id", "unit_code", "unit_name", "unit_level", "year", "notes")
ENTRY_FIELDS = ("value", "appraised_score", "self_score", "not_applicable", "evidence", "cause")
COMMITMENT_FIELDS = ("committed_by", "committed_to", "number", "date", "unit_code", "unit_name", "unit_level",
                     "period_first", "period_last", "notes")
TARGET_FIELDS = ("id", "title", "metric", "comparator", "value", "unit", "kind", "responsible")

# Where an attribute lives in its document, when the key is not the attribute's name.
_PLACES = {"framework_id": ("framework",), "period_first": ("period", "from"), "period_last": ("period", "to"),
           "unit_code": ("unit", "code"), "unit_name": ("unit", "name"), "unit_level": ("unit", "level")}


def _unknown(fields: dict, allowed: tuple, what: str) -> None:
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ArgumentError(f"{what}: unknown field(s) {', '.join(unknown)}; expected some of {', '.join(allowed)}")


def _put(document: dict, field: str, value: Any) -> None:
    place = _PLACES.get(field, (field,))
    for key in place[:-1]:
        document = document.setdefault(key, {})
    if value is None:
        document.pop(place[-1], None)
    else:
        document[place[-1]] = value


def _deadline(value: Any) -> Any:
    """A Deadline, its dict, or a date-like (then a fixed date)."""
    if isinstance(value, _core.Deadline):
        return value.to_dict()
    if isinstance(value, dict) or value is None:
        return value
    return {"kind": "fixed", "date": value}


def _with(document: dict, fields: dict, convert: Optional[dict] = None) -> dict:
    for field, value in fields.items():
        if convert and field in convert:
            value = convert[field](value)
        _put(document, field, value)
    return document


def _find(items: list, key: str, wanted: str, what: str) -> int:
    for i, item in enumerate(items):
        if item.get(key) == wanted:
            return i
    raise ArgumentError(f"{what}: no {key} {wanted!r}; there are {', '.join(str(x.get(key)) for x in items)}")


# Plans
def plan_replace(plan: _core.Plan, **fields: Any) -> _core.Plan:
    """A copy with these plan fields changed (None removes an optional one)."""
    _unknown(fields, PLAN_FIELDS, "Plan.replace")
    return _core.Plan.from_dict(_with(plan.to_dict(), fields))


def plan_replace_action(plan: _core.Plan, id: str, **fields: Any) -> _core.Plan:
    """A copy with action ``id`` changed: ``deadline`` takes a Deadline, its dict or a date
    (a fixed deadline); ``status`` is planned, in_progress, done or cancelled (done needs
    ``completed_on`` and ``evidence`` when the action requires evidence)."""
    _unknown(fields, ACTION_FIELDS, "Plan.replace_action")
    document = plan.to_dict()
    i = _find(document["actions"], "id", id, "Plan.replace_action")
    _with(document["actions"][i], fields, {"deadline": _deadline})
    return _core.Plan.from_dict(document)


def plan_add_action(plan: _core.Plan, action: Any = None, **fields: Any) -> _core.Plan:
    """A copy with one more action, last: an :class:`Action` (from another plan, say) or the
    fields ``id``, ``criteria``, ``lead_agency``, ``deadline`` (required) and the optional
    others. Ids stay unique."""
    _unknown(fields, ACTION_FIELDS, "Plan.add_action")
    new = _action_dict(action) if action is not None else {}
    _with(new, fields, {"deadline": _deadline})
    document = plan.to_dict()
    if any(a.get("id") == new.get("id") for a in document["actions"]):
        raise ArgumentError(f"Plan.add_action: the plan already has an action {new.get('id')!r}")
    document["actions"].append(new)
    return _core.Plan.from_dict(document)


def plan_remove_action(plan: _core.Plan, id: str) -> _core.Plan:
    """A copy without action ``id``."""
    document = plan.to_dict()
    del document["actions"][_find(document["actions"], "id", id, "Plan.remove_action")]
    return _core.Plan.from_dict(document)


def _action_dict(action: Any) -> dict:
    if not isinstance(action, _core.Action):
        raise ArgumentError(f"Plan.add_action: expected an Action or keyword fields, got {type(action).__name__}")
    fields = {f: getattr(action, f) for f in ACTION_FIELDS}
    fields["deadline"] = action.deadline.to_dict()
    return {k: v for k, v in fields.items() if v not in (None, "", [])}


# Assessments
def assessment_replace(assessment: _core.Assessment, **fields: Any) -> _core.Assessment:
    """A copy with these fields changed: framework_id, unit_code, unit_name, unit_level, year, notes."""
    _unknown(fields, ASSESSMENT_FIELDS, "Assessment.replace")
    return _core.Assessment.from_dict(_with(assessment.to_dict(), fields))


def assessment_with_criterion(assessment: _core.Assessment, code: str, **entry: Any) -> _core.Assessment:
    """A copy with criterion ``code``'s entry changed or added: ``value`` (the rule's input),
    ``appraised_score``, ``self_score``, ``not_applicable``, ``evidence``, ``cause``; None
    removes a key. Setting ``value`` or ``appraised_score`` drops the other, so the new one decides."""
    _unknown(entry, ENTRY_FIELDS, "Assessment.with_criterion")
    document = assessment.to_dict()
    current = document.setdefault("criteria", {}).setdefault(code, {})
    for decides, other in (("value", "appraised_score"), ("appraised_score", "value")):
        if entry.get(decides) is not None and other not in entry:
            current.pop(other, None)
    _with(current, entry)
    return _core.Assessment.from_dict(document)


def assessment_without_criterion(assessment: _core.Assessment, code: str) -> _core.Assessment:
    """A copy without criterion ``code``'s entry."""
    document = assessment.to_dict()
    if code not in document.get("criteria", {}):
        raise ArgumentError(f"Assessment.without_criterion: no entry for {code!r}")
    del document["criteria"][code]
    return _core.Assessment.from_dict(document)


# Commitments
def commitment_replace(commitment: _core.Commitment, **fields: Any) -> _core.Commitment:
    """A copy with these commitment fields changed."""
    _unknown(fields, COMMITMENT_FIELDS, "Commitment.replace")
    return _core.Commitment.from_dict(_with(commitment.to_dict(), fields))


def commitment_replace_target(commitment: _core.Commitment, id: str, **fields: Any) -> _core.Commitment:
    """A copy with target ``id`` changed: title, metric, comparator (>=, >, <=, <, ==), value,
    unit, kind (rate or cumulative), responsible."""
    _unknown(fields, TARGET_FIELDS, "Commitment.replace_target")
    document = commitment.to_dict()
    _with(document["targets"][_find(document["targets"], "id", id, "Commitment.replace_target")], fields)
    return _core.Commitment.from_dict(document)


def commitment_add_target(commitment: _core.Commitment, **fields: Any) -> _core.Commitment:
    """A copy with one more target: ``id``, ``title``, ``metric``, ``comparator``, ``value``
    (required), ``unit``, ``kind`` (default rate), ``responsible``."""
    _unknown(fields, TARGET_FIELDS, "Commitment.add_target")
    document = commitment.to_dict()
    if any(t.get("id") == fields.get("id") for t in document["targets"]):
        raise ArgumentError(f"Commitment.add_target: the commitment already has a target {fields.get('id')!r}")
    document["targets"].append(_with({}, fields))
    return _core.Commitment.from_dict(document)


def commitment_remove_target(commitment: _core.Commitment, id: str) -> _core.Commitment:
    """A copy without target ``id``."""
    document = commitment.to_dict()
    del document["targets"][_find(document["targets"], "id", id, "Commitment.remove_target")]
    return _core.Commitment.from_dict(document)


def commitment_with_actual(commitment: _core.Commitment, id: str, period: str, value: float,
                           reported_on: Any = None, source: str = "") -> _core.Commitment:
    """A copy with target ``id``'s figure for ``period`` (``"2024-Q3"``, ``"2024-09"``, ``"2024"``)
    set, replacing one already reported for that period."""
    document = commitment.to_dict()
    target = document["targets"][_find(document["targets"], "id", id, "Commitment.with_actual")]
    actual = _with({"period": period, "value": value}, {"reported_on": reported_on, "source": source or None})
    actuals = [a for a in target.get("actuals", []) if a.get("period") != period]
    target["actuals"] = sorted(actuals + [actual], key=lambda a: a["period"])
    return _core.Commitment.from_dict(document)


METHODS: dict[type, dict[str, Callable]] = {
    _core.Plan: {"replace": plan_replace, "replace_action": plan_replace_action, "add_action": plan_add_action,
                 "remove_action": plan_remove_action},
    _core.Assessment: {"replace": assessment_replace, "with_criterion": assessment_with_criterion,
                       "without_criterion": assessment_without_criterion},
    _core.Commitment: {"replace": commitment_replace, "replace_target": commitment_replace_target,
                       "add_target": commitment_add_target, "remove_target": commitment_remove_target,
                       "with_actual": commitment_with_actual},
}
