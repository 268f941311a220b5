#include "parindex/plans/plan.hpp"

#include <algorithm>
#include <set>

#include "parindex/core/error.hpp"

namespace parindex {

namespace {

[[noreturn]] void invalid(const std::string& where, const std::string& detail) {
  throw error(error_kind::validation, where, detail);
}

}  // namespace

const char* to_string(ActionStatus s) noexcept {
  switch (s) {
    case ActionStatus::planned: return "planned";
    case ActionStatus::in_progress: return "in_progress";
    case ActionStatus::done: return "done";
    case ActionStatus::cancelled: return "cancelled";
  }
  return "?";
}

const char* to_string(ActionState s) noexcept {
  switch (s) {
    case ActionState::done: return "done";
    case ActionState::overdue: return "overdue";
    case ActionState::due_soon: return "due_soon";
    case ActionState::upcoming: return "upcoming";
    case ActionState::unresolved: return "unresolved";
    case ActionState::cancelled: return "cancelled";
  }
  return "?";
}

void validate(const Plan& plan) {
  const std::string where_plan = "plan " + (plan.number.empty() ? plan.title : plan.number);
  if (plan.issuer.empty()) invalid(where_plan, "the issuing unit must be named");
  if (plan.period_first.is_special() || plan.period_last.is_special() || plan.period_last < plan.period_first) {
    invalid(where_plan, "the period must run forwards");
  }
  std::set<std::string> ids;
  for (const auto& a : plan.actions) {
    const std::string where = "action " + (a.id.empty() ? std::string("(no id)") : a.id);
    if (a.id.empty()) invalid(where_plan, "every action needs an id");
    if (!ids.insert(a.id).second) invalid(where, "the id appears twice");
    if (a.lead_agency.empty()) invalid(where, "needs a lead agency (cơ quan chủ trì)");
    if (a.status == ActionStatus::done) {
      if (a.evidence.empty()) {
        invalid(where, "is marked done without evidence; record what proves it" +
                           (a.evidence_required.empty() ? std::string() : " (required: " + a.evidence_required.front() + ")"));
      }
      for (const auto& req : a.evidence_required) {
        if (std::find(a.evidence.begin(), a.evidence.end(), req) == a.evidence.end()) {
          invalid(where, "is marked done, but the required evidence \"" + req + "\" is not among its evidence");
        }
      }
      if (!a.deadline.periodic() && !a.completed_on) invalid(where, "is marked done without a completion date");
    }
    if (a.completed_on && a.status != ActionStatus::done) invalid(where, "has a completion date but is not marked done");
  }
}

Plan draft_plan(const GapTable& gaps, const std::string& issuer, const Date& period_first, const Date& period_last) {
  Plan plan;
  plan.issuer = issuer;
  plan.title = "Kế hoạch khắc phục tồn tại, hạn chế — " + gaps.unit.name + " " + std::to_string(gaps.year) + " (bản dự thảo)";
  plan.period_first = period_first;
  plan.period_last = period_last;
  plan.framework_id = gaps.framework_id;
  for (const auto& g : gaps.gaps) {
    Action a;
    a.id = g.code.str();
    a.criteria = {g.code};
    a.lead_agency = g.lead_agency.empty() ? issuer : g.lead_agency;
    a.deadline.rule = deadlines::Fixed{period_last};
    a.deadline.text = "trong kỳ kế hoạch";
    a.note = "Mất " + format_fixed(g.lost, gaps.decimals) + "/" + format_fixed(g.max_points, gaps.decimals) + " điểm" +
             (g.cause.empty() ? "" : ": " + g.cause);
    plan.actions.push_back(std::move(a));
  }
  validate(plan);
  return plan;
}

Plan draft_plan(const ImprovementPlan& improvement, const std::string& issuer, const Date& period_first,
                const Date& period_last) {
  Plan plan;
  plan.issuer = issuer;
  plan.title = "Kế hoạch nâng cao chỉ số — " + improvement.unit.name + " (bản dự thảo, mục tiêu " + improvement.target.str() + ")";
  plan.period_first = period_first;
  plan.period_last = period_last;
  for (const auto& s : improvement.steps) {
    Action a;
    a.id = s.code.str();
    a.criteria = {s.code};
    a.lead_agency = s.lead_agency.empty() ? issuer : s.lead_agency;
    a.tasks = s.title + ": " + s.required_input;
    a.deadline.rule = deadlines::Fixed{period_last};
    a.deadline.text = "trong kỳ kế hoạch";
    a.note = format_fixed(s.current_points, 2) + " → " + format_fixed(s.new_points, 2) + " điểm" +
             (s.current_input.empty() ? "" : " (hiện tại: " + s.current_input + ")");
    plan.actions.push_back(std::move(a));
  }
  validate(plan);
  return plan;
}

PlanReview review(const Plan& plan, const WorkCalendar& calendar, const Date& as_of, int horizon_days) {
  validate(plan);
  if (horizon_days < 0) throw error(error_kind::argument, "review", "the horizon cannot be negative");
  PlanReview out;
  out.as_of = as_of;
  out.horizon_days = horizon_days;
  std::map<std::string, AgencyLoad> load;
  for (const auto& a : plan.actions) {
    ActionReview r;
    r.action = &a;
    DueDates due;
    try {
      due = resolve(a.deadline, calendar, plan.events, plan.period_first, plan.period_last);
    } catch (const error& e) {
      throw e.located_in("action " + a.id + ": ");  // which action of the plan, not just which date
    }
    r.due_dates = due.dates;
    r.missing_event = due.missing_event;
    if (a.status == ActionStatus::cancelled) {
      r.state = ActionState::cancelled;
    } else if (!due.resolved()) {
      r.state = ActionState::unresolved;
    } else if (a.status == ActionStatus::done && !a.deadline.periodic()) {
      r.state = ActionState::done;
    } else {
      std::vector<Date> unmet;
      for (const auto& d : r.due_dates) {
        if (std::find(a.reported.begin(), a.reported.end(), d) == a.reported.end()) unmet.push_back(d);
      }
      for (const auto& d : unmet) {
        if (d < as_of) r.missed.push_back(d);
      }
      if (!unmet.empty()) r.next_due = unmet.front();
      if (!r.missed.empty()) {
        r.state = ActionState::overdue;
        r.days_overdue = (as_of - r.missed.front()).days();
      } else if (!r.next_due) {
        r.state = ActionState::done;
      } else if ((*r.next_due - as_of).days() <= horizon_days) {
        r.state = ActionState::due_soon;
      } else {
        r.state = ActionState::upcoming;
      }
    }
    auto& l = load[a.lead_agency];
    l.agency = a.lead_agency;
    ++l.actions;
    switch (r.state) {
      case ActionState::done: ++l.done; break;
      case ActionState::overdue: ++l.overdue; break;
      case ActionState::due_soon: ++l.due_soon; break;
      case ActionState::upcoming: ++l.upcoming; break;
      case ActionState::unresolved: ++l.unresolved; break;
      case ActionState::cancelled: break;
    }
    out.actions.push_back(std::move(r));
  }
  for (auto& [name, l] : load) out.agencies.push_back(l);
  std::stable_sort(out.agencies.begin(), out.agencies.end(), [](const AgencyLoad& a, const AgencyLoad& b) {
    if (a.overdue != b.overdue) return a.overdue > b.overdue;
    return a.actions > b.actions;
  });
  return out;
}

}  // namespace parindex
