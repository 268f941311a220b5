// parindex lunar DATE: a Gregorian date as a Vietnamese lunar date.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.hpp"

namespace parindex::cli {

// One row for lunar and solar alike; the columns are LunarDate's fields in Python.
void print_lunar(const Options& o, const Date& date, const LunarDate& l) {
  if (o.format == Format::table) {
    std::cout << (o.command == "lunar" ? l.str() : to_iso(date)) << "  " << describe_lunar(l) << "\n";
    return;
  }
  if (o.format == Format::json) {
    nlohmann::ordered_json j{{"date", to_iso(date)}, {"lunar", l.str()}, {"year", l.year}, {"month", l.month},
                             {"day", l.day},         {"leap", l.leap},    {"description", describe_lunar(l)}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  Table t{{"date", "lunar", "year", "month", "day", "leap", "description"}, {}, {}};
  t.add({to_iso(date), l.str(), std::to_string(l.year), std::to_string(l.month), std::to_string(l.day),
         l.leap ? "true" : "false", describe_lunar(l)});
  t.render(std::cout, o.format);
}

int run_lunar(const Options& o) {
  if (o.args.size() != 1) throw UsageError("lunar takes one DATE");
  Date d = date_argument(o.args[0], "lunar");
  print_lunar(o, d, to_lunar(d));
  return 0;
}

}  // namespace parindex::cli
