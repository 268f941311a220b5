// Decimal rounding as the published tables do it.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace parindex {

// Rounds half away from zero at `decimals` places, deciding on the shortest decimal form
// of x (so 1.005 rounds to 1.01, as a person reading "1.005" expects, although the
// binary double lies just below it).
double round_half_up(double x, int decimals);

// The same result, fast where the decimal is not within a hair of a tie (the kernel's path);
// decimals must lie in 0..6.
inline double round_half_up_fast(double x, int decimals) {
  constexpr double scale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
  const double s = scale[decimals];
  const double y = x * s;
  // Away from ties, and small enough that the product errs far less than 1e-6, the scaled
  // value's nearest integer is the decimal's, and dividing it by an exact power of ten is
  // correctly rounded, as strtod is.
  if (y < 1.0e9 && y > -1.0e9) {  // false for NaN too
    // Half away from zero, by truncation (one instruction); y ± 0.5 cannot round across an
    // integer unless y is within 2^-22 of a tie, which the check below sends to the exact path.
    const double r = static_cast<double>(static_cast<std::int32_t>(y + std::copysign(0.5, y)));
    if (0.5 - std::fabs(y - r) > 1e-6) return std::copysign(r / s, x);
  }
  return round_half_up(x, decimals);
}

// x rounded as above, printed with exactly `decimals` places ("0.50", "85.30").
std::string format_fixed(double x, int decimals);

// The shortest decimal form that reads back as x ("84.59", "6", "0.1").
std::string format_shortest(double x);

// How scores are rounded when a scorecard is evaluated. Chosen per framework.
struct RoundingPolicy {
  enum class Mode {
    round_leaves,    // round each leaf's points, then add the rounded figures (published tables)
    exact,           // carry unrounded values; round only for display
    round_at_depth,  // carry unrounded values up to `depth`, round there, add the rounded
                     // figures above (PAPI: dimensions rounded, then the total is their sum)
  };
  Mode mode = Mode::round_leaves;
  int decimals = 2;  // 0..6
  int depth = 1;     // round_at_depth only: 1 rounds the fields, 2 their children, ...

  bool ok() const noexcept {
    return decimals >= 0 && decimals <= 6 && (mode != Mode::round_at_depth || (depth >= 1 && depth <= 32));
  }
  // Whether a node at this depth (1 = field; 0 = the total) carries rounded points. Under
  // round_leaves every node does (leaves are rounded, parents add rounded figures); under
  // round_at_depth the nodes at `depth` and above, and leaves shallower than it.
  bool rounds_at(std::size_t node_depth) const noexcept {
    switch (mode) {
      case Mode::round_leaves: return true;
      case Mode::exact: return false;
      case Mode::round_at_depth: return node_depth <= static_cast<std::size_t>(depth);
    }
    return false;
  }
  friend bool operator==(const RoundingPolicy&, const RoundingPolicy&) = default;
};

const char* to_string(RoundingPolicy::Mode mode) noexcept;

}  // namespace parindex
