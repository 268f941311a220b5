#include "parindex/scoring_rule.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "parindex/error.hpp"
#include "parindex/rounding.hpp"

namespace parindex {

namespace {

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};

[[noreturn]] void invalid(const std::string& where, const std::string& detail) {
  throw error(error_kind::validation, where, detail);
}

std::string pts(double v) { return format_fixed(v, 2); }
// Inputs as a person reads them: exact for entered figures, four decimals at most for computed ones.
std::string num(double v, const std::string& unit = "") { return format_shortest(round_half_up(v, 4)) + unit; }

const char* kind_of(const InputValue& v) {
  switch (v.index()) {
    case 0: return "true/false";
    case 1: return "a number";
    case 2: return "a level name";
    case 3: return "a {current, previous} comparison";
    case 4: return "occurrence counts";
    default: return "an {actual, target} progress";
  }
}

template <class T>
const T& expect(const InputValue& input, const char* wanted, const std::string& rule,
                const std::string& where) {
  if (auto* v = std::get_if<T>(&input)) return *v;
  invalid(where, "the " + rule + " rule needs " + wanted + " as its value, got " +
                     kind_of(input) + " (" + describe(input) + ")");
}

double finite_number(const InputValue& input, const std::string& rule, const std::string& where) {
  double v = expect<double>(input, "a number", rule, where);
  if (!std::isfinite(v)) invalid(where, "the value must be a finite number");
  return v;
}

void check_share(double share, const std::string& what, const std::string& where) {
  if (!std::isfinite(share) || share < 0 || share > 1) {
    invalid(where, what + " must be a share between 0 and 1, got " + num(share));
  }
}

std::string list_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + ("\"" + n + "\"");
  return out;
}

}  // namespace

std::string describe(const InputValue& value) {
  return std::visit(
      overloaded{
          [](bool b) { return std::string(b ? "true" : "false"); },
          [](double d) { return format_shortest(d); },
          [](const std::string& s) { return "\"" + s + "\""; },
          [](const PeriodComparison& c) {
            return "current " + format_shortest(c.current) + ", previous " +
                   format_shortest(c.previous);
          },
          [](const OccurrenceCounts& counts) {
            std::string out;
            for (const auto& [k, n] : counts) out += (out.empty() ? "" : ", ") + k + " × " + std::to_string(n);
            return out.empty() ? std::string("no occurrences") : out;
          },
          [](const Progress& p) {
            return format_shortest(p.actual) + " of target " + format_shortest(p.target);
          },
      },
      value);
}

namespace rules {

bool Interval::contains(double v) const noexcept {
  bool above = lower_inclusive ? v >= lower : v > lower;
  bool below = upper_inclusive ? v <= upper : v < upper;
  return above && below;
}

std::string Interval::str(const std::string& unit) const {
  return std::string(lower_inclusive ? "[" : "(") + num(lower, unit) + ", " + num(upper, unit) +
         (upper_inclusive ? "]" : ")");
}

Interval Interval::parse(const std::string& text) {
  auto fail = [&]() -> Interval {
    throw error(error_kind::document, "",
                "\"" + text + "\" is not an interval: expected a form such as \"[80, 90)\", "
                "'[' or ']' for an included bound, '(' or ')' for an excluded one");
  };
  std::string s;
  for (char c : text) {
    if (c != ' ') s += c;
  }
  if (s.size() < 5) return fail();
  char open = s.front(), close = s.back();
  if ((open != '[' && open != '(') || (close != ']' && close != ')')) return fail();
  auto comma = s.find(',');
  if (comma == std::string::npos || s.find(',', comma + 1) != std::string::npos) return fail();
  auto read = [&](std::string_view part, double& out) {
    if (part.empty()) return false;
    auto res = std::from_chars(part.data(), part.data() + part.size(), out);
    return res.ec == std::errc() && res.ptr == part.data() + part.size() && std::isfinite(out);
  };
  Interval iv;
  std::string_view body(s);
  if (!read(body.substr(1, comma - 1), iv.lower) ||
      !read(body.substr(comma + 1, s.size() - comma - 2), iv.upper)) {
    return fail();
  }
  iv.lower_inclusive = open == '[';
  iv.upper_inclusive = close == ']';
  if (iv.lower > iv.upper || (iv.lower == iv.upper && !(iv.lower_inclusive && iv.upper_inclusive))) {
    throw error(error_kind::document, "", "\"" + text + "\" is an empty interval");
  }
  return iv;
}

}  // namespace rules

std::string ScoringRule::kind() const {
  return std::visit(overloaded{
                        [](const rules::YesNo&) { return "yes_no"; },
                        [](const rules::Bands&) { return "bands"; },
                        [](const rules::Proportional&) { return "proportional"; },
                        [](const rules::Linear&) { return "linear"; },
                        [](const rules::Graded&) { return "graded"; },
                        [](const rules::Deduction&) { return "deduction"; },
                        [](const rules::Comparison&) { return "comparison"; },
                        [](const rules::SurveyIndex&) { return "survey_index"; },
                        [](const rules::Manual&) { return "manual"; },
                    },
                    rule_);
}

void ScoringRule::validate(double max_points, const std::string& where) const {
  std::visit(
      overloaded{
          [](const rules::YesNo&) {},
          [](const rules::SurveyIndex&) {},
          [](const rules::Manual&) {},
          [&](const rules::Bands& r) {
            if (r.bands.empty()) invalid(where, "a bands rule needs at least one band");
            std::vector<rules::Bands::Band> sorted = r.bands;
            std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
              if (a.range.lower != b.range.lower) return a.range.lower < b.range.lower;
              return a.range.lower_inclusive && !b.range.lower_inclusive;
            });
            for (const auto& band : sorted) {
              if (!std::isfinite(band.points) || band.points < 0 || band.points > max_points + 1e-9) {
                invalid(where, "band " + band.range.str(r.unit) + " gives " + num(band.points) +
                                   " points, outside [0, " + pts(max_points) + "]");
              }
            }
            for (std::size_t i = 1; i < sorted.size(); ++i) {
              const auto& a = sorted[i - 1].range;
              const auto& b = sorted[i].range;
              bool overlap = a.upper > b.lower || (a.upper == b.lower && a.upper_inclusive && b.lower_inclusive);
              bool gap = a.upper < b.lower || (a.upper == b.lower && !a.upper_inclusive && !b.lower_inclusive);
              if (overlap) invalid(where, "bands " + a.str(r.unit) + " and " + b.str(r.unit) + " overlap");
              if (gap) {
                invalid(where, "bands " + a.str(r.unit) + " and " + b.str(r.unit) +
                                   " leave a gap: every value between the first and last band needs a band");
              }
            }
          },
          [&](const rules::Proportional& r) {
            if (r.target && (!std::isfinite(*r.target) || *r.target <= 0)) {
              invalid(where, "a proportional rule needs a positive target, got " + num(*r.target));
            }
          },
          [&](const rules::Linear& r) {
            if (!std::isfinite(r.lower) || !std::isfinite(r.upper) || r.lower >= r.upper) {
              invalid(where, "a linear rule needs lower < upper, got " + num(r.lower) + " and " + num(r.upper));
            }
          },
          [&](const rules::Graded& r) {
            if (r.levels.empty()) invalid(where, "a graded rule needs at least one level");
            std::set<std::string> seen;
            for (const auto& level : r.levels) {
              if (level.name.empty()) invalid(where, "a graded level needs a name");
              if (!seen.insert(level.name).second) invalid(where, "level \"" + level.name + "\" appears twice");
              check_share(level.share, "level \"" + level.name + "\"", where);
            }
          },
          [&](const rules::Deduction& r) {
            if (r.severities.empty()) invalid(where, "a deduction rule needs at least one severity");
            std::set<std::string> seen;
            for (const auto& s : r.severities) {
              if (s.name.empty()) invalid(where, "a severity needs a name");
              if (!seen.insert(s.name).second) invalid(where, "severity \"" + s.name + "\" appears twice");
              if (!std::isfinite(s.points) || s.points <= 0 || s.points > max_points + 1e-9) {
                invalid(where, "severity \"" + s.name + "\" deducts " + num(s.points) +
                                   " points; expected more than 0 and at most the max " + pts(max_points));
              }
            }
          },
          [&](const rules::Comparison& r) {
            check_share(r.increase_share, "the increase share", where);
            check_share(r.same_share, "the same-as-before share", where);
            check_share(r.decrease_share, "the decrease share", where);
          },
      },
      rule_);
}

RuleOutcome ScoringRule::apply(double max, const InputValue& input, const std::string& where) const {
  const std::string of_max = " of " + pts(max);
  return std::visit(
      overloaded{
          [&](const rules::YesNo&) {
            bool yes = expect<bool>(input, "true or false", "yes_no", where);
            double p = yes ? max : 0.0;
            return RuleOutcome{p, std::string(yes ? "yes" : "no") + " → " + pts(p) + of_max};
          },
          [&](const rules::Bands& r) {
            double v = finite_number(input, "bands", where);
            for (const auto& band : r.bands) {
              if (band.range.contains(v)) {
                return RuleOutcome{band.points, num(v, r.unit) + " is in " + band.range.str(r.unit) +
                                                    " → " + pts(band.points) + of_max};
              }
            }
            std::string ranges;
            for (const auto& band : r.bands) ranges += (ranges.empty() ? "" : ", ") + band.range.str(r.unit);
            invalid(where, num(v, r.unit) + " falls in none of the bands " + ranges);
          },
          [&](const rules::Proportional& r) {
            double v = 0, target = 0;
            if (const auto* progress = std::get_if<Progress>(&input)) {
              v = progress->actual;
              target = progress->target;
              if (!std::isfinite(v) || !std::isfinite(target) || target <= 0) {
                invalid(where, "a progress needs finite numbers and a target above 0, got " + describe(input));
              }
            } else if (r.target) {
              v = finite_number(input, "proportional", where);
              target = *r.target;
            } else {
              invalid(where, "this proportional rule has no framework target, so its value must be "
                             "{actual, target}, got " + describe(input));
            }
            if (v < 0) invalid(where, "a proportional rule needs a value of at least 0, got " + num(v));
            double p = std::min(max, max * v / target);
            std::string why = pts(max) + " × " + num(v, r.unit) + " ÷ " + num(target, r.unit);
            if (max * v / target > max) why += ", capped at max";
            return RuleOutcome{p, why + " → " + pts(p) + of_max};
          },
          [&](const rules::Linear& r) {
            double v = finite_number(input, "linear", where);
            double share = std::clamp((v - r.lower) / (r.upper - r.lower), 0.0, 1.0);
            double p = max * share;
            return RuleOutcome{p, num(v, r.unit) + " between " + num(r.lower, r.unit) + " (0) and " +
                                      num(r.upper, r.unit) + " (max) → " + pts(p) + of_max};
          },
          [&](const rules::Graded& r) {
            const auto& name = expect<std::string>(input, "a level name", "graded", where);
            for (const auto& level : r.levels) {
              if (level.name == name) {
                double p = max * level.share;
                return RuleOutcome{p, "level \"" + name + "\" earns " + num(level.share * 100) + "% → " +
                                          pts(p) + of_max};
              }
            }
            std::vector<std::string> names;
            for (const auto& level : r.levels) names.push_back(level.name);
            invalid(where, "unknown level \"" + name + "\"; the levels are " + list_names(names));
          },
          [&](const rules::Deduction& r) {
            const auto& counts = expect<OccurrenceCounts>(input, "occurrence counts per severity", "deduction", where);
            double deducted = 0;
            std::string why;
            for (const auto& [name, count] : counts) {
              auto it = std::find_if(r.severities.begin(), r.severities.end(),
                                     [&](const auto& s) { return s.name == name; });
              if (it == r.severities.end()) {
                std::vector<std::string> names;
                for (const auto& s : r.severities) names.push_back(s.name);
                invalid(where, "unknown severity \"" + name + "\"; the severities are " + list_names(names));
              }
              if (count < 0) invalid(where, "severity \"" + name + "\" has a negative count " + std::to_string(count));
              if (count == 0) continue;
              deducted += static_cast<double>(count) * it->points;
              why += (why.empty() ? "" : ", ") + name + " × " + std::to_string(count) + " (−" + pts(it->points) + " each)";
            }
            double p = std::max(0.0, max - deducted);
            if (why.empty()) why = "no deductions";
            return RuleOutcome{p, why + " → " + pts(p) + of_max};
          },
          [&](const rules::Comparison& r) {
            const auto& c = expect<PeriodComparison>(input, "{current, previous}", "comparison", where);
            if (!std::isfinite(c.current) || !std::isfinite(c.previous)) invalid(where, "comparison values must be finite");
            double share = c.current > c.previous ? r.increase_share
                           : c.current == c.previous ? r.same_share
                                                     : r.decrease_share;
            const char* what = c.current > c.previous ? "an increase" : c.current == c.previous ? "no change" : "a decrease";
            double p = max * share;
            return RuleOutcome{p, num(c.current) + " against " + num(c.previous) + " before: " + what +
                                      " → " + pts(p) + of_max};
          },
          [&](const rules::SurveyIndex&) {
            double v = finite_number(input, "survey_index", where);
            if (v < 0 || v > 100) invalid(where, "a survey index is a percentage in [0, 100], got " + num(v));
            double p = max * v / 100.0;
            return RuleOutcome{p, "survey index " + num(v, "%") + " × " + pts(max) + " → " + pts(p) + of_max};
          },
          [&](const rules::Manual&) {
            double v = finite_number(input, "manual", where);
            if (v < 0 || v > max + 1e-9) invalid(where, "a manual score must lie in [0, " + pts(max) + "], got " + num(v));
            return RuleOutcome{v, "set by appraisal → " + pts(v) + of_max};
          },
      },
      rule_);
}

}  // namespace parindex
