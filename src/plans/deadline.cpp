#include "parindex/plans/deadline.hpp"
#include "parindex/core/overloaded.hpp"

#include "parindex/core/error.hpp"

namespace parindex {

namespace {

namespace greg = boost::gregorian;

std::string ordinal(int n) {
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

const char* month_name(int m) {
  static const char* names[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"};
  return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

Date checked_date(int year, int month, int day, const std::string& what) {
  if (month < 1 || month > 12 || day < 1 || day > greg::gregorian_calendar::end_of_month_day(year, month)) {
    throw error(error_kind::argument, what, std::to_string(day) + "/" + std::to_string(month) + "/" + std::to_string(year) +
                                               " is not a date");
  }
  return Date(year, month, day);
}

Date roll(const Date& d, Roll r, const WorkCalendar& calendar) {
  switch (r) {
    case Roll::keep: return d;
    case Roll::next_working_day: return calendar.roll_forward(d);
    case Roll::previous_working_day: return calendar.roll_backward(d);
  }
  return d;
}

}  // namespace

const char* to_string(Roll r) noexcept {
  switch (r) {
    case Roll::next_working_day: return "next_working_day";
    case Roll::keep: return "keep";
    case Roll::previous_working_day: return "previous_working_day";
  }
  return "?";
}

bool DeadlineSpec::periodic() const noexcept {
  return std::holds_alternative<deadlines::Quarterly>(rule) || std::holds_alternative<deadlines::Annual>(rule);
}

std::string DeadlineSpec::kind() const {
  return std::visit(overloaded{[](const deadlines::Fixed&) { return "fixed"; },
                               [](const deadlines::AfterEvent&) { return "after_event"; },
                               [](const deadlines::Quarterly&) { return "quarterly"; },
                               [](const deadlines::Annual&) { return "annual"; },
                               [](const deadlines::WithinMonth&) { return "within_month"; }},
                    rule);
}

std::string DeadlineSpec::describe() const {
  std::string base = std::visit(
      overloaded{
          [](const deadlines::Fixed& f) { return "by " + to_iso(f.date); },
          [](const deadlines::AfterEvent& a) {
            return std::to_string(a.days) + (a.working_days ? " working" : "") + " days after " + a.event;
          },
          [](const deadlines::Quarterly& q) { return "by the " + ordinal(q.day) + " of the last month of each quarter"; },
          [](const deadlines::Annual& a) { return "by " + std::to_string(a.day) + " " + month_name(a.month) + " each year"; },
          [](const deadlines::WithinMonth& w) { return std::string("within ") + month_name(w.month) + " " + std::to_string(w.year); },
      },
      rule);
  if (roll == Roll::next_working_day) return base + "; a day off moves it to the next working day";
  if (roll == Roll::previous_working_day) return base + "; a day off moves it to the previous working day";
  return base;
}

DueDates resolve(const DeadlineSpec& spec, const WorkCalendar& calendar, const EventDates& events, const Date& first,
                 const Date& last) {
  DueDates out;
  const std::string where = "deadline \"" + (spec.text.empty() ? spec.describe() : spec.text) + "\"";
  std::visit(overloaded{
                 [&](const deadlines::Fixed& f) { out.dates.push_back(roll(f.date, spec.roll, calendar)); },
                 [&](const deadlines::AfterEvent& a) {
                   auto it = events.find(a.event);
                   if (it == events.end()) {
                     out.missing_event = a.event;
                     return;
                   }
                   if (a.days < 0) throw error(error_kind::argument, where, "the number of days cannot be negative");
                   Date due = a.working_days ? calendar.add_working_days(it->second, a.days)
                                             : it->second + greg::days(a.days);
                   out.dates.push_back(roll(due, spec.roll, calendar));
                 },
                 [&](const deadlines::Quarterly& q) {
                   for (int year = first.year(); year <= last.year(); ++year) {
                     for (int month : {3, 6, 9, 12}) {
                       // A quarter counts when it ends within the period.
                       Date quarter_end = greg::date(year, month, 1).end_of_month();
                       if (quarter_end < first || quarter_end > last) continue;
                       out.dates.push_back(roll(checked_date(year, month, q.day, where), spec.roll, calendar));
                     }
                   }
                 },
                 [&](const deadlines::Annual& a) {
                   for (int year = first.year(); year <= last.year(); ++year) {
                     Date d = checked_date(year, a.month, a.day, where);
                     if (d < first || d > last) continue;
                     out.dates.push_back(roll(d, spec.roll, calendar));
                   }
                 },
                 [&](const deadlines::WithinMonth& w) {
                   out.dates.push_back(roll(checked_date(w.year, w.month, 1, where).end_of_month(), spec.roll, calendar));
                 },
             },
             spec.rule);
  return out;
}

}  // namespace parindex
