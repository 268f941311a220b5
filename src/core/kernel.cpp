// The evaluation kernel: one pass down the tree for not-applicable, one pass up for points.
#include <algorithm>
#include <cmath>
#include <limits>

#include "parindex/core/batch.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

const char* to_string(Decision decision) noexcept {
  switch (decision) {
    case Decision::appraised: return "appraised";
    case Decision::rule: return "rule";
    case Decision::self_assessed: return "self_assessed";
    case Decision::children: return "children";
    case Decision::not_applicable: return "not_applicable";
  }
  return "?";
}

InputTable InputTable::blank(const EvaluationPlan& plan, std::size_t units) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  InputTable t;
  t.units = units;
  t.values.assign(units * plan.slot_count(), nan);
  t.appraised.assign(units * plan.leaf_count(), nan);
  t.self_assessed.assign(units * plan.leaf_count(), nan);
  t.evidence.assign(units * plan.leaf_count(), 0);
  t.not_applicable.assign(units * plan.node_count(), 0);
  t.adjustments.assign(units * plan.adjustment_count(), 0.0);
  return t;
}

namespace {

bool is_mean(Aggregation a) { return a == Aggregation::mean || a == Aggregation::weighted_mean; }
bool is_weighted(Aggregation a) { return a == Aggregation::weighted_sum || a == Aggregation::weighted_mean; }

// Units are evaluated a block at a time, so a block's columns stay in cache while every node
// is visited; each node's loop runs over the block's units and vectorises.
constexpr std::size_t block = 256;

struct Scratch {
  std::vector<std::uint8_t> dropped;  // node-major, block columns
  std::vector<double> by_rule, points, max, weight;
};

struct Block {
  std::size_t first = 0, count = 0;
};

// Not applicable covers a subtree: parents precede children in tree order.
void mark_dropped(const EvaluationPlan& plan, const InputTable& t, Block b, Scratch& s) {
  for (std::size_t i = 0; i < plan.node_count(); ++i) {
    const std::uint8_t* na = t.not_applicable.data() + t.at(i, b.first);
    std::uint8_t* d = s.dropped.data() + i * block;
    const auto p = plan.parent(i);
    if (p == EvaluationPlan::none) {
      for (std::size_t k = 0; k < b.count; ++k) d[k] = na[k] != 0;
    } else {
      const std::uint8_t* up = s.dropped.data() + static_cast<std::size_t>(p) * block;
      for (std::size_t k = 0; k < b.count; ++k) d[k] = (na[k] != 0) | up[k];
    }
  }
}

// A leaf's points by precedence: appraised, then the rule, then the self-assessed score.
void score_leaf(const EvaluationPlan& plan, const InputTable& t, std::size_t leaf, Block b, Scratch& s, BatchScores& out) {
  const std::size_t node = plan.leaf_node(leaf);
  const double max = plan.max_points(node);
  const std::size_t at = t.at(leaf, b.first), to = node * out.units + b.first;
  if (const ScoringRule* rule = plan.rule(leaf)) {
    rule->points(max, t.slots(plan, b.first, leaf), t.units, b.count, s.by_rule.data());
  } else {
    std::fill_n(s.by_rule.data(), b.count, std::numeric_limits<double>::quiet_NaN());
  }
  const double* appraised = t.appraised.data() + at;
  const double* self = t.self_assessed.data() + at;
  const std::uint8_t* evidence = t.evidence.data() + at;
  const std::uint8_t* dropped = s.dropped.data() + node * block;
  const bool needs_evidence = plan.needs_evidence(leaf), rounds = plan.rounds(node);
  const int decimals = plan.rounding().decimals;
  for (std::size_t k = 0; k < b.count; ++k) {
    double p = 0;
    Decision how = Decision::not_applicable;
    if (!dropped[k]) {
      if (!std::isnan(appraised[k])) {
        p = appraised[k];
        how = Decision::appraised;
      } else if (!std::isnan(s.by_rule[k])) {
        p = s.by_rule[k];
        how = Decision::rule;
      } else {
        p = needs_evidence && !evidence[k] ? 0.0 : self[k];
        how = Decision::self_assessed;
      }
      // Rounding never lifts a score above its max (9.5 of 9.5 at 0 decimals stays 9.5, not 10).
      if (rounds) p = std::min(round_half_up_fast(p, decimals), max);
    }
    out.achieved[to + k] = p;
    out.max_points[to + k] = dropped[k] ? 0.0 : max;
    out.decided_by[to + k] = how;
  }
}

// Aggregates the applicable ones of `nodes`, in tree order, into s.points and s.max.
void aggregate(const EvaluationPlan& plan, std::span<const std::uint32_t> nodes, Block b, Scratch& s, const BatchScores& out) {
  const Aggregation method = plan.aggregation();
  const bool weighted = is_weighted(method);
  std::fill_n(s.points.data(), b.count, 0.0);
  std::fill_n(s.max.data(), b.count, 0.0);
  std::fill_n(s.weight.data(), b.count, 0.0);
  for (auto c : nodes) {
    const double w = weighted ? plan.weight(c) : 1.0;
    const double* points = out.achieved.data() + c * out.units + b.first;
    const double* max = out.max_points.data() + c * out.units + b.first;
    const std::uint8_t* dropped = s.dropped.data() + c * block;
    for (std::size_t k = 0; k < b.count; ++k) {
      const double keep = dropped[k] ? 0.0 : w;
      s.points[k] += keep * points[k];
      s.max[k] += keep * max[k];
      s.weight[k] += keep;
    }
  }
  if (!is_mean(method)) return;
  for (std::size_t k = 0; k < b.count; ++k) {
    const double w = s.weight[k];
    s.points[k] = w > 0 ? s.points[k] / w : 0.0;
    s.max[k] = w > 0 ? s.max[k] / w : 0.0;
  }
}

void score_parent(const EvaluationPlan& plan, std::size_t node, Block b, Scratch& s, BatchScores& out) {
  aggregate(plan, plan.children(node), b, s, out);
  const std::size_t to = node * out.units + b.first;
  const std::uint8_t* dropped = s.dropped.data() + node * block;
  const bool rounds = plan.rounds(node);
  const int decimals = plan.rounding().decimals;
  // The declared maximum while every child applies; else scaled by the share still applicable.
  const double declared = plan.max_points(node), full = plan.children_max(node);
  for (std::size_t k = 0; k < b.count; ++k) {
    const double max = s.max[k] == full ? declared : full > 0 ? s.max[k] * declared / full : 0.0;
    // Never above the max: neither rounding nor children whose maxima add to a little more than
    // the declared one (within half a unit of the last decimal) can lift it there.
    const double p = std::min(rounds ? round_half_up_fast(s.points[k], decimals) : s.points[k], max);
    out.achieved[to + k] = dropped[k] ? 0.0 : p;
    out.max_points[to + k] = dropped[k] ? 0.0 : max;
    out.decided_by[to + k] = dropped[k] ? Decision::not_applicable : Decision::children;
  }
}

void score_totals(const EvaluationPlan& plan, const InputTable& t, Block b, Scratch& s, BatchScores& out) {
  aggregate(plan, plan.fields(), b, s, out);
  const int decimals = plan.rounding().decimals;
  for (std::size_t k = 0; k < b.count; ++k) {
    const std::size_t u = b.first + k;
    double bonus = 0, penalty = 0;
    for (std::size_t a = 0; a < plan.adjustment_count(); ++a) {
      (plan.adjustment_is_bonus(a) ? bonus : penalty) += t.adjustments[t.at(a, u)];
    }
    out.scale_achieved[u] = std::min(plan.rounds_total() ? round_half_up_fast(s.points[k], decimals) : s.points[k], s.max[k]);
    out.scale_max[u] = s.max[k];
    out.bonus[u] = std::min(bonus, plan.bonus_cap());
    out.penalty[u] = std::min(penalty, plan.penalty_cap());
    out.total[u] = std::max(0.0, out.scale_achieved[u] + out.bonus[u] - out.penalty[u]);
    out.index_percent[u] = out.scale_max[u] > 0 ? out.total[u] / out.scale_max[u] * 100.0 : 0.0;
  }
}

}  // namespace

std::optional<std::size_t> BatchResult::find(const std::string& code) const {
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].code == code) return i;
  }
  return std::nullopt;
}

void evaluate_table(const EvaluationPlan& plan, const InputTable& t, BatchScores& out) {
  const std::size_t n = plan.node_count();
  out.units = t.units;
  out.nodes = n;
  out.achieved.resize(t.units * n);
  out.max_points.resize(t.units * n);
  out.decided_by.resize(t.units * n);
  for (auto* v : {&out.scale_max, &out.scale_achieved, &out.bonus, &out.penalty, &out.total, &out.index_percent}) {
    v->resize(t.units);
  }
  thread_local Scratch s;
  s.dropped.resize(n * block);
  for (auto* v : {&s.by_rule, &s.points, &s.max, &s.weight}) v->resize(block);
  for (std::size_t first = 0; first < t.units; first += block) {
    const Block b{first, std::min(block, t.units - first)};
    mark_dropped(plan, t, b, s);
    for (std::size_t leaf = 0; leaf < plan.leaf_count(); ++leaf) score_leaf(plan, t, leaf, b, s, out);
    // Children follow their parent, so a reverse pass finishes each node's subtree first.
    for (std::size_t k = n; k-- > 0;) {
      if (plan.leaf_of(k) == EvaluationPlan::none) score_parent(plan, k, b, s, out);
    }
    score_totals(plan, t, b, s, out);
  }
}

}  // namespace parindex
