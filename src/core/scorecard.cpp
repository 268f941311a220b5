// The explained scorecard: the kernel's numbers, with each line's reason written in words.
#include "parindex/core/scorecard.hpp"

#include <algorithm>
#include <cmath>

#include "parindex/core/error.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

std::optional<double> ScoreLine::percent() const noexcept {
  if (max_points <= 0) return std::nullopt;
  return achieved / max_points * 100.0;
}

double Scorecard::total() const noexcept { return std::max(0.0, scale_achieved + bonus - penalty); }

double Scorecard::index_percent() const noexcept {
  return scale_max > 0 ? total() / scale_max * 100.0 : 0.0;
}

const ScoreLine* Scorecard::find(const CriterionCode& code) const noexcept {
  for (const auto& line : lines) {
    if (line.code == code) return &line;
  }
  return nullptr;
}

namespace {

const char* aggregated(Aggregation a) {
  switch (a) {
    case Aggregation::sum: return "sum of sub-criteria";
    case Aggregation::weighted_sum: return "weighted sum of sub-criteria";
    case Aggregation::mean: return "mean of sub-criteria";
    case Aggregation::weighted_mean: return "weighted mean of sub-criteria";
  }
  return "?";
}

// The rule's reason, after where its input came from.
std::string rule_reason(const EvaluationPlan& plan, const InputTable& t, std::size_t u, std::size_t leaf,
                        const CriterionEntry* entry) {
  const double max = plan.max_points(plan.leaf_node(leaf));
  std::string why = plan.rule(leaf)->explain(max, t.slots(plan, u, leaf), t.units);
  if (entry && !entry->provenance.empty()) why = entry->provenance + "; " + why;
  return why;
}

std::string leaf_reason(const Framework& framework, const BatchResult& b, std::size_t u, std::size_t i,
                        const CriterionEntry* entry) {
  const auto& plan = framework.plan();
  const auto leaf = static_cast<std::size_t>(plan.leaf_of(i));
  const std::size_t at = b.inputs.at(leaf, u);
  const auto& c = framework.criteria()[i];
  const std::string of_max = " of " + format_fixed(c.max_points, 2);
  const bool has_value = plan.rule(leaf) && !std::isnan(*b.inputs.slots(plan, u, leaf));
  switch (b.scores.decision_at(u, i)) {
    case Decision::appraised: {
      std::string why = "appraised → " + format_fixed(b.inputs.appraised[at], 2) + of_max;
      if (has_value) {
        const double by_rule = plan.rule(leaf)->points(c.max_points, b.inputs.slots(plan, u, leaf), b.inputs.units);
        why += " (the rule gave " + format_fixed(by_rule, 2) + ": " + rule_reason(plan, b.inputs, u, leaf, entry) + ")";
      }
      return why;
    }
    case Decision::rule: return rule_reason(plan, b.inputs, u, leaf, entry);
    case Decision::self_assessed: {
      const double self = b.inputs.self_assessed[at];
      if (plan.needs_evidence(leaf) && !b.inputs.evidence[at]) {
        return "self-assessed " + format_fixed(self, 2) + " without the evidence required (" + c.evidence +
               "): not accepted → 0.00";
      }
      return "self-assessed → " + format_fixed(self, 2) + of_max;
    }
    default: return "";
  }
}

}  // namespace

Scorecard scorecard(const Framework& framework, const BatchResult& b, std::size_t u, const Assessment* assessment) {
  if (u >= b.units.size()) throw error(error_kind::argument, "scorecard", "unit #" + std::to_string(u) + " is not in the batch");
  const auto& info = framework.info();
  const auto criteria = framework.criteria();
  Scorecard card;
  card.framework_id = framework.id();
  card.unit = b.units[u];
  card.year = b.year;
  card.rounding = info.rounding;
  card.lines.resize(criteria.size());
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const auto& c = criteria[i];
    const CriterionEntry* entry = nullptr;
    if (assessment) {
      auto it = assessment->entries.find(c.code);
      if (it != assessment->entries.end()) entry = &it->second;
    }
    auto& line = card.lines[i];
    line.code = c.code;
    line.title = c.title;
    line.title_en = c.title_en;
    line.depth = framework.depth_of(i);
    line.leaf = framework.is_leaf(i);
    line.lead_agency = framework.lead_agency_of(i);
    line.max_points = b.scores.max_at(u, i);
    line.achieved = b.scores.achieved_at(u, i);
    line.decided_by = b.scores.decision_at(u, i);
    if (entry) {
      line.cause = entry->cause;
      line.evidence = entry->evidence;
      line.dossier_units = entry->provenance_units;
    }
    if (line.decided_by == Decision::not_applicable) {
      line.explanation = "not applicable: " + format_fixed(c.max_points, info.rounding.decimals) + " points leave the maximum";
    } else if (line.decided_by == Decision::children) {
      line.explanation = aggregated(info.aggregation);
    } else {
      line.explanation = leaf_reason(framework, b, u, i, entry);
    }
  }
  const auto& plan = framework.plan();
  for (std::size_t a = 0; a < plan.adjustment_count(); ++a) {
    const auto& adj = framework.adjustments()[a];
    card.adjustments.push_back({adj.id, adj.title, adj.kind, adj.max_points, b.inputs.adjustments[b.inputs.at(a, u)]});
  }
  card.scale_max = b.scores.scale_max[u];
  card.scale_achieved = b.scores.scale_achieved[u];
  card.bonus = b.scores.bonus[u];
  card.penalty = b.scores.penalty[u];
  return card;
}

Scorecard evaluate(const Framework& framework, const Assessment& assessment) {
  const BatchResult batch = evaluate_many(framework, std::span<const Assessment>(&assessment, 1));
  return scorecard(framework, batch, 0, &assessment);
}

}  // namespace parindex
