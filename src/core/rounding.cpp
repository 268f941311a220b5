#include "parindex/core/rounding.hpp"

#include "parindex/core/error.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace parindex {

double round_half_up(double x, int decimals) {
  if (!std::isfinite(x) || x == 0) return x;
  // The shortest scientific form, "d.ddde±x", is the decimal the double stands for.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  auto e_pos = s.find('e');
  int exponent = std::atoi(s.c_str() + e_pos + 1);
  std::string digits;
  for (std::size_t i = 0; i < e_pos; ++i) {
    if (s[i] != '.') digits += s[i];
  }
  // digits[0] has place value 10^exponent; keep those with place value >= 10^-decimals.
  long keep = static_cast<long>(exponent) + decimals + 1;
  if (keep >= static_cast<long>(digits.size())) return x;  // already exact at this precision
  if (keep < 0) return negative ? -0.0 : 0.0;
  std::string kept = digits.substr(0, static_cast<std::size_t>(keep));
  bool round_up = digits[static_cast<std::size_t>(keep)] >= '5';
  if (round_up) {
    int i = static_cast<int>(kept.size()) - 1;
    while (i >= 0 && kept[static_cast<std::size_t>(i)] == '9') kept[static_cast<std::size_t>(i--)] = '0';
    if (i < 0) kept.insert(kept.begin(), '1');
    else ++kept[static_cast<std::size_t>(i)];
  }
  if (kept.empty()) return negative ? -0.0 : 0.0;
  std::string out = (negative ? "-" : "") + kept + "e" + std::to_string(-decimals);
  return std::strtod(out.c_str(), nullptr);
}

std::string format_fixed(double x, int decimals) {
  if (decimals < 0 || decimals > 17) {
    throw error(error_kind::argument, "format_fixed", "decimals must be a whole number from 0 to 17, got " + std::to_string(decimals));
  }
  double r = round_half_up(x, decimals);
  if (r == 0) r = 0;  // no "-0.00"
  // Sized to fit: 1e308 at 2 decimals is 312 characters, never cut short.
  const int n = std::snprintf(nullptr, 0, "%.*f", decimals, r);
  std::string out(static_cast<std::size_t>(n), '\0');
  std::snprintf(out.data(), out.size() + 1, "%.*f", decimals, r);
  return out;
}

std::string format_shortest(double x) {
  if (x == 0) return "0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, res.ptr);
}

const char* to_string(RoundingPolicy::Mode mode) noexcept {
  switch (mode) {
    case RoundingPolicy::Mode::round_leaves: return "round_leaves";
    case RoundingPolicy::Mode::exact: return "exact";
    case RoundingPolicy::Mode::round_at_depth: return "round_at_depth";
  }
  return "?";
}

}  // namespace parindex
