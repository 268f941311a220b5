// parindex workdays add DATE N | count FROM TO: working-day arithmetic.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.hpp"

namespace parindex::cli {

namespace {

// A date the work calendar answers for (2013 to the last year of the lunar calendar).
Date calendar_date_argument(const std::string& text, const std::string& what) {
  const Date d = date_argument(text, what);
  if (d.year() < 2013 || d.year() > lunar_last_year) {
    throw UsageError(what + ": " + text + " lies outside 2013–" + std::to_string(lunar_last_year) +
                     ", the years the work calendar covers");
  }
  return d;
}

// The answer alone as a table; a row with what was asked otherwise.
void print_answer(const Options& o, const std::vector<std::string>& columns, const std::vector<std::string>& row,
                  const nlohmann::ordered_json& json) {
  if (o.format == Format::table) {
    std::cout << row.back() << "\n";
  } else if (o.format == Format::json) {
    std::cout << json.dump(2) << "\n";
  } else {
    Table t{columns, {}, {row}};
    t.render(std::cout, o.format);
  }
}

}  // namespace

int run_workdays(const Options& o) {
  if (o.args.empty()) throw UsageError("workdays takes add DATE N, or count FROM TO");
  const std::string& what = o.args[0];
  if (what == "add") {
    if (o.args.size() != 3) throw UsageError("workdays add takes DATE N");
    Date d = calendar_date_argument(o.args[1], "workdays add");
    long n = integer_argument(o.args[2], "workdays add");
    if (n < -100000 || n > 100000) throw UsageError("workdays add: N must lie within ±100000");
    // Enough years either side for n working days (about 245 a year); beyond the calendar's
    // years the error names its whole range.
    int span = static_cast<int>((n < 0 ? -n : n) / 200) + 1;
    const bool near_edge = d.year() - span < 2013 || d.year() + span > lunar_last_year;
    WorkCalendar cal = near_edge ? calendar_for(o, 2013, lunar_last_year)
                                 : calendar_for(o, d.year() - (n < 0 ? span : 0), d.year() + (n > 0 ? span : 0));
    Date r = cal.add_working_days(d, n);
    print_answer(o, {"from", "working_days", "date"}, {to_iso(d), std::to_string(n), to_iso(r)},
                 {{"from", to_iso(d)}, {"working_days", n}, {"date", to_iso(r)}});
    return 0;
  }
  if (what == "count") {
    if (o.args.size() != 3) throw UsageError("workdays count takes FROM TO");
    Date from = calendar_date_argument(o.args[1], "workdays count");
    Date to = calendar_date_argument(o.args[2], "workdays count");
    WorkCalendar cal = calendar_for(o, std::min(from.year(), to.year()), std::max(from.year(), to.year()));
    const long n = cal.count_working_days(from, to);
    print_answer(o, {"from", "to", "working_days"}, {to_iso(from), to_iso(to), std::to_string(n)},
                 {{"from", to_iso(from)}, {"to", to_iso(to)}, {"working_days", n}});
    return 0;
  }
  throw UsageError("workdays takes add or count, not \"" + what + "\"");
}

}  // namespace parindex::cli
