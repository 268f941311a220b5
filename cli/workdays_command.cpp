// parindex workdays add DATE N | count FROM TO: working-day arithmetic.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

int run_workdays(const Options& o) {
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

}  // namespace parindex::cli
