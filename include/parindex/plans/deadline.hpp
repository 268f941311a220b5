// Deadlines as the documents write them, resolved to dates on a work calendar.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "parindex/calendar/work_calendar.hpp"

namespace parindex {

namespace deadlines {

// "by 29/02/2024"
struct Fixed {
  Date date;
  friend bool operator==(const Fixed&, const Fixed&) = default;
};
// "within 15 days from the day this plan is issued": counting starts the day after the event
// (Civil Code 2015, art. 147). With working_days, N working days after it.
struct AfterEvent {
  std::string event;
  int days = 0;
  bool working_days = false;
  friend bool operator==(const AfterEvent&, const AfterEvent&) = default;
};
// "no later than the 12th of the last month of each quarter"
struct Quarterly {
  int day = 1;
  friend bool operator==(const Quarterly&, const Quarterly&) = default;
};
// "no later than 12 December each year"
struct Annual {
  int day = 1;
  int month = 1;
  friend bool operator==(const Annual&, const Annual&) = default;
};
// "within February 2024": the last day of that month.
struct WithinMonth {
  int year = 0;
  int month = 1;
  friend bool operator==(const WithinMonth&, const WithinMonth&) = default;
};

}  // namespace deadlines

// What happens when a due date falls on a day off.
enum class Roll {
  next_working_day,      // the default: a period ending on a day off ends on the next working day (Civil Code 2015, art. 148)
  keep,                  // the date stands
  previous_working_day,  // due before the day off
};
const char* to_string(Roll roll) noexcept;

struct DeadlineSpec {
  using Rule = std::variant<deadlines::Fixed, deadlines::AfterEvent, deadlines::Quarterly, deadlines::Annual,
                            deadlines::WithinMonth>;
  Rule rule;
  Roll roll = Roll::next_working_day;
  std::string text;  // the phrasing of the source document, kept for reports

  bool periodic() const noexcept;
  std::string kind() const;       // "fixed", "after_event", "quarterly", "annual", "within_month"
  std::string describe() const;   // in English, e.g. "the 12th of the last month of each quarter"
  friend bool operator==(const DeadlineSpec&, const DeadlineSpec&) = default;
};

// Dates of events that deadlines count from: "plan_issued", "papi_published", ...
using EventDates = std::map<std::string, Date>;

struct DueDates {
  std::vector<Date> dates;    // empty while an event is unknown
  std::string missing_event;  // the event whose date is still unknown, if any
  bool resolved() const noexcept { return missing_event.empty(); }
};

// Resolves a deadline. One-off deadlines give one date; periodic ones every due date whose
// period lies within [first, last]. Throws parindex::error (argument) for an impossible date
// (30 February) and when a date falls outside the calendar's years.
DueDates resolve(const DeadlineSpec& spec, const WorkCalendar& calendar, const EventDates& events,
                 const Date& first, const Date& last);

}  // namespace parindex
