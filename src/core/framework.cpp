#include "parindex/core/framework.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "parindex/core/error.hpp"
#include "parindex/core/evaluation_plan.hpp"

namespace parindex {

namespace {

[[noreturn]] void invalid(const std::string& where, const std::string& detail) {
  throw error(error_kind::validation, where, detail);
}

std::string where_code(const CriterionCode& code) { return "criterion " + code.str(); }

// Two maxima printed alike with enough decimals to show both as they are (10.000 vs 10.006),
// at most 12, where a repeating decimal stops.
std::pair<std::string, std::string> distinct(double a, double b, int decimals) {
  int d = std::max(decimals, 2);
  while (d < 12 && (round_half_up(a, d) != a || round_half_up(b, d) != b)) ++d;
  return {format_fixed(a, d), format_fixed(b, d)};
}

}  // namespace

const char* to_string(IndexKind kind) noexcept {
  switch (kind) {
    case IndexKind::par_index: return "par_index";
    case IndexKind::sipas: return "sipas";
    case IndexKind::papi: return "papi";
    case IndexKind::pci: return "pci";
    case IndexKind::dti: return "dti";
    case IndexKind::custom: return "custom";
  }
  return "?";
}

std::optional<IndexKind> index_kind_from_string(std::string_view text) noexcept {
  for (auto k : {IndexKind::par_index, IndexKind::sipas, IndexKind::papi, IndexKind::pci,
                 IndexKind::dti, IndexKind::custom}) {
    if (text == to_string(k)) return k;
  }
  return std::nullopt;
}

const char* to_string(PointSource source) noexcept {
  return source == PointSource::survey ? "survey" : "assessment";
}

std::optional<PointSource> point_source_from_string(std::string_view text) noexcept {
  if (text == "assessment") return PointSource::assessment;
  if (text == "survey") return PointSource::survey;
  return std::nullopt;
}

const char* to_string(Aggregation a) noexcept {
  switch (a) {
    case Aggregation::sum: return "sum";
    case Aggregation::weighted_sum: return "weighted_sum";
    case Aggregation::mean: return "mean";
    case Aggregation::weighted_mean: return "weighted_mean";
  }
  return "?";
}

std::optional<Aggregation> aggregation_from_string(std::string_view text) noexcept {
  for (auto a : {Aggregation::sum, Aggregation::weighted_sum, Aggregation::mean, Aggregation::weighted_mean}) {
    if (text == to_string(a)) return a;
  }
  return std::nullopt;
}

double aggregate_max(Aggregation method, std::span<const double> maxima, std::span<const double> weights) {
  double sum = 0, weight_sum = 0;
  for (std::size_t i = 0; i < maxima.size(); ++i) {
    const bool weighted = method == Aggregation::weighted_sum || method == Aggregation::weighted_mean;
    const double w = weighted ? weights[i] : 1.0;
    sum += w * maxima[i];
    weight_sum += w;
  }
  const bool mean = method == Aggregation::mean || method == Aggregation::weighted_mean;
  return mean ? (weight_sum > 0 ? sum / weight_sum : 0.0) : sum;
}

const char* to_string(Adjustment::Kind kind) noexcept {
  return kind == Adjustment::Kind::bonus ? "bonus" : "penalty";
}

Framework::Framework(FrameworkInfo info, std::vector<Criterion> criteria,
                     std::vector<Adjustment> adjustments)
    : info_(std::move(info)), adjustments_(std::move(adjustments)) {
  if (info_.id.empty()) invalid("framework", "the id must not be empty");
  if (!info_.period.ok()) {
    invalid("framework " + info_.id, "the period must run from a year in 1900..2999 to a year not before it");
  }
  if (!info_.rounding.ok()) invalid("framework " + info_.id, "rounding decimals must lie in 0..6");
  if (criteria.empty()) invalid("framework " + info_.id, "a framework needs at least one field");
  for (double cap : {info_.bonus_cap, info_.penalty_cap}) {
    if (!std::isfinite(cap) || cap < 0 || cap > max_points_limit) {
      invalid("framework " + info_.id, "bonus and penalty caps must lie in 0..1,000,000");
    }
  }

  // Codes: valid and unique.
  std::map<CriterionCode, std::size_t> by_code;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const auto& c = criteria[i];
    if (!c.code.ok()) invalid("criterion #" + std::to_string(i + 1), "the code is missing");
    if (!by_code.emplace(c.code, i).second) invalid(where_code(c.code), "the code appears twice");
    if (c.title.empty()) invalid(where_code(c.code), "the title must not be empty");
    if (!std::isfinite(c.max_points) || c.max_points < 0 || c.max_points > max_points_limit) {
      invalid(where_code(c.code), "max points must be a number from 0 to 1,000,000");
    }
    if (!std::isfinite(c.weight) || c.weight <= 0) invalid(where_code(c.code), "the weight must be a finite number above 0");
  }

  // Parents: the code's own parent unless an ancestor is named explicitly.
  std::map<CriterionCode, CriterionCode> parent_code;
  for (const auto& c : criteria) {
    CriterionCode p;
    if (c.parent) {
      if (!c.parent->is_ancestor_of(c.code)) {
        invalid(where_code(c.code), "its parent " + c.parent->str() + " is not an ancestor of its code");
      }
      if (!by_code.count(*c.parent)) {
        invalid(where_code(c.code), "its parent " + c.parent->str() + " is not in the framework");
      }
      p = *c.parent;
    } else if (c.code.depth() > 1) {
      p = c.code.parent();
      if (!by_code.count(p)) {
        invalid(where_code(c.code), "child under a missing parent: " + p.str() +
                                        " is not in the framework (name an ancestor with \"parent\" "
                                        "when the source skips a level)");
      }
    }
    if (p.ok()) parent_code.emplace(c.code, p);
  }

  // Tree order: siblings by code (sorted first), each node followed by its subtree (a
  // pre-order walk from the fields, since a remainder "6.*" sorts after "6.4" but skipped
  // levels can interleave codes).
  std::sort(criteria.begin(), criteria.end(),
            [](const Criterion& a, const Criterion& b) { return a.code < b.code; });
  std::map<CriterionCode, std::vector<CriterionCode>> kids;
  std::vector<CriterionCode> root_codes;
  for (const auto& c : criteria) {
    auto it = parent_code.find(c.code);
    if (it == parent_code.end()) root_codes.push_back(c.code);
    else kids[it->second].push_back(c.code);
  }
  std::map<CriterionCode, Criterion*> node;
  for (auto& c : criteria) node[c.code] = &c;
  std::vector<CriterionCode> order;
  std::vector<CriterionCode> stack(root_codes.rbegin(), root_codes.rend());
  while (!stack.empty()) {
    CriterionCode code = stack.back();
    stack.pop_back();
    order.push_back(code);
    auto it = kids.find(code);
    if (it != kids.end()) stack.insert(stack.end(), it->second.rbegin(), it->second.rend());
  }
  criteria_.reserve(order.size());
  std::map<CriterionCode, std::size_t> index;
  for (const auto& code : order) {
    index[code] = criteria_.size();
    criteria_.push_back(std::move(*node[code]));
  }
  parents_.assign(criteria_.size(), std::nullopt);
  children_.assign(criteria_.size(), {});
  for (std::size_t i = 0; i < criteria_.size(); ++i) {
    auto it = parent_code.find(criteria_[i].code);
    if (it == parent_code.end()) {
      roots_.push_back(i);
    } else {
      std::size_t p = index.at(it->second);
      parents_[i] = p;
      children_[p].push_back(i);
    }
  }

  for (std::size_t i = 0; i < criteria_.size(); ++i) {
    const auto& c = criteria_[i];
    const auto where = where_code(c.code);
    if (!parents_[i] && c.code.depth() != 1) {
      invalid(where, "a top-level node (field) needs a one-part code such as \"6\"");
    }
    if (c.code.is_remainder() && !children_[i].empty()) {
      invalid(where, "an unitemised remainder (\".*\") cannot have sub-criteria");
    }
    if (!children_[i].empty()) {
      if (c.rule) invalid(where, "has sub-criteria, so its points are their sum; only leaves take a scoring rule");
      std::vector<double> maxima, weights;
      std::string names;
      int remainders = 0;
      for (auto k : children_[i]) {
        maxima.push_back(criteria_[k].max_points);
        weights.push_back(criteria_[k].weight);
        names += (names.empty() ? "" : ", ") + criteria_[k].code.str();
        remainders += criteria_[k].code.is_remainder();
      }
      if (remainders > 1) invalid(where, "has more than one unitemised remainder");
      // Within half a unit of the last decimal kept: three sub-dimensions of 10/3 make 10.
      const double expected = aggregate_max(info_.aggregation, maxima, weights);
      const double tolerance = 0.5 * std::pow(10.0, -info_.rounding.decimals) + 1e-12 * std::fabs(c.max_points);
      if (!(std::fabs(expected - c.max_points) <= tolerance)) {
        auto [mine, theirs] = distinct(c.max_points, expected, info_.rounding.decimals);
        const bool mean = info_.aggregation == Aggregation::mean || info_.aggregation == Aggregation::weighted_mean;
        invalid(where, "max " + mine + " but its children (" + names + ") " + (mean ? "average " : "add ") + "to " + theirs);
      }
    } else if (c.rule) {
      c.rule->validate(c.max_points, where);
    }
  }

  // Adjustments: outside the scale, each with its own cap.
  std::set<std::string> ids;
  for (const auto& a : adjustments_) {
    if (a.id.empty()) invalid("framework " + info_.id, "a bonus or penalty needs an id");
    if (!ids.insert(a.id).second) invalid("adjustment " + a.id, "the id appears twice");
    if (!std::isfinite(a.max_points) || a.max_points <= 0 || a.max_points > max_points_limit) {
      invalid("adjustment " + a.id, "max points must be a number above 0 and at most 1,000,000");
    }
  }

  std::vector<double> maxima, weights;
  for (auto r : roots_) {
    maxima.push_back(criteria_[r].max_points);
    weights.push_back(criteria_[r].weight);
  }
  total_max_ = aggregate_max(info_.aggregation, maxima, weights);
  for (std::size_t i = 0; i < criteria_.size(); ++i) index_.emplace(criteria_[i].code, i);
  plan_ = std::make_shared<const EvaluationPlan>(*this);
}

std::optional<std::size_t> Framework::find(const CriterionCode& code) const noexcept {
  auto it = index_.find(code);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const Criterion& Framework::at(const CriterionCode& code) const {
  auto i = find(code);
  if (!i) throw error(error_kind::argument, "criterion " + code.str(), "not in framework " + info_.id);
  return criteria_[*i];
}

const Adjustment* Framework::find_adjustment(const std::string& id) const noexcept {
  for (const auto& a : adjustments_) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

std::size_t Framework::depth_of(std::size_t index) const noexcept {
  std::size_t d = 1;
  for (auto p = parents_[index]; p; p = parents_[*p]) ++d;
  return d;
}

const std::string& Framework::lead_agency_of(std::size_t index) const noexcept {
  std::optional<std::size_t> i = index;
  while (i) {
    if (!criteria_[*i].lead_agency.empty()) return criteria_[*i].lead_agency;
    i = parents_[*i];
  }
  return criteria_[index].lead_agency;
}

}  // namespace parindex
