// A framework compiled for evaluation: flat arrays the kernel walks, no strings, no tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "parindex/core/framework.hpp"

namespace parindex {

class EvaluationPlan {
 public:
  static constexpr std::int32_t none = -1;

  // Compiles a validated framework (Framework's constructor does this once).
  explicit EvaluationPlan(const Framework& framework);

  // A copy with other weights (one per node, positive), the children's maxima recomputed: a
  // Monte Carlo over weights evaluates each draw with its own.
  EvaluationPlan with_weights(std::span<const double> weights) const;

  std::size_t node_count() const noexcept { return parent_.size(); }
  // Whether no parent's children's maxima add to more than its own (beyond rounding noise), so
  // the cap at a parent's maximum never binds: under a sum, the total is then the sum of its leaves.
  bool parents_hold_their_children() const noexcept;
  std::size_t leaf_count() const noexcept { return leaf_node_.size(); }
  // Numbers per unit that the rules read (ScoringRule::slot_count summed over leaves).
  std::size_t slot_count() const noexcept { return slot_total_; }
  std::size_t adjustment_count() const noexcept { return adjustment_bonus_.size(); }

  // Nodes in the framework's tree order: each parent before its children.
  std::int32_t parent(std::size_t node) const noexcept { return parent_[node]; }
  std::size_t depth(std::size_t node) const noexcept { return depth_[node]; }
  double max_points(std::size_t node) const noexcept { return max_[node]; }
  // A parent's children's maxima aggregated, all applicable. It may differ from the parent's
  // declared maximum by half a unit of the last decimal (three children of 3.333 under 10).
  double children_max(std::size_t node) const noexcept { return children_max_[node]; }
  double weight(std::size_t node) const noexcept { return weight_[node]; }
  bool rounds(std::size_t node) const noexcept { return rounds_[node] != 0; }
  // A node's children (none for a leaf), and the fields, in tree order.
  std::span<const std::uint32_t> children(std::size_t node) const noexcept {
    return {child_list_.data() + child_begin_[node], child_begin_[node + 1] - child_begin_[node]};
  }
  std::span<const std::uint32_t> fields() const noexcept { return fields_; }
  // The leaf index of a node, or none for a node with children.
  std::int32_t leaf_of(std::size_t node) const noexcept { return node_leaf_[node]; }

  std::size_t leaf_node(std::size_t leaf) const noexcept { return leaf_node_[leaf]; }
  std::size_t slot_offset(std::size_t leaf) const noexcept { return slot_offset_[leaf]; }
  // The leaf's rule, or nullptr when it is scored by appraisal or self-assessment only.
  const ScoringRule* rule(std::size_t leaf) const noexcept {
    return leaf_rule_[leaf] == none ? nullptr : &rules_[static_cast<std::size_t>(leaf_rule_[leaf])];
  }
  // A self-assessed score counts only with evidence when the framework asks for it.
  bool needs_evidence(std::size_t leaf) const noexcept { return needs_evidence_[leaf] != 0; }

  Aggregation aggregation() const noexcept { return aggregation_; }
  const RoundingPolicy& rounding() const noexcept { return rounding_; }
  bool rounds_total() const noexcept { return rounding_.rounds_at(0); }
  bool adjustment_is_bonus(std::size_t a) const noexcept { return adjustment_bonus_[a] != 0; }
  double adjustment_max(std::size_t a) const noexcept { return adjustment_max_[a]; }
  double bonus_cap() const noexcept { return bonus_cap_; }
  double penalty_cap() const noexcept { return penalty_cap_; }

 private:
  void compute_children_max();
  std::vector<std::int32_t> parent_;
  std::vector<std::uint32_t> depth_;
  std::vector<double> max_, weight_, children_max_;
  std::vector<std::uint8_t> rounds_;
  std::vector<std::int32_t> node_leaf_;
  std::vector<std::size_t> child_begin_;
  std::vector<std::uint32_t> child_list_, fields_;
  std::vector<std::size_t> leaf_node_, slot_offset_;
  std::vector<std::int32_t> leaf_rule_;
  std::vector<std::uint8_t> needs_evidence_;
  std::vector<ScoringRule> rules_;
  std::size_t slot_total_ = 0;
  Aggregation aggregation_ = Aggregation::sum;
  RoundingPolicy rounding_;
  std::vector<std::uint8_t> adjustment_bonus_;
  std::vector<double> adjustment_max_;
  double bonus_cap_ = 0, penalty_cap_ = 0;
};

}  // namespace parindex
