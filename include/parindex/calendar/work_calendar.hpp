// Working days: weekends, public holidays, compensatory and swapped days.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "parindex/calendar/dates.hpp"

namespace parindex {

// A named day off: a holiday, a compensatory day (nghỉ bù) or a day swapped out (hoán đổi).
struct DayOff {
  Date date;
  std::string name;
  bool projected = false;  // from the statutory rules, not from an announcement
  friend bool operator==(const DayOff&, const DayOff&) = default;
};

// A weekend day worked instead (làm bù).
struct WorkingDay {
  Date date;
  std::string name;
  bool projected = false;
  friend bool operator==(const WorkingDay&, const WorkingDay&) = default;
};

// Everything a calendar is made of. Plain data: build one, then make a WorkCalendar of it.
struct CalendarRules {
  std::string name;
  int first_year = 0;  // the years the calendar answers for
  int last_year = 0;
  // weekend[boost weekday number] (0 = Sunday ... 6 = Saturday)
  std::array<bool, 7> weekend{true, false, false, false, false, false, true};
  std::vector<DayOff> days_off;
  std::vector<WorkingDay> working_days;
  std::vector<std::string> sources;  // what the days off were taken from
};

// An immutable working-day calendar. Queries cost O(1): the constructor lays out every day of
// the covered years. Queries outside them throw parindex::error (argument) naming the range.
// Copies are cheap and share the tables; no global state.
class WorkCalendar {
 public:
  // Throws parindex::error (validation) for years out of order, or days outside them.
  explicit WorkCalendar(CalendarRules rules);

  const CalendarRules& rules() const noexcept;
  const std::string& name() const noexcept { return rules().name; }
  int first_year() const noexcept { return rules().first_year; }
  int last_year() const noexcept { return rules().last_year; }
  bool covers(const Date& date) const noexcept;

  bool is_working_day(const Date& date) const;
  // The named day off on that date, if any (ordinary weekends have none).
  const DayOff* day_off(const Date& date) const;
  // Named days off of one year, in date order.
  std::vector<DayOff> days_off(int year) const;
  std::vector<WorkingDay> working_days(int year) const;

  // The first working day strictly after / before a date.
  Date next_working_day(const Date& date) const;
  Date previous_working_day(const Date& date) const;
  // The date itself when it is a working day, else the next (following) or previous one.
  Date roll_forward(const Date& date) const;
  Date roll_backward(const Date& date) const;
  // The n-th working day after date (n > 0) or before it (n < 0); date itself for n = 0.
  Date add_working_days(const Date& date, long n) const;
  // add_working_days(roll_forward(date), n) for n >= 0 in one lookup: due days are asked for
  // millions of times a log.
  Date add_working_days_rolled(const Date& date, long n) const;
  // Working days d with from <= d < to (negative when to < from), as numpy's busday_count.
  long count_working_days(const Date& from, const Date& to) const;

  // Compositions give new calendars; this one is unchanged.
  WorkCalendar with_days_off(const std::vector<DayOff>& extra, const std::string& name) const;
  WorkCalendar with_working_days(const std::vector<WorkingDay>& extra, const std::string& name) const;
  WorkCalendar with_weekend(const std::array<bool, 7>& weekend, const std::string& name) const;

 private:
  struct Tables;
  std::shared_ptr<const Tables> tables_;
  long index_of(const Date& date, const char* what) const;
  // n working days from `date` reach past the tables' ends (kept out of line: the callers are hot).
  [[noreturn]] void beyond_tables(const Date& date, long n) const;
};

// A day is a working day only where it is one in both (QuantLib's JointCalendar rule): the
// union of the days off, over the years both cover.
WorkCalendar joint(const WorkCalendar& a, const WorkCalendar& b, const std::string& name = "");

// Vietnam's calendar for public bodies (cán bộ, công chức, viên chức; Monday to Friday) over a
// range of years: the government's announced schedule where parindex ships it
// (data/calendars/vn/), and elsewhere the days off the Labour Code projects, marked projected.
// Years from 2013 (Labour Code 2012) to 2199 (the lunar calendar's range).
WorkCalendar vietnam_calendar(int first_year, int last_year);

// The years whose announced schedule parindex ships.
std::vector<int> vietnam_announced_years();

// The statutory days off of one year as the Labour Code sets them (2012 Code to 2020, 2019 Code
// from 2021), with compensatory days for holidays on a weekend, all marked projected.
std::vector<DayOff> vietnam_statutory_days_off(int year);

}  // namespace parindex
