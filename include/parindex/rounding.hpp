// Decimal rounding as the published tables do it.
#pragma once

#include <cstdint>
#include <string>

namespace parindex {

// Rounds half away from zero at `decimals` places, deciding on the shortest decimal form
// of x (so 1.005 rounds to 1.01, as a person reading "1.005" expects, although the
// binary double lies just below it).
double round_half_up(double x, int decimals);

// x rounded as above, printed with exactly `decimals` places ("0.50", "85.30").
std::string format_fixed(double x, int decimals);

// The shortest decimal form that reads back as x ("84.59", "6", "0.1").
std::string format_shortest(double x);

// How scores are rounded when a scorecard is evaluated. Chosen per framework.
struct RoundingPolicy {
  enum class Mode {
    round_leaves,  // round each leaf's points, then add the rounded figures (published tables)
    exact,         // carry unrounded values; round only for display
  };
  Mode mode = Mode::round_leaves;
  int decimals = 2;  // 0..6

  bool ok() const noexcept { return decimals >= 0 && decimals <= 6; }
  friend bool operator==(const RoundingPolicy&, const RoundingPolicy&) = default;
};

const char* to_string(RoundingPolicy::Mode mode) noexcept;

}  // namespace parindex
