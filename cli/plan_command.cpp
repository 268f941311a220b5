// parindex plan: a remediation plan reviewed as of a date.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

std::string criteria_of(const Action& a) {
  std::string out;
  for (const auto& c : a.criteria) out += (out.empty() ? "" : ", ") + c.str();
  return out;
}

std::string dates(const std::vector<Date>& ds) {
  std::string out;
  for (const auto& d : ds) out += (out.empty() ? "" : ", ") + to_iso(d);
  return out;
}

}  // namespace

int run_plan(const Options& o) {
  if (o.args.size() != 1) throw UsageError("plan takes one PLAN file");
  if (!o.as_of) throw UsageError("plan needs --as-of DATE");
  Plan plan = load_plan(o.args[0]);
  for (const auto& [name, date] : o.events) plan.events[name] = date;
  WorkCalendar calendar = calendar_for(o, plan.period_first.year(), plan.period_last.year() + 1);
  PlanReview r;
  try {
    r = review(plan, calendar, *o.as_of, o.within_days);
  } catch (const error& e) {
    throw e.located_in(o.args[0] + ": ");  // the plan file, then the action
  }
  if (o.format == Format::json) {
    std::cout << to_json(r);
    return 0;
  }
  if (o.format == Format::csv) {
    Table t{{"id", "criteria", "lead_agency", "state", "next_due", "days_overdue", "missed", "due_dates", "missing_event"}, {}, {}};
    for (const auto& a : r.actions) {
      t.add({a.action->id, criteria_of(*a.action), a.action->lead_agency, to_string(a.state),
             a.next_due ? to_iso(*a.next_due) : "", a.days_overdue ? std::to_string(a.days_overdue) : "", dates(a.missed),
             dates(a.due_dates), a.missing_event});
    }
    t.render(std::cout, o.format);
    return 0;
  }
  const std::string h = o.format == Format::markdown ? "### " : "";
  const Language l = o.lang;
  std::cout << h << plan.issuer << (plan.number.empty() ? "" : " · " + plan.number) << say(l, {" · tính đến ", " · as of "})
            << to_iso(r.as_of)
            << "\n" << plan.title << "\n";
  struct Section {
    ActionState state;
    Words heading;
  };
  const Section sections[] = {{ActionState::overdue, {"Quá hạn", "Overdue"}},
                              {ActionState::due_soon, {"Sắp đến hạn", "Due within the horizon"}},
                              {ActionState::unresolved, {"Chờ ngày của sự kiện", "Waiting for an event date"}},
                              {ActionState::upcoming, {"Chưa đến hạn", "Upcoming"}},
                              {ActionState::done, {"Đã hoàn thành", "Done"}},
                              {ActionState::cancelled, {"Đã hủy", "Cancelled"}}};
  for (const auto& section : sections) {
    Table t{say(l, {{"Nhiệm vụ", "Action"}, {"Tiêu chí", "Criteria"}, {"Cơ quan chủ trì", "Lead agency"}, {"Hạn", "Due"},
                    {"Số ngày quá hạn", "Days late"}, {"Thời hạn theo kế hoạch", "Deadline as written"}}),
            {false, false, false, false, true, false}, {}};
    for (const auto& a : r.actions) {
      if (a.state != section.state) continue;
      std::string due = a.state == ActionState::overdue ? dates(a.missed)
                        : a.next_due                   ? to_iso(*a.next_due)
                        : a.state == ActionState::unresolved ? say(l, {"khi biết ngày ", "when "}) + a.missing_event +
                                                                   say(l, {"", " is known"})
                                                             : dates(a.due_dates);
      t.add({a.action->id, criteria_of(*a.action), a.action->lead_agency, due,
             a.days_overdue ? std::to_string(a.days_overdue) : "",
             a.action->deadline.text.empty() ? a.action->deadline.describe() : a.action->deadline.text});
    }
    if (t.rows.empty()) continue;
    std::string heading = say(l, section.heading);
    if (section.state == ActionState::due_soon) {
      heading = say(l, {"Đến hạn trong ", "Due within "}) + std::to_string(r.horizon_days) + say(l, {" ngày", " days"});
    }
    std::cout << "\n" << h << heading << " (" << t.rows.size() << ")\n\n";
    t.render(std::cout, o.format);
  }
  Table load{say(l, {{"Cơ quan chủ trì", "Lead agency"}, {"Số nhiệm vụ", "Actions"}, {"Quá hạn", "Overdue"},
                     {"Sắp đến hạn", "Due soon"}, {"Chưa đến hạn", "Upcoming"}, {"Chờ sự kiện", "Waiting"},
                     {"Đã hoàn thành", "Done"}}),
             {false, true, true, true, true, true, true}, {}};
  for (const auto& l : r.agencies) {
    load.add({l.agency, std::to_string(l.actions), std::to_string(l.overdue), std::to_string(l.due_soon),
              std::to_string(l.upcoming), std::to_string(l.unresolved), std::to_string(l.done)});
  }
  std::cout << "\n" << h << say(l, {"Nhiệm vụ theo cơ quan chủ trì", "Load by lead agency"}) << "\n\n";
  load.render(std::cout, o.format);
  return 0;
}

}  // namespace parindex::cli
