#include "parindex/core/scoring_rule.hpp"
#include "parindex/core/overloaded.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "parindex/core/error.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

namespace {

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

std::string Interval::exact_str() const {
  return std::string(lower_inclusive ? "[" : "(") + format_shortest(lower) + ", " + format_shortest(upper) +
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
            if (!std::isfinite(r.lower) || !std::isfinite(r.upper) || r.lower >= r.upper || !std::isfinite(r.upper - r.lower)) {
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

std::size_t ScoringRule::slot_count() const noexcept {
  return std::visit(overloaded{
                        [](const rules::Proportional&) -> std::size_t { return 2; },
                        [](const rules::Comparison&) -> std::size_t { return 2; },
                        [](const rules::Deduction& r) -> std::size_t { return r.severities.size(); },
                        [](const auto&) -> std::size_t { return 1; },
                    },
                    rule_);
}

void ScoringRule::encode(double max, const InputValue& input, double* slots, std::size_t stride,
                         const std::string& where) const {
  auto slot = [&](std::size_t k) -> double& { return slots[k * stride]; };
  std::visit(
      overloaded{
          [&](const rules::YesNo&) { slot(0) = expect<bool>(input, "true or false", "yes_no", where) ? 1.0 : 0.0; },
          [&](const rules::Bands&) { slot(0) = finite_number(input, "bands", where); },
          [&](const rules::Proportional& r) {
            if (const auto* progress = std::get_if<Progress>(&input)) {
              slot(0) = progress->actual;
              slot(1) = progress->target;
              if (!std::isfinite(progress->actual) || !std::isfinite(progress->target) || progress->target <= 0) {
                invalid(where, "a progress needs finite numbers and a target above 0, got " + describe(input));
              }
            } else if (r.target) {
              slot(0) = finite_number(input, "proportional", where);
              slot(1) = std::numeric_limits<double>::quiet_NaN();  // the framework's target
            } else {
              invalid(where, "this proportional rule has no framework target, so its value must be "
                             "{actual, target}, got " + describe(input));
            }
          },
          [&](const rules::Linear&) { slot(0) = finite_number(input, "linear", where); },
          [&](const rules::Graded& r) {
            const auto& name = expect<std::string>(input, "a level name", "graded", where);
            for (std::size_t i = 0; i < r.levels.size(); ++i) {
              if (r.levels[i].name == name) {
                slot(0) = static_cast<double>(i);
                return;
              }
            }
            std::vector<std::string> names;
            for (const auto& level : r.levels) names.push_back(level.name);
            invalid(where, "unknown level \"" + name + "\"; the levels are " + list_names(names));
          },
          [&](const rules::Deduction& r) {
            const auto& counts = expect<OccurrenceCounts>(input, "occurrence counts per severity", "deduction", where);
            for (std::size_t k = 0; k < r.severities.size(); ++k) slot(k) = 0.0;
            for (const auto& [name, count] : counts) {
              const std::string& wanted = name;  // clang 14 cannot capture a structured binding
              auto it = std::find_if(r.severities.begin(), r.severities.end(), [&](const auto& s) { return s.name == wanted; });
              if (it == r.severities.end()) {
                std::vector<std::string> names;
                for (const auto& s : r.severities) names.push_back(s.name);
                invalid(where, "unknown severity \"" + name + "\"; the severities are " + list_names(names));
              }
              if (count < 0) invalid(where, "severity \"" + name + "\" has a negative count " + std::to_string(count));
              slot(static_cast<std::size_t>(it - r.severities.begin())) = static_cast<double>(count);
            }
          },
          [&](const rules::Comparison&) {
            const auto& c = expect<PeriodComparison>(input, "{current, previous}", "comparison", where);
            slot(0) = c.current;
            slot(1) = c.previous;
          },
          [&](const rules::SurveyIndex&) { slot(0) = finite_number(input, "survey_index", where); },
          [&](const rules::Manual&) { slot(0) = finite_number(input, "manual", where); },
      },
      rule_);
  if (auto problem = check(max, slots, stride)) invalid(where, *problem);
}

std::optional<std::string> ScoringRule::check(double max, const double* slots, std::size_t stride) const {
  if (auto problem = check(max, slots, stride, 1, nullptr)) return std::move(problem->second);
  return std::nullopt;
}

// One loop per rule kind; a unit is checked only when it has a value (first slot not NaN)
// and is not skipped. The message is written for the first bad unit only.
std::optional<std::pair<std::size_t, std::string>> ScoringRule::check(double max, const double* slots, std::size_t stride,
                                                                      std::size_t count, const std::uint8_t* skip) const {
  using Problem = std::optional<std::pair<std::size_t, std::string>>;
  auto slot = [&](std::size_t i, std::size_t k) { return slots[k * stride + i]; };
  auto first = [&](auto&& bad, auto&& message) -> Problem {
    for (std::size_t i = 0; i < count; ++i) {
      if ((skip && skip[i]) || std::isnan(slot(i, 0))) continue;
      if (bad(i)) return std::pair{i, message(i)};
    }
    return std::nullopt;
  };
  auto not_finite = [&](std::size_t i) { return !std::isfinite(slot(i, 0)); };
  auto finite_message = [](std::size_t) { return std::string("the value must be a finite number"); };
  return std::visit(
      overloaded{
          [&](const rules::YesNo&) {
            return first([&](std::size_t i) { return slot(i, 0) != 0 && slot(i, 0) != 1; },
                         [&](std::size_t i) { return "the yes_no rule needs true or false as its value, got " + num(slot(i, 0)); });
          },
          [&](const rules::Bands& r) {
            if (auto p = first(not_finite, finite_message)) return p;
            auto in_none = [&](std::size_t i) {
              return std::none_of(r.bands.begin(), r.bands.end(), [&](const auto& b) { return b.range.contains(slot(i, 0)); });
            };
            return first(in_none, [&](std::size_t i) {
              std::string ranges;
              for (const auto& band : r.bands) ranges += (ranges.empty() ? "" : ", ") + band.range.str(r.unit);
              return num(slot(i, 0), r.unit) + " falls in none of the bands " + ranges;
            });
          },
          [&](const rules::Proportional& r) {
            if (auto p = first(not_finite, finite_message)) return p;
            if (!r.target) {
              auto p = first([&](std::size_t i) { return std::isnan(slot(i, 1)); }, [](std::size_t) {
                return std::string("this proportional rule has no framework target, so its value must be {actual, target}");
              });
              if (p) return p;
            }
            auto bad_target = [&](std::size_t i) { return !std::isnan(slot(i, 1)) && (!std::isfinite(slot(i, 1)) || slot(i, 1) <= 0); };
            if (auto p = first(bad_target, [&](std::size_t i) {
                  return "a progress needs finite numbers and a target above 0, got target " + num(slot(i, 1));
                })) {
              return p;
            }
            return first([&](std::size_t i) { return slot(i, 0) < 0; },
                         [&](std::size_t i) { return "a proportional rule needs a value of at least 0, got " + num(slot(i, 0)); });
          },
          [&](const rules::Linear&) { return first(not_finite, finite_message); },
          [&](const rules::Graded& r) {
            const double levels = static_cast<double>(r.levels.size());
            return first([&](std::size_t i) { double v = slot(i, 0); return !(v >= 0 && v < levels && v == std::floor(v)); },
                         [&](std::size_t i) {
                           return "level #" + num(slot(i, 0)) + " is not one of the " + std::to_string(r.levels.size()) + " levels";
                         });
          },
          [&](const rules::Deduction& r) {
            for (std::size_t k = 0; k < r.severities.size(); ++k) {
              auto bad = [&](std::size_t i) { double n = slot(i, k); return !(n >= 0 && n <= 9007199254740992.0 && n == std::floor(n)); };
              if (auto p = first(bad, [&](std::size_t i) {
                    return "severity \"" + r.severities[k].name + "\" needs a whole count of at least 0, got " + num(slot(i, k));
                  })) {
                return p;
              }
            }
            return Problem{};
          },
          [&](const rules::Comparison&) {
            return first([&](std::size_t i) { return !std::isfinite(slot(i, 0)) || !std::isfinite(slot(i, 1)); },
                         [](std::size_t) { return std::string("comparison values must be finite"); });
          },
          [&](const rules::SurveyIndex&) {
            if (auto p = first(not_finite, finite_message)) return p;
            return first([&](std::size_t i) { return slot(i, 0) < 0 || slot(i, 0) > 100; },
                         [&](std::size_t i) { return "a survey index is a percentage in [0, 100], got " + num(slot(i, 0)); });
          },
          [&](const rules::Manual&) {
            if (auto p = first(not_finite, finite_message)) return p;
            return first([&](std::size_t i) { return slot(i, 0) < 0 || slot(i, 0) > max + 1e-9; },
                         [&](std::size_t i) { return "a manual score must lie in [0, " + pts(max) + "], got " + num(slot(i, 0)); });
          },
      },
      rule_);
}

// One loop per rule kind over many units: the visit is paid once, and the loops vectorise.
// A unit whose first slot is NaN has no value and gets NaN.
void ScoringRule::points(double max, const double* slots, std::size_t stride, std::size_t count,
                         double* out) const noexcept {
  const double* v = slots;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::visit(
      overloaded{
          [&](const rules::YesNo&) {
            for (std::size_t i = 0; i < count; ++i) out[i] = std::isnan(v[i]) ? nan : v[i] != 0 ? max : 0.0;
          },
          [&](const rules::Bands& r) {
            for (std::size_t i = 0; i < count; ++i) {
              double p = nan;
              for (const auto& band : r.bands) {
                if (band.range.contains(v[i])) {
                  p = band.points;
                  break;
                }
              }
              out[i] = p;
            }
          },
          [&](const rules::Proportional& r) {
            const double* target = slots + stride;
            const double fixed = r.target.value_or(1.0);
            for (std::size_t i = 0; i < count; ++i) {
              const double t = std::isnan(target[i]) ? fixed : target[i];
              out[i] = std::isnan(v[i]) ? nan : std::min(max, max * v[i] / t);
            }
          },
          [&](const rules::Linear& r) {
            const double width = r.upper - r.lower;
            for (std::size_t i = 0; i < count; ++i) {
              out[i] = std::isnan(v[i]) ? nan : max * std::clamp((v[i] - r.lower) / width, 0.0, 1.0);
            }
          },
          [&](const rules::Graded& r) {
            for (std::size_t i = 0; i < count; ++i) {
              out[i] = std::isnan(v[i]) ? nan : max * r.levels[static_cast<std::size_t>(v[i])].share;
            }
          },
          [&](const rules::Deduction& r) {
            for (std::size_t i = 0; i < count; ++i) {
              double deducted = 0;
              for (std::size_t k = 0; k < r.severities.size(); ++k) deducted += v[k * stride + i] * r.severities[k].points;
              out[i] = std::isnan(v[i]) ? nan : std::max(0.0, max - deducted);
            }
          },
          [&](const rules::Comparison& r) {
            const double* previous = slots + stride;
            for (std::size_t i = 0; i < count; ++i) {
              const double share = v[i] > previous[i] ? r.increase_share : v[i] == previous[i] ? r.same_share : r.decrease_share;
              out[i] = std::isnan(v[i]) ? nan : max * share;
            }
          },
          [&](const rules::SurveyIndex&) {
            for (std::size_t i = 0; i < count; ++i) out[i] = max * v[i] / 100.0;
          },
          [&](const rules::Manual&) {
            for (std::size_t i = 0; i < count; ++i) out[i] = v[i];
          },
      },
      rule_);
}

double ScoringRule::points(double max, const double* slots, std::size_t stride) const noexcept {
  double p = 0;
  points(max, slots, stride, 1, &p);
  return p;
}

std::string ScoringRule::explain(double max, const double* slots, std::size_t stride) const {
  auto slot = [&](std::size_t k) { return slots[k * stride]; };
  const double p = points(max, slots, stride);
  const std::string result = " → " + pts(p) + " of " + pts(max);
  return std::visit(
      overloaded{
          [&](const rules::YesNo&) { return std::string(slot(0) != 0 ? "yes" : "no") + result; },
          [&](const rules::Bands& r) {
            for (const auto& band : r.bands) {
              if (band.range.contains(slot(0))) return num(slot(0), r.unit) + " is in " + band.range.str(r.unit) + result;
            }
            return num(slot(0), r.unit) + result;
          },
          [&](const rules::Proportional& r) {
            double target = std::isnan(slot(1)) ? r.target.value_or(1.0) : slot(1);
            std::string why = pts(max) + " × " + num(slot(0), r.unit) + " ÷ " + num(target, r.unit);
            if (max * slot(0) / target > max) why += ", capped at max";
            return why + result;
          },
          [&](const rules::Linear& r) {
            return num(slot(0), r.unit) + " between " + num(r.lower, r.unit) + " (0) and " + num(r.upper, r.unit) +
                   " (max)" + result;
          },
          [&](const rules::Graded& r) {
            const auto& level = r.levels[static_cast<std::size_t>(slot(0))];
            return "level \"" + level.name + "\" earns " + num(level.share * 100) + "%" + result;
          },
          [&](const rules::Deduction& r) {
            std::map<std::string, std::string> parts;  // by name, as documents list them
            for (std::size_t k = 0; k < r.severities.size(); ++k) {
              if (slot(k) == 0) continue;
              const std::string count = std::to_string(static_cast<long long>(slot(k)));  // a whole count, checked
              parts[r.severities[k].name] = r.severities[k].name + " × " + count + " (−" + pts(r.severities[k].points) + " each)";
            }
            std::string why;
            for (const auto& [name, text] : parts) why += (why.empty() ? "" : ", ") + text;
            return (why.empty() ? std::string("no deductions") : why) + result;
          },
          [&](const rules::Comparison&) {
            const char* what = slot(0) > slot(1) ? "an increase" : slot(0) == slot(1) ? "no change" : "a decrease";
            return num(slot(0)) + " against " + num(slot(1)) + " before: " + what + result;
          },
          [&](const rules::SurveyIndex&) { return "survey index " + num(slot(0), "%") + " × " + pts(max) + result; },
          [&](const rules::Manual&) { return "set by appraisal" + result; },
      },
      rule_);
}

RuleOutcome ScoringRule::apply(double max, const InputValue& input, const std::string& where) const {
  std::vector<double> slots(slot_count());
  encode(max, input, slots.data(), 1, where);
  return RuleOutcome{points(max, slots.data(), 1), explain(max, slots.data(), 1)};
}

}  // namespace parindex
