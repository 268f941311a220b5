// Vietnam's calendar for public bodies: announced schedules, and the Labour Code's projection.
#include <algorithm>
#include <set>

#include "shipped_schedules.hpp"
#include "parindex/core/error.hpp"
#include "parindex/calendar/holidays.hpp"
#include "parindex/calendar/lunar.hpp"
#include "parindex/calendar/work_calendar.hpp"

namespace parindex {

namespace {

namespace greg = boost::gregorian;

bool weekend(const Date& d) {
  auto w = d.day_of_week().as_number();
  return w == 0 || w == 6;
}

}  // namespace

std::optional<HolidaySchedule> vietnam_announced_schedule(int year) {
  for (const auto& y : calendar_data::vietnam_years()) {
    if (y.year != year) continue;
    HolidaySchedule s;
    s.country = "VN";
    s.year = y.year;
    s.applies_to = y.applies_to;
    s.sources.assign(y.sources.begin(), y.sources.end());
    s.notes = y.notes;
    for (const auto& d : y.days_off) {
      const Date from(d.from.year, d.from.month, d.from.day), to(d.to.year, d.to.month, d.to.day);
      for (Date day = from; day <= to; day += greg::days(1)) s.days_off.push_back({day, d.name, d.projected});
    }
    for (const auto& w : y.working_days) {
      s.working_days.push_back({Date(w.date.year, w.date.month, w.date.day), w.name, w.projected});
    }
    return s;
  }
  return std::nullopt;
}

std::vector<DayOff> vietnam_statutory_days_off(int year) {
  if (year < 2013 || year > lunar_last_year) {
    throw error(error_kind::argument, "year " + std::to_string(year),
                "statutory holidays are projected for 2013 (Labour Code 2012) to " + std::to_string(lunar_last_year));
  }
  const std::string basis = year >= 2021 ? " (dự kiến theo Bộ luật Lao động 2019)" : " (dự kiến theo Bộ luật Lao động 2012)";
  std::vector<DayOff> holidays;
  auto add = [&](const Date& d, const std::string& name) { holidays.push_back({d, name + basis, true}); };
  add(Date(year, 1, 1), "Tết Dương lịch");
  // Tết: the last day of the old lunar year and the first four of the new one.
  const Date tet = from_lunar(LunarDate{year, 1, 1, false});
  add(tet - greg::days(1), "Tết Nguyên đán");
  for (int i = 0; i < 4; ++i) add(tet + greg::days(i), "Tết Nguyên đán");
  add(from_lunar(LunarDate{year, 3, 10, false}), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
  add(Date(year, 4, 30), "Ngày Chiến thắng");
  add(Date(year, 5, 1), "Ngày Quốc tế Lao động");
  const Date national_day(year, 9, 2);
  add(national_day, "Quốc khánh");
  if (year >= 2021) {
    // One adjacent day, chosen by the Prime Minister; projected as the one that joins a
    // weekend where one does (2/9 on Monday, Thursday or Sunday → 3/9; else 1/9).
    auto w = national_day.day_of_week().as_number();
    bool after = w == 1 || w == 4 || w == 0;
    add(national_day + greg::days(after ? 1 : -1), "Quốc khánh (ngày liền kề)");
  }
  // A holiday on a weekend gives a compensatory day, the next day that is neither a weekend
  // nor a holiday (Labour Code art. 111(3)).
  std::set<Date> taken;
  for (const auto& h : holidays) taken.insert(h.date);
  std::sort(holidays.begin(), holidays.end(), [](const DayOff& a, const DayOff& b) { return a.date < b.date; });
  std::vector<DayOff> out = holidays;
  for (const auto& h : holidays) {
    if (!weekend(h.date)) continue;
    Date c = h.date + greg::days(1);
    while (weekend(c) || taken.count(c)) c += greg::days(1);
    taken.insert(c);
    std::string name = h.name.substr(0, h.name.size() - basis.size());
    out.push_back({c, "Nghỉ bù " + name + basis, true});
  }
  std::sort(out.begin(), out.end(), [](const DayOff& a, const DayOff& b) { return a.date < b.date; });
  return out;
}

std::vector<int> vietnam_announced_years() {
  std::vector<int> years;
  for (const auto& y : calendar_data::vietnam_years()) years.push_back(y.year);
  std::sort(years.begin(), years.end());
  return years;
}

WorkCalendar vietnam_calendar(int first_year, int last_year) {
  if (first_year < 2013 || last_year > lunar_last_year || first_year > last_year) {
    throw error(error_kind::argument, "vietnam_calendar",
                "years must run forwards within 2013–" + std::to_string(lunar_last_year));
  }
  CalendarRules rules;
  rules.name = "VN";
  rules.first_year = first_year;
  rules.last_year = last_year;
  for (int year = first_year; year <= last_year; ++year) {
    auto announced = vietnam_announced_schedule(year);
    if (!announced) {
      for (auto& d : vietnam_statutory_days_off(year)) rules.days_off.push_back(std::move(d));
      continue;
    }
    HolidaySchedule& s = *announced;
    for (auto& d : s.days_off) {
      if (d.date.year() >= first_year && d.date.year() <= last_year) rules.days_off.push_back(std::move(d));
    }
    for (auto& w : s.working_days) {
      if (w.date.year() >= first_year && w.date.year() <= last_year) rules.working_days.push_back(std::move(w));
    }
    rules.sources.insert(rules.sources.end(), s.sources.begin(), s.sources.end());
  }
  return WorkCalendar(std::move(rules));
}

}  // namespace parindex
