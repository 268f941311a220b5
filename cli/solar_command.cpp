// parindex solar LUNAR-DATE: a Vietnamese lunar date as a Gregorian date.
#include "cli.hpp"

namespace parindex::cli {

int run_solar(const Options& o) {
  if (o.args.size() != 1) throw UsageError("solar takes one LUNAR-DATE");
  LunarDate l = lunar_argument(o.args[0]);
  print_lunar(o, from_lunar(l), l);
  return 0;
}

}  // namespace parindex::cli
