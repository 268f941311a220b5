// parindex lunar DATE: a Gregorian date as a Vietnamese lunar date.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

int run_lunar(const Options& o) {
  if (o.args.size() != 1) throw UsageError("lunar takes one DATE");
  Date d = date_argument(o.args[0], "lunar");
  LunarDate l = to_lunar(d);
  std::cout << l.str() << "  " << describe_lunar(l) << "\n";
  return 0;
}

}  // namespace parindex::cli
