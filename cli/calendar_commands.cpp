// parindex calendar, lunar, solar, workdays.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.hpp"

namespace parindex::cli {

namespace {

// The sexagenary name of a lunar year: "Giáp Thìn" for 2024.
std::string year_name(int year) {
  static const char* stems[] = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
  static const char* branches[] = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};
  return std::string(stems[(year + 6) % 10]) + " " + branches[(year + 8) % 12];
}

LunarDate lunar_argument(const std::string& text) {
  // YYYY-MM-DD or YYYY-MML-DD
  auto fail = [&]() -> LunarDate {
    throw UsageError("\"" + text + "\" is not a lunar date: expected YYYY-MM-DD, or YYYY-MML-DD for a leap month");
  };
  bool leap = text.size() == 11 && text[7] == 'L';
  std::string plain = leap ? text.substr(0, 7) + text.substr(8) : text;
  if (plain.size() != 10 || plain[4] != '-' || plain[7] != '-') return fail();
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (plain[i] < '0' || plain[i] > '9') return fail();
  }
  return LunarDate{std::stoi(plain.substr(0, 4)), static_cast<unsigned>(std::stoi(plain.substr(5, 2))),
                   static_cast<unsigned>(std::stoi(plain.substr(8, 2))), leap};
}

std::string describe_lunar(const LunarDate& l) {
  return "ngày " + std::to_string(l.day) + " tháng " + std::to_string(l.month) + (l.leap ? " nhuận" : "") + " năm " +
         year_name(l.year);
}

int calendar_year(const Options& o) {
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
    return 0;
  }
  Table t{{"date", "name", "kind", "projected"}, {}, {}};
  for (const auto& d : days) t.add({to_iso(d.date), d.name, "day_off", d.projected ? "yes" : "no"});
  for (const auto& w : worked) t.add({to_iso(w.date), w.name, "working_day", w.projected ? "yes" : "no"});
  t.render(std::cout, o.format);
  return 0;
}

int lunar(const Options& o) {
  if (o.args.size() != 1) throw UsageError("lunar takes one DATE");
  Date d = date_argument(o.args[0], "lunar");
  LunarDate l = to_lunar(d);
  std::cout << l.str() << "  " << describe_lunar(l) << "\n";
  return 0;
}

int solar(const Options& o) {
  if (o.args.size() != 1) throw UsageError("solar takes one LUNAR-DATE");
  LunarDate l = lunar_argument(o.args[0]);
  std::cout << to_iso(from_lunar(l)) << "  " << describe_lunar(l) << "\n";
  return 0;
}

int workdays(const Options& o) {
  if (o.args.empty()) throw UsageError("workdays takes add DATE N, or count FROM TO");
  const std::string& what = o.args[0];
  if (what == "add") {
    if (o.args.size() != 3) throw UsageError("workdays add takes DATE N");
    Date d = date_argument(o.args[1], "workdays add");
    long n = integer_argument(o.args[2], "workdays add");
    if (n < -100000 || n > 100000) throw UsageError("workdays add: N must lie within ±100000");
    // Enough years either side for n working days (about 245 a year).
    int span = static_cast<int>((n < 0 ? -n : n) / 200) + 1;
    WorkCalendar cal = calendar_for(o, d.year() - (n < 0 ? span : 0), d.year() + (n > 0 ? span : 0));
    Date r = cal.add_working_days(d, n);
    std::cout << to_iso(r) << "\n";
    return 0;
  }
  if (what == "count") {
    if (o.args.size() != 3) throw UsageError("workdays count takes FROM TO");
    Date from = date_argument(o.args[1], "workdays count");
    Date to = date_argument(o.args[2], "workdays count");
    WorkCalendar cal = calendar_for(o, std::min(from.year(), to.year()), std::max(from.year(), to.year()));
    std::cout << cal.count_working_days(from, to) << "\n";
    return 0;
  }
  throw UsageError("workdays takes add or count, not \"" + what + "\"");
}

}  // namespace

int run_calendar(const Options& o) {
  if (o.command == "calendar") return calendar_year(o);
  if (o.command == "lunar") return lunar(o);
  if (o.command == "solar") return solar(o);
  return workdays(o);
}

}  // namespace parindex::cli
