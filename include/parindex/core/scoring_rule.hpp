// Scoring rules: how a criterion's input becomes points, with the reason in words.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace parindex {

// A value compared with the previous period's (8.1.1: new enterprises vs last year).
struct PeriodComparison {
  double current = 0;
  double previous = 0;
  friend bool operator==(const PeriodComparison&, const PeriodComparison&) = default;
};

// Progress against a target that belongs to the unit, not the framework (4.2: one public
// service unit cut where this district had to cut six).
struct Progress {
  double actual = 0;
  double target = 0;
  friend bool operator==(const Progress&, const Progress&) = default;
};

// Occurrences per severity, for deduction rules: {"minor": 2, "serious": 0}.
using OccurrenceCounts = std::map<std::string, long long>;

// What an assessment states about a criterion, before any rule is applied.
// The alternative used must suit the criterion's rule (a yes/no rule takes a bool, bands
// take a number, graded levels take the level's name, ...).
using InputValue = std::variant<bool, double, std::string, PeriodComparison, OccurrenceCounts, Progress>;

std::string describe(const InputValue& value);

namespace rules {

// Max points when true, 0 when false.
struct YesNo {
  friend bool operator==(const YesNo&, const YesNo&) = default;
};

// An interval with explicit bounds, written "[80, 90)" (80 included, 90 excluded).
struct Interval {
  double lower = 0;
  double upper = 0;
  bool lower_inclusive = true;
  bool upper_inclusive = false;

  bool contains(double v) const noexcept;
  std::string str(const std::string& unit = "") const;  // for people: at most 4 decimals
  std::string exact_str() const;                        // for documents: reads back equal
  // Parses "[80, 90)", "(0,50]", "[100, 100]". Throws parindex::error (document).
  static Interval parse(const std::string& text);
  friend bool operator==(const Interval&, const Interval&) = default;
};

// Points by the band the value falls in. Bands must tile their range: no overlaps, no gaps.
struct Bands {
  struct Band {
    Interval range;
    double points = 0;
    friend bool operator==(const Band&, const Band&) = default;
  };
  std::vector<Band> bands;
  std::string unit;  // shown in explanations: "%"
  friend bool operator==(const Bands&, const Bands&) = default;
};

// max × value ÷ target, capped at max (4.2: one unit cut where six were required → 2 × 1/6).
// The target is the framework's, or, when the framework leaves it out, the unit's own given
// with the value as {actual, target}.
struct Proportional {
  std::optional<double> target;
  std::string unit;
  friend bool operator==(const Proportional&, const Proportional&) = default;
};

// 0 at or below `lower`, max at or above `upper`, linear between the two goalposts.
struct Linear {
  double lower = 0;
  double upper = 100;
  std::string unit;
  friend bool operator==(const Linear&, const Linear&) = default;
};

// Named levels, each worth a share of max (excellent 1, good 0.75, complete 0.5).
struct Graded {
  struct Level {
    std::string name;
    double share = 0;
    friend bool operator==(const Level&, const Level&) = default;
  };
  std::vector<Level> levels;
  friend bool operator==(const Graded&, const Graded&) = default;
};

// Points deducted per occurrence of each severity, floored at 0. A severity whose
// deduction equals max ("serious → 0") takes all the points at its first occurrence.
struct Deduction {
  struct Severity {
    std::string name;
    double points = 0;
    friend bool operator==(const Severity&, const Severity&) = default;
  };
  std::vector<Severity> severities;
  friend bool operator==(const Deduction&, const Deduction&) = default;
};

// Compared with the previous period: each outcome earns a share of max.
struct Comparison {
  double increase_share = 1;
  double same_share = 0;
  double decrease_share = 0;
  friend bool operator==(const Comparison&, const Comparison&) = default;
};

// A survey index in percent: index % × max (field 9: 93.05% of 20 → 18.61).
struct SurveyIndex {
  friend bool operator==(const SurveyIndex&, const SurveyIndex&) = default;
};

// A number of points set by the appraisal council, within [0, max].
struct Manual {
  friend bool operator==(const Manual&, const Manual&) = default;
};

}  // namespace rules

// The outcome of a rule: points (unrounded) and the reason in words.
struct RuleOutcome {
  double points = 0;
  std::string explanation;
};

class ScoringRule {
 public:
  using Variant = std::variant<rules::YesNo, rules::Bands, rules::Proportional, rules::Linear,
                               rules::Graded, rules::Deduction, rules::Comparison,
                               rules::SurveyIndex, rules::Manual>;

  ScoringRule() : rule_(rules::Manual{}) {}
  template <class Rule>
    requires std::is_constructible_v<Variant, Rule>
  ScoringRule(Rule rule) : rule_(std::move(rule)) {}

  // The rule's name as written in documents: "yes_no", "bands", "proportional", ...
  std::string kind() const;
  const Variant& variant() const noexcept { return rule_; }

  // Checks the rule's own consistency for a criterion worth max_points. Throws
  // parindex::error (validation) naming the problem; `where` prefixes the location.
  void validate(double max_points, const std::string& where) const;

  // The kernel's view of an input: a few numbers ("slots") per criterion and unit. A yes/no is
  // 0 or 1, a graded level its index, deductions one count per severity (in the rule's order),
  // comparisons {current, previous}, proportional {value, target} (target NaN: the rule's own).
  // Slot k of a unit lies `stride` numbers after slot k − 1, so one unit's slots may be
  // contiguous (stride 1) or a column of a table (stride = the number of units). A first slot
  // of NaN means no value.
  std::size_t slot_count() const noexcept;
  // Writes input as slots; throws parindex::error (validation) when it does not suit the rule.
  void encode(double max_points, const InputValue& input, double* slots, std::size_t stride, const std::string& where) const;
  // What is wrong with slots given directly (from a table), or nothing. A unit without a value
  // (first slot NaN) is not checked.
  std::optional<std::string> check(double max_points, const double* slots, std::size_t stride) const;
  // The same over `count` consecutive units, skipping those where skip[i] is set (skip may be
  // null): the first bad unit's index and what is wrong with it.
  std::optional<std::pair<std::size_t, std::string>> check(double max_points, const double* slots, std::size_t stride,
                                                           std::size_t count, const std::uint8_t* skip) const;
  // Unrounded points of `count` consecutive units whose slots were checked (NaN where a unit
  // has no value). The only place each rule's arithmetic lives.
  void points(double max_points, const double* slots, std::size_t stride, std::size_t count, double* out) const noexcept;
  double points(double max_points, const double* slots, std::size_t stride) const noexcept;
  // The reason in words: "84.59% is in [80%, 90%) → 0.25 of 0.50".
  std::string explain(double max_points, const double* slots, std::size_t stride) const;

  // Applies the rule: encode, points and explain. Throws parindex::error (validation) when the input does not suit the
  // rule (wrong kind, outside the bands, unknown level, negative count, ...).
  RuleOutcome apply(double max_points, const InputValue& input, const std::string& where) const;

  friend bool operator==(const ScoringRule&, const ScoringRule&) = default;

 private:
  Variant rule_;
};

}  // namespace parindex
