#include "parindex/calendar/work_calendar.hpp"

#include <algorithm>
#include <set>

#include "parindex/core/error.hpp"

namespace parindex {

namespace greg = boost::gregorian;

struct WorkCalendar::Tables {
  CalendarRules rules;
  Date start;                       // 1 January of the first year
  std::vector<std::uint8_t> working;  // per day
  std::vector<std::int32_t> before;   // working days in [start, start + i)
  std::vector<std::int32_t> position; // day index of the k-th working day
  std::vector<std::int32_t> off;      // index into rules.days_off, or -1
};

namespace {

[[noreturn]] void invalid(const std::string& where, const std::string& detail) {
  throw error(error_kind::validation, where, detail);
}

std::string year_range(const CalendarRules& r) {
  return r.first_year == r.last_year ? std::to_string(r.first_year)
                                     : std::to_string(r.first_year) + "–" + std::to_string(r.last_year);
}

}  // namespace

WorkCalendar::WorkCalendar(CalendarRules rules) {
  const std::string where = "calendar " + (rules.name.empty() ? std::string("(unnamed)") : rules.name);
  if (rules.first_year < 1400 || rules.last_year > 9999 || rules.first_year > rules.last_year ||
      rules.last_year - rules.first_year > 400) {
    invalid(where, "its years must run forwards, within 1400–9999 and at most 400 years");
  }
  auto tables = std::make_shared<Tables>();
  tables->start = Date(rules.first_year, 1, 1);
  const long n = (Date(rules.last_year, 12, 31) - tables->start).days() + 1;
  tables->working.resize(static_cast<std::size_t>(n));
  tables->off.assign(static_cast<std::size_t>(n), -1);
  for (long i = 0; i < n; ++i) {
    auto weekday = (tables->start + greg::days(i)).day_of_week().as_number();
    tables->working[static_cast<std::size_t>(i)] = !rules.weekend[weekday];
  }
  auto index = [&](const Date& d, const std::string& what) {
    if (d.is_special() || d < tables->start || d > Date(rules.last_year, 12, 31)) {
      invalid(where, what + " " + to_iso(d) + " lies outside the calendar's years " + year_range(rules));
    }
    return static_cast<std::size_t>((d - tables->start).days());
  };
  std::sort(rules.days_off.begin(), rules.days_off.end(), [](const DayOff& a, const DayOff& b) { return a.date < b.date; });
  // One name per date: two reasons for the same day off are joined.
  std::vector<DayOff> merged;
  for (auto& d : rules.days_off) {
    if (!merged.empty() && merged.back().date == d.date) {
      if (merged.back().name != d.name) merged.back().name += "; " + d.name;
      merged.back().projected = merged.back().projected && d.projected;
    } else {
      merged.push_back(std::move(d));
    }
  }
  rules.days_off = std::move(merged);
  for (std::size_t k = 0; k < rules.days_off.size(); ++k) {
    auto i = index(rules.days_off[k].date, "day off");
    tables->working[i] = 0;
    tables->off[i] = static_cast<std::int32_t>(k);
  }
  std::sort(rules.working_days.begin(), rules.working_days.end(),
            [](const WorkingDay& a, const WorkingDay& b) { return a.date < b.date; });
  for (const auto& w : rules.working_days) {
    auto i = index(w.date, "working day");
    if (tables->off[i] >= 0) {
      invalid(where, to_iso(w.date) + " is both a day off (" + rules.days_off[static_cast<std::size_t>(tables->off[i])].name +
                         ") and a working day (" + w.name + ")");
    }
    tables->working[i] = 1;
  }
  tables->before.resize(static_cast<std::size_t>(n) + 1);
  tables->before[0] = 0;
  for (long i = 0; i < n; ++i) {
    tables->before[static_cast<std::size_t>(i) + 1] = tables->before[static_cast<std::size_t>(i)] + tables->working[static_cast<std::size_t>(i)];
    if (tables->working[static_cast<std::size_t>(i)]) tables->position.push_back(static_cast<std::int32_t>(i));
  }
  tables->rules = std::move(rules);
  tables_ = std::move(tables);
}

const CalendarRules& WorkCalendar::rules() const noexcept { return tables_->rules; }

namespace {

// The day's place in the tables, or -1 when they do not cover it. By raw day numbers: a
// date's year costs a conversion and Boost's subtraction checks for special values on both
// sides, and dossier logs ask this several times a row.
long long offset_in(const Date& date, const Date& start, std::size_t days) noexcept {
  if (date.is_special()) return -1;
  const long long i = static_cast<long long>(date.day_number()) - static_cast<long long>(start.day_number());
  return i >= 0 && i < static_cast<long long>(days) ? i : -1;
}

}  // namespace

bool WorkCalendar::covers(const Date& date) const noexcept {
  return offset_in(date, tables_->start, tables_->working.size()) >= 0;
}

long WorkCalendar::index_of(const Date& date, const char* what) const {
  const long long i = offset_in(date, tables_->start, tables_->working.size());
  if (i < 0) {
    throw error(error_kind::argument, std::string(what) + " " + to_iso(date),
                "outside calendar " + name() + ", which covers " + year_range(rules()));
  }
  return static_cast<long>(i);
}

bool WorkCalendar::is_working_day(const Date& date) const {
  return tables_->working[static_cast<std::size_t>(index_of(date, "date"))] != 0;
}

const DayOff* WorkCalendar::day_off(const Date& date) const {
  auto k = tables_->off[static_cast<std::size_t>(index_of(date, "date"))];
  return k < 0 ? nullptr : &tables_->rules.days_off[static_cast<std::size_t>(k)];
}

std::vector<DayOff> WorkCalendar::days_off(int year) const {
  index_of(Date(year, 1, 1), "year");
  std::vector<DayOff> out;
  for (const auto& d : rules().days_off) {
    if (d.date.year() == year) out.push_back(d);
  }
  return out;
}

std::vector<WorkingDay> WorkCalendar::working_days(int year) const {
  index_of(Date(year, 1, 1), "year");
  std::vector<WorkingDay> out;
  for (const auto& w : rules().working_days) {
    if (w.date.year() == year) out.push_back(w);
  }
  return out;
}

Date WorkCalendar::add_working_days(const Date& date, long n) const {
  const long i = index_of(date, "date");
  if (n == 0) return date;
  const auto& t = *tables_;
  const long k = n > 0 ? t.before[static_cast<std::size_t>(i) + 1] + n - 1 : t.before[static_cast<std::size_t>(i)] + n;
  if (k < 0 || k >= static_cast<long>(t.position.size())) beyond_tables(date, n);
  return Date(static_cast<Date::date_int_type>(t.start.day_number() + t.position[static_cast<std::size_t>(k)]));
}

Date WorkCalendar::add_working_days_rolled(const Date& date, long n) const {
  const long i = index_of(date, "date");
  if (n < 0) throw error(error_kind::argument, "add_working_days_rolled", "expected n >= 0, got " + std::to_string(n));
  const auto& t = *tables_;
  // The first working day on or after the date is the one with as many working days before it.
  const long k = t.before[static_cast<std::size_t>(i)] + n;
  if (k >= static_cast<long>(t.position.size())) beyond_tables(date, n);
  return Date(static_cast<Date::date_int_type>(t.start.day_number() + t.position[static_cast<std::size_t>(k)]));
}

void WorkCalendar::beyond_tables(const Date& date, long n) const {
  throw error(error_kind::argument, "date " + to_iso(date),
              std::to_string(n) + " working days from it fall outside calendar " + name() + ", which covers " +
                  year_range(rules()));
}

Date WorkCalendar::next_working_day(const Date& date) const { return add_working_days(date, 1); }
Date WorkCalendar::previous_working_day(const Date& date) const { return add_working_days(date, -1); }
Date WorkCalendar::roll_forward(const Date& date) const { return is_working_day(date) ? date : next_working_day(date); }
Date WorkCalendar::roll_backward(const Date& date) const { return is_working_day(date) ? date : previous_working_day(date); }

long WorkCalendar::count_working_days(const Date& from, const Date& to) const {
  if (to < from) return -count_working_days(to, from);
  const long i = index_of(from, "date");
  // `to` is exclusive, so the day after the last covered one is allowed.
  const long j = to == Date(last_year() + 1, 1, 1) ? static_cast<long>(tables_->working.size()) : index_of(to, "date");
  return tables_->before[static_cast<std::size_t>(j)] - tables_->before[static_cast<std::size_t>(i)];
}

WorkCalendar WorkCalendar::with_days_off(const std::vector<DayOff>& extra, const std::string& name) const {
  CalendarRules r = rules();
  r.name = name;
  r.days_off.insert(r.days_off.end(), extra.begin(), extra.end());
  return WorkCalendar(std::move(r));
}

WorkCalendar WorkCalendar::with_working_days(const std::vector<WorkingDay>& extra, const std::string& name) const {
  CalendarRules r = rules();
  r.name = name;
  r.working_days.insert(r.working_days.end(), extra.begin(), extra.end());
  return WorkCalendar(std::move(r));
}

WorkCalendar WorkCalendar::with_weekend(const std::array<bool, 7>& weekend, const std::string& name) const {
  CalendarRules r = rules();
  r.name = name;
  r.weekend = weekend;
  // A worked weekend day (làm bù) that is no longer a weekend day needs no override.
  std::erase_if(r.working_days, [&](const WorkingDay& w) { return !weekend[w.date.day_of_week().as_number()]; });
  return WorkCalendar(std::move(r));
}

WorkCalendar joint(const WorkCalendar& a, const WorkCalendar& b, const std::string& name) {
  CalendarRules r;
  r.name = name.empty() ? a.name() + " + " + b.name() : name;
  r.first_year = std::max(a.first_year(), b.first_year());
  r.last_year = std::min(a.last_year(), b.last_year());
  if (r.first_year > r.last_year) {
    throw error(error_kind::argument, "joint calendar " + r.name, "the two calendars share no year");
  }
  for (int d = 0; d < 7; ++d) r.weekend[static_cast<std::size_t>(d)] = a.rules().weekend[static_cast<std::size_t>(d)] || b.rules().weekend[static_cast<std::size_t>(d)];
  for (const auto* cal : {&a, &b}) {
    for (const auto& d : cal->rules().days_off) {
      if (d.date.year() >= r.first_year && d.date.year() <= r.last_year) r.days_off.push_back(d);
    }
    r.sources.insert(r.sources.end(), cal->rules().sources.begin(), cal->rules().sources.end());
  }
  // A worked weekend day stays worked only if both calendars work it.
  std::set<Date> off_dates;
  for (const auto& d : r.days_off) off_dates.insert(d.date);
  for (const auto& w : a.rules().working_days) {
    if (w.date.year() < r.first_year || w.date.year() > r.last_year || off_dates.count(w.date)) continue;
    if (b.is_working_day(w.date)) r.working_days.push_back(w);
  }
  for (const auto& w : b.rules().working_days) {
    if (w.date.year() < r.first_year || w.date.year() > r.last_year || off_dates.count(w.date)) continue;
    bool already = std::any_of(r.working_days.begin(), r.working_days.end(), [&](const WorkingDay& x) { return x.date == w.date; });
    if (!already && a.is_working_day(w.date)) r.working_days.push_back(w);
  }
  return WorkCalendar(std::move(r));
}

}  // namespace parindex
