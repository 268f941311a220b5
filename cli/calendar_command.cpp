// parindex calendar YEAR: the days off of a year, and weekend days worked.
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.hpp"

namespace parindex::cli {

int run_calendar(const Options& o) {
  if (o.args.size() != 1) throw UsageError("calendar takes one YEAR");
  long year = integer_argument(o.args[0], "calendar");
  if (year < 2013 || year > lunar_last_year) {
    throw UsageError("calendar: YEAR must lie in 2013–" + std::to_string(lunar_last_year));
  }
  WorkCalendar cal = calendar_for(o, static_cast<int>(year), static_cast<int>(year));
  auto days = cal.days_off(static_cast<int>(year));
  auto worked = cal.working_days(static_cast<int>(year));
  if (o.format == Format::json) {
    nlohmann::ordered_json j;
    j["year"] = year;
    j["calendar"] = cal.name();
    j["days_off"] = nlohmann::ordered_json::array();
    for (const auto& d : days) j["days_off"].push_back({{"date", to_iso(d.date)}, {"name", d.name}, {"projected", d.projected}});
    j["working_days"] = nlohmann::ordered_json::array();
    for (const auto& w : worked) j["working_days"].push_back({{"date", to_iso(w.date)}, {"name", w.name}, {"projected", w.projected}});
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  if (o.format == Format::table) {
    // One line a day: the ISO date first, then its name.
    for (const auto& d : days) std::cout << to_iso(d.date) << "  " << d.name << (d.projected ? "  [projected]" : "") << "\n";
    for (const auto& w : worked) std::cout << to_iso(w.date) << "  " << w.name << "  [working day]" << (w.projected ? " [projected]" : "") << "\n";
    // Where the days come from: the notices of an announced schedule, and what is still projected.
    const auto projected = std::count_if(days.begin(), days.end(), [](const DayOff& d) { return d.projected; });
    std::cout << "\n";
    if (projected > 0) {
      std::cout << projected << " day(s) projected from the Labour Code: no announcement for them is shipped\n";
    }
    for (const auto& s : cal.rules().sources) std::cout << "source: " << s << "\n";
    return 0;
  }
  Table t{{"date", "name", "kind", "projected"}, {}, {}};
  for (const auto& d : days) t.add({to_iso(d.date), d.name, "day_off", d.projected ? "yes" : "no"});
  for (const auto& w : worked) t.add({to_iso(w.date), w.name, "working_day", w.projected ? "yes" : "no"});
  t.render(std::cout, o.format);
  return 0;
}

}  // namespace parindex::cli
