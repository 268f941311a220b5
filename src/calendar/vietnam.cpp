// Vietnam's calendar for public bodies: announced schedules, and the Labour Code's projection.
#include <algorithm>
#include <set>

#include "../json/deadline_json.hpp"
#include "../json/strict_reader.hpp"
#include "parindex/error.hpp"
#include "parindex/holidays.hpp"
#include "parindex/lunar.hpp"
#include "parindex/work_calendar.hpp"

namespace parindex {

namespace calendar_data {
const std::vector<std::pair<int, std::string_view>>& vietnam_years();
}

namespace {

using namespace json_detail;
namespace greg = boost::gregorian;

bool weekend(const Date& d) {
  auto w = d.day_of_week().as_number();
  return w == 0 || w == 6;
}

}  // namespace

HolidaySchedule holidays_from_json(std::string_view text, const std::string& source) {
  try {
    json root = parse_strict(text);
    Object doc(root, "", {"schema", "country", "year", "applies_to", "sources", "days_off", "working_days", "notes"});
    check_schema(doc, "parindex.holidays");
    HolidaySchedule s;
    s.country = doc.string("country");
    s.year = doc.integer("year");
    if (s.year < 1900 || s.year > 2999) fail(doc.pointer("year"), "expected a year from 1900 to 2999");
    s.applies_to = doc.string_or("applies_to", "");
    s.sources = doc.strings("sources");
    if (s.sources.empty()) fail(doc.pointer(), "a schedule must cite at least one source in \"sources\"");
    s.notes = doc.string_or("notes", "");
    auto list = [&](std::string_view key) -> const json* {
      const json* v = doc.find(key);
      if (v && !v->is_array()) fail(doc.pointer(key), std::string("expected an array, got ") + type_name(*v));
      return v;
    };
    auto basis_projected = [](const Object& o) {
      std::string basis = o.string("basis");
      if (basis != "announced" && basis != "statutory" && basis != "projected") {
        fail(o.pointer("basis"), "expected \"announced\", \"statutory\" or \"projected\", got \"" + basis + "\"");
      }
      return basis == "projected";
    };
    auto in_year = [&](const Date& d, const std::string& pointer) {
      // Breaks may reach a day into a neighbouring year (New Year from 31/12), no further.
      if (d < Date(s.year - 1, 12, 1) || d > Date(s.year + 1, 1, 31)) fail(pointer, to_iso(d) + " is far from year " + std::to_string(s.year));
    };
    if (const json* days = list("days_off")) {
      for (std::size_t i = 0; i < days->size(); ++i) {
        const std::string p = pointer_append(doc.pointer("days_off"), i);
        Object o((*days)[i], p, {"date", "from", "to", "name", "basis", "note"});
        std::string name = o.string("name");
        bool projected = basis_projected(o);
        if (o.find("date")) {
          if (o.find("from") || o.find("to")) fail(p, "give either \"date\" or \"from\" and \"to\"");
          Date d = read_date(o.need("date"), o.pointer("date"));
          in_year(d, o.pointer("date"));
          s.days_off.push_back({d, name, projected});
        } else {
          Date from = read_date(o.need("from"), o.pointer("from"));
          Date to = read_date(o.need("to"), o.pointer("to"));
          in_year(from, o.pointer("from"));
          in_year(to, o.pointer("to"));
          if (to < from || (to - from).days() > 31) fail(p, "\"to\" must follow \"from\" within a month");
          for (Date d = from; d <= to; d += greg::days(1)) s.days_off.push_back({d, name, projected});
        }
      }
    }
    if (const json* days = list("working_days")) {
      for (std::size_t i = 0; i < days->size(); ++i) {
        const std::string p = pointer_append(doc.pointer("working_days"), i);
        Object o((*days)[i], p, {"date", "name", "basis"});
        Date d = read_date(o.need("date"), o.pointer("date"));
        in_year(d, o.pointer("date"));
        bool projected = o.find("basis") ? basis_projected(o) : false;
        s.working_days.push_back({d, o.string("name"), projected});
      }
    }
    return s;
  } catch (const error& e) {
    if (source.empty()) throw;
    throw e.located_in(source + ": ");
  }
}

HolidaySchedule load_holidays(const std::filesystem::path& path) {
  return holidays_from_json(read_text_file(path), path.string());
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
  for (const auto& [year, text] : calendar_data::vietnam_years()) years.push_back(year);
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
  const auto& shipped = calendar_data::vietnam_years();
  for (int year = first_year; year <= last_year; ++year) {
    auto it = std::find_if(shipped.begin(), shipped.end(), [&](const auto& p) { return p.first == year; });
    if (it == shipped.end()) {
      for (auto& d : vietnam_statutory_days_off(year)) rules.days_off.push_back(std::move(d));
      continue;
    }
    HolidaySchedule s = holidays_from_json(it->second, "data/calendars/vn/" + std::to_string(year) + ".json");
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
