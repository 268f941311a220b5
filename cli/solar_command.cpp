// parindex solar LUNAR-DATE: a Vietnamese lunar date as a Gregorian date.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

int run_solar(const Options& o) {
  if (o.args.size() != 1) throw UsageError("solar takes one LUNAR-DATE");
  LunarDate l = lunar_argument(o.args[0]);
  std::cout << to_iso(from_lunar(l)) << "  " << describe_lunar(l) << "\n";
  return 0;
}

}  // namespace parindex::cli
