#include "parindex/core/evaluation_plan.hpp"

namespace parindex {

EvaluationPlan::EvaluationPlan(const Framework& framework)
    : aggregation_(framework.info().aggregation),
      rounding_(framework.info().rounding),
      bonus_cap_(framework.info().bonus_cap),
      penalty_cap_(framework.info().penalty_cap) {
  const auto criteria = framework.criteria();
  const std::size_t n = criteria.size();
  parent_.resize(n);
  depth_.resize(n);
  max_.resize(n);
  weight_.resize(n);
  rounds_.resize(n);
  node_leaf_.assign(n, none);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& c = criteria[i];
    auto p = framework.parent_of(i);
    parent_[i] = p ? static_cast<std::int32_t>(*p) : none;
    depth_[i] = static_cast<std::uint32_t>(framework.depth_of(i));
    max_[i] = c.max_points;
    weight_[i] = c.weight;
    const bool leaf = framework.is_leaf(i);
    rounds_[i] = rounding_.rounds_at(depth_[i]);
    if (!leaf) continue;
    node_leaf_[i] = static_cast<std::int32_t>(leaf_node_.size());
    leaf_node_.push_back(i);
    slot_offset_.push_back(slot_total_);
    needs_evidence_.push_back(!c.evidence.empty());
    if (c.rule) {
      leaf_rule_.push_back(static_cast<std::int32_t>(rules_.size()));
      rules_.push_back(*c.rule);
      slot_total_ += c.rule->slot_count();
    } else {
      leaf_rule_.push_back(none);
    }
  }
  child_begin_.push_back(0);
  for (std::size_t i = 0; i < n; ++i) {
    for (auto c : framework.children_of(i)) child_list_.push_back(static_cast<std::uint32_t>(c));
    child_begin_.push_back(child_list_.size());
  }
  for (auto f : framework.fields()) fields_.push_back(static_cast<std::uint32_t>(f));
  compute_children_max();
  for (const auto& a : framework.adjustments()) {
    adjustment_bonus_.push_back(a.kind == Adjustment::Kind::bonus);
    adjustment_max_.push_back(a.max_points);
  }
}

void EvaluationPlan::compute_children_max() {
  const std::size_t n = node_count();
  children_max_.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> maxima, weights;
    for (auto c : children(i)) {
      maxima.push_back(max_[c]);
      weights.push_back(weight_[c]);
    }
    if (!maxima.empty()) children_max_[i] = aggregate_max(aggregation_, maxima, weights);
  }
}

EvaluationPlan EvaluationPlan::with_weights(std::span<const double> weights) const {
  EvaluationPlan out = *this;
  out.weight_.assign(weights.begin(), weights.end());
  out.compute_children_max();
  return out;
}

bool EvaluationPlan::parents_hold_their_children() const noexcept {
  for (std::size_t i = 0; i < node_count(); ++i) {
    if (!children(i).empty() && children_max_[i] > max_[i] * (1 + 1e-12) + 1e-9) return false;
  }
  return true;
}

}  // namespace parindex
