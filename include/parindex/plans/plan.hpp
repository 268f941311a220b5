// Remediation plans (kế hoạch khắc phục): actions tied to the criteria that lost points.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parindex/core/criterion_code.hpp"
#include "parindex/plans/deadline.hpp"
#include "parindex/core/gaps.hpp"
#include "parindex/core/improvement.hpp"

namespace parindex {

enum class ActionStatus { planned, in_progress, done, cancelled };
const char* to_string(ActionStatus status) noexcept;

struct Action {
  std::string id;
  std::vector<CriterionCode> criteria;        // the criteria it serves
  std::string lead_agency;                    // cơ quan chủ trì tham mưu
  std::vector<std::string> implementing;      // cơ quan thực hiện
  std::vector<std::string> coordinating;      // cơ quan phối hợp
  std::string tasks;                          // nhiệm vụ, giải pháp, as written
  DeadlineSpec deadline;
  ActionStatus status = ActionStatus::planned;
  std::vector<std::string> evidence_required;  // what must be shown before it counts as done
  std::vector<std::string> evidence;           // what has been shown
  std::optional<Date> completed_on;            // a one-off action's completion
  std::vector<Date> reported;                  // a periodic action's due dates already met
  std::string note;
  friend bool operator==(const Action&, const Action&) = default;
};

struct Plan {
  std::string issuer;   // "UBND huyện Bắc Sơn"
  std::string number;   // "12/KH-UBND"
  std::optional<Date> issued_on;
  std::string title;
  Date period_first;    // the period the plan covers
  Date period_last;
  std::string framework_id;  // optional: the framework whose criteria the actions cite
  std::string notes;
  EventDates events;          // known event dates ("plan_issued", "papi_published", ...)
  std::vector<Action> actions;
  friend bool operator==(const Plan&, const Plan&) = default;
};

// Checks a plan: unique non-empty ids, a lead agency for every action, a period that runs
// forwards, and no action done without its evidence (every required item shown, or at least
// one item when none is listed). Throws parindex::error (validation) naming the action.
void validate(const Plan& plan);

// A draft plan from a gap table: one action per criterion that lost points, led by the
// criterion's lead agency, due by the end of the period; tasks left for the drafter.
Plan draft_plan(const GapTable& gaps, const std::string& issuer, const Date& period_first, const Date& period_last);
// A draft plan from an improvement plan: one action per step, its task the required input
// ("[90%, 100%]", "≥ 3.1 of 6"), led by the criterion's lead agency, due by the end of the period.
Plan draft_plan(const ImprovementPlan& improvement, const std::string& issuer, const Date& period_first,
                const Date& period_last);

// Where an action stands on a date.
enum class ActionState {
  done,        // done, or every due date so far met
  overdue,     // a due date has passed unmet
  due_soon,    // the next due date is within the horizon
  upcoming,    // due later
  unresolved,  // an event it counts from has no date yet
  cancelled,
};
const char* to_string(ActionState state) noexcept;

struct ActionReview {
  const Action* action = nullptr;
  ActionState state = ActionState::upcoming;
  std::vector<Date> due_dates;   // resolved, within the plan's period
  std::optional<Date> next_due;  // the first unmet due date
  long days_overdue = 0;         // calendar days past the first unmet due date
  std::vector<Date> missed;      // unmet due dates before the review date
  std::string missing_event;
};

struct AgencyLoad {
  std::string agency;
  int actions = 0;
  int done = 0;
  int overdue = 0;
  int due_soon = 0;
  int upcoming = 0;
  int unresolved = 0;
};

struct PlanReview {
  Date as_of;
  int horizon_days = 0;
  std::vector<ActionReview> actions;  // in plan order
  std::vector<AgencyLoad> agencies;   // by lead agency, most overdue first
};

// Reviews a plan as of a date: what is overdue, what falls due within `horizon_days`
// calendar days, what is done, and each lead agency's load. The plan must be valid.
PlanReview review(const Plan& plan, const WorkCalendar& calendar, const Date& as_of, int horizon_days = 14);

}  // namespace parindex
