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

// A leaf's points by the order of precedence: appraised, rule, self-assessed.
double leaf_points(const EvaluationPlan& plan, const InputTable& t, std::size_t u, std::size_t leaf, Decision& how) {
  const std::size_t at = u * plan.leaf_count() + leaf;
  const double max = plan.max_points(plan.leaf_node(leaf));
  if (!std::isnan(t.appraised[at])) {
    how = Decision::appraised;
    return t.appraised[at];
  }
  const ScoringRule* rule = plan.rule(leaf);
  if (rule && !std::isnan(*t.slots(plan, u, leaf))) {
    how = Decision::rule;
    return rule->points(max, t.slots(plan, u, leaf));
  }
  how = Decision::self_assessed;
  if (plan.needs_evidence(leaf) && !t.evidence[at]) return 0.0;
  return t.self_assessed[at];
}

bool is_mean(Aggregation a) { return a == Aggregation::mean || a == Aggregation::weighted_mean; }
bool is_weighted(Aggregation a) { return a == Aggregation::weighted_sum || a == Aggregation::weighted_mean; }

// Aggregates the applicable ones of `nodes`, in tree order, into points and maximum.
struct Aggregate {
  double points = 0, max = 0;
};
Aggregate aggregate(const EvaluationPlan& plan, std::span<const std::uint32_t> nodes, const double* achieved,
                    const double* max, const Decision* how) noexcept {
  const Aggregation method = plan.aggregation();
  const bool weighted = is_weighted(method);
  double points = 0, maximum = 0, weights = 0;
  for (auto c : nodes) {
    if (how[c] == Decision::not_applicable) continue;
    const double w = weighted ? plan.weight(c) : 1.0;
    points += w * achieved[c];
    maximum += w * max[c];
    weights += w;
  }
  if (!is_mean(method)) return {points, maximum};
  if (weights <= 0) return {0, 0};
  return {points / weights, maximum / weights};
}

}  // namespace

void evaluate_table(const EvaluationPlan& plan, const InputTable& t, BatchScores& out) noexcept {
  const std::size_t n = plan.node_count();
  const std::size_t units = t.units;
  const int decimals = plan.rounding().decimals;
  out.units = units;
  out.nodes = n;
  out.achieved.resize(units * n);
  out.max_points.resize(units * n);
  out.decided_by.resize(units * n);
  for (auto* v : {&out.scale_max, &out.scale_achieved, &out.bonus, &out.penalty, &out.total, &out.index_percent}) {
    v->resize(units);
  }
  for (std::size_t u = 0; u < units; ++u) {
    double* achieved = out.achieved.data() + u * n;
    double* max = out.max_points.data() + u * n;
    Decision* how = out.decided_by.data() + u * n;
    const std::uint8_t* na = t.not_applicable.data() + u * n;

    // Down: not applicable covers a subtree (parents precede children).
    for (std::size_t i = 0; i < n; ++i) {
      const auto p = plan.parent(i);
      const bool dropped = na[i] || (p != EvaluationPlan::none && how[p] == Decision::not_applicable);
      how[i] = dropped ? Decision::not_applicable : Decision::children;
    }
    // Up: children follow their parent, so a reverse pass finishes each node's subtree first.
    for (std::size_t k = n; k-- > 0;) {
      if (how[k] == Decision::not_applicable) {
        achieved[k] = max[k] = 0;
        continue;
      }
      const auto leaf = plan.leaf_of(k);
      if (leaf != EvaluationPlan::none) {
        achieved[k] = leaf_points(plan, t, u, static_cast<std::size_t>(leaf), how[k]);
        max[k] = plan.max_points(k);
      } else {
        const Aggregate a = aggregate(plan, plan.children(k), achieved, max, how);
        achieved[k] = a.points;
        max[k] = a.max;
      }
      if (plan.rounds(k)) achieved[k] = round_half_up_fast(achieved[k], decimals);
    }
    const Aggregate scale = aggregate(plan, plan.fields(), achieved, max, how);
    out.scale_achieved[u] = plan.rounds_total() ? round_half_up_fast(scale.points, decimals) : scale.points;
    out.scale_max[u] = scale.max;

    double bonus = 0, penalty = 0;
    const double* claimed = t.adjustments.data() + u * plan.adjustment_count();
    for (std::size_t a = 0; a < plan.adjustment_count(); ++a) (plan.adjustment_is_bonus(a) ? bonus : penalty) += claimed[a];
    out.bonus[u] = std::min(bonus, plan.bonus_cap());
    out.penalty[u] = std::min(penalty, plan.penalty_cap());
    out.total[u] = std::max(0.0, out.scale_achieved[u] + out.bonus[u] - out.penalty[u]);
    out.index_percent[u] = out.scale_max[u] > 0 ? out.total[u] / out.scale_max[u] * 100.0 : 0.0;
  }
}

}  // namespace parindex
