#include "parindex/scorecard.hpp"

#include <algorithm>
#include <cmath>

#include "parindex/commitment.hpp"
#include "parindex/error.hpp"

namespace parindex {

namespace {

[[noreturn]] void invalid(const std::string& where, const std::string& detail) {
  throw error(error_kind::validation, where, detail);
}

void check_points(double v, double max, const std::string& what, const std::string& where) {
  if (!std::isfinite(v) || v < 0 || v > max + 1e-9) {
    invalid(where, what + " " + format_shortest(v) + " lies outside [0, " + format_fixed(max, 2) + "]");
  }
}

// Adds figures the way the rounding policy says: rounded figures add exactly in units of
// 10^-decimals; unrounded ones add as they are.
class Adder {
 public:
  explicit Adder(const RoundingPolicy& policy)
      : rounded_(policy.mode == RoundingPolicy::Mode::round_leaves), scale_(std::pow(10.0, policy.decimals)) {}
  void add(double v) {
    if (rounded_) units_ += std::llround(v * scale_);
    else sum_ += v;
  }
  double sum() const { return rounded_ ? static_cast<double>(units_) / scale_ : sum_; }

 private:
  bool rounded_;
  double scale_;
  long long units_ = 0;
  double sum_ = 0;
};

}  // namespace

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

struct BoundValue {
  double value = 0;
  std::vector<std::string> units;
  std::string explanation;
};

BoundValue resolve_binding(const DossierBinding& b, const DossierMetrics& m, const std::string& where) {
  if (m.group_by != std::vector<GroupKey>{GroupKey::unit, GroupKey::level}) {
    throw error(error_kind::argument, where, "dossier metrics must be grouped by unit and level to bind criteria");
  }
  if (!is_dossier_metric(b.metric)) {
    throw error(error_kind::validation, where, "\"" + b.metric + "\" is not a dossier metric");
  }
  DossierCounts sum;
  std::optional<double> best;
  std::vector<std::string> units;
  std::size_t matched = 0;
  for (const auto& g : m.groups) {
    if ((!b.unit.empty() && g.key[0] != b.unit) || (!b.level.empty() && g.key[1] != b.level)) continue;
    ++matched;
    sum.add(g.counts);
    if (b.aggregate == DossierBinding::Aggregate::all) {
      units.push_back(g.key[0]);
      continue;
    }
    auto v = dossier_metric(g.counts, b.metric);
    if (!v) continue;
    bool better = !best || (b.aggregate == DossierBinding::Aggregate::min ? *v < *best : *v > *best);
    if (better) {
      best = v;
      units = {g.key[0]};
    } else if (*v == *best) {
      units.push_back(g.key[0]);
    }
  }
  std::string scope = b.unit.empty() ? (b.level.empty() ? "all units" : b.level + " units") : "unit " + b.unit;
  if (matched == 0) throw error(error_kind::validation, where, "the dossier log has no dossiers of " + scope);
  BoundValue out;
  out.units = units;
  if (b.aggregate == DossierBinding::Aggregate::all) {
    auto v = dossier_metric(sum, b.metric);
    if (!v) throw error(error_kind::validation, where, b.metric + " has no dossiers to count over " + scope);
    out.value = *v;
    out.explanation = b.metric + " over " + std::to_string(sum.total) + " dossiers of " + scope + " = " + format_fixed(*v, 2) + "%";
  } else {
    if (!best) throw error(error_kind::validation, where, b.metric + " has no dossiers to count in any of " + scope);
    out.value = *best;
    std::string who;
    for (const auto& u : units) who += (who.empty() ? "" : ", ") + u;
    out.explanation = std::string(b.aggregate == DossierBinding::Aggregate::min ? "lowest" : "highest") + " " + b.metric +
                      " of " + std::to_string(matched) + " " + scope + ": " + who + " = " + format_fixed(*best, 2) + "%";
  }
  return out;
}

Scorecard evaluate_with(const Framework& framework, const Assessment& assessment, const DossierMetrics* dossiers);

}  // namespace

Scorecard evaluate(const Framework& framework, const Assessment& assessment) {
  return evaluate_with(framework, assessment, nullptr);
}

Scorecard evaluate(const Framework& framework, const Assessment& assessment, const DossierMetrics& dossiers) {
  return evaluate_with(framework, assessment, &dossiers);
}

namespace {

Scorecard evaluate_with(const Framework& framework, const Assessment& assessment, const DossierMetrics* dossiers) {
  const auto& info = framework.info();
  const std::string unit_where = "assessment of " + (assessment.unit.code.empty() ? std::string("?") : assessment.unit.code);
  if (assessment.framework_id != framework.id()) {
    throw error(error_kind::argument, unit_where,
                "it is for framework \"" + assessment.framework_id + "\", not \"" + framework.id() + "\"");
  }
  if (!info.period.contains(assessment.year)) {
    throw error(error_kind::argument, unit_where,
                "year " + std::to_string(assessment.year) + " is outside the framework's period");
  }

  const auto criteria = framework.criteria();
  const std::size_t n = criteria.size();
  std::vector<const CriterionEntry*> entry(n, nullptr);
  for (const auto& [code, e] : assessment.entries) {
    auto i = framework.find(code);
    const std::string where = unit_where + ", criterion " + code.str();
    if (!i) invalid(where, "not in framework " + framework.id());
    entry[*i] = &e;
    if (!framework.is_leaf(*i) && (e.value || e.self_score || e.appraised_score)) {
      invalid(where, "has sub-criteria, so its points are their sum; score the sub-criteria instead");
    }
    if (e.from_dossiers && !dossiers) {
      invalid(where, "takes its value from a dossier log; evaluate it with the log's metrics");
    }
    if ((e.value || e.from_dossiers) && !criteria[*i].rule && framework.is_leaf(*i)) {
      invalid(where, "has a value but the framework gives it no scoring rule; give an appraised or self-assessed score");
    }
    double max = criteria[*i].max_points;
    if (e.self_score) check_points(*e.self_score, max, "the self-assessed score", where);
    if (e.appraised_score) check_points(*e.appraised_score, max, "the appraised score", where);
  }

  Scorecard card;
  card.framework_id = framework.id();
  card.unit = assessment.unit;
  card.year = assessment.year;
  card.rounding = info.rounding;
  card.lines.resize(n);

  // Not applicable spreads down the tree: a parent's flag covers its subtree.
  std::vector<bool> not_applicable(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    auto p = framework.parent_of(i);
    not_applicable[i] = (entry[i] && entry[i]->not_applicable) || (p && not_applicable[*p]);
  }

  const bool round_leaves = info.rounding.mode == RoundingPolicy::Mode::round_leaves;
  // Children come after their parent in tree order, so a reverse pass sees them first.
  for (std::size_t k = n; k-- > 0;) {
    const auto& c = criteria[k];
    auto& line = card.lines[k];
    line.code = c.code;
    line.title = c.title;
    line.title_en = c.title_en;
    line.depth = framework.depth_of(k);
    line.leaf = framework.is_leaf(k);
    line.lead_agency = framework.lead_agency_of(k);
    if (entry[k]) {
      line.cause = entry[k]->cause;
      line.evidence = entry[k]->evidence;
    }
    const std::string where = unit_where + ", criterion " + c.code.str();

    if (not_applicable[k]) {
      line.max_points = 0;
      line.achieved = 0;
      line.decided_by = Decision::not_applicable;
      line.explanation = "not applicable: " + format_fixed(c.max_points, info.rounding.decimals) +
                         " points leave the maximum";
      continue;
    }
    if (!line.leaf) {
      Adder max_sum(RoundingPolicy{RoundingPolicy::Mode::exact, info.rounding.decimals});
      Adder achieved_sum(info.rounding);
      for (auto child : framework.children_of(k)) {
        max_sum.add(card.lines[child].max_points);
        achieved_sum.add(card.lines[child].achieved);
      }
      line.max_points = max_sum.sum();
      line.achieved = achieved_sum.sum();
      line.decided_by = Decision::children;
      line.explanation = "sum of sub-criteria";
      continue;
    }

    line.max_points = c.max_points;
    const CriterionEntry* e = entry[k];
    std::optional<RuleOutcome> by_rule;
    if (e && e->value) by_rule = c.rule->apply(c.max_points, *e->value, where);
    if (e && e->from_dossiers) {
      BoundValue bound = resolve_binding(*e->from_dossiers, *dossiers, where);
      by_rule = c.rule->apply(c.max_points, bound.value, where);
      by_rule->explanation = bound.explanation + "; " + by_rule->explanation;
      line.dossier_units = bound.units;
    }
    if (e && e->appraised_score) {
      line.achieved = *e->appraised_score;
      line.decided_by = Decision::appraised;
      line.explanation = "appraised → " + format_fixed(line.achieved, 2) + " of " + format_fixed(c.max_points, 2);
      if (by_rule) line.explanation += " (the rule gave " + format_fixed(by_rule->points, 2) + ": " + by_rule->explanation + ")";
    } else if (by_rule) {
      line.achieved = by_rule->points;
      line.decided_by = Decision::rule;
      line.explanation = by_rule->explanation;
    } else if (e && e->self_score) {
      line.decided_by = Decision::self_assessed;
      if (!c.evidence.empty() && e->evidence.empty()) {
        line.achieved = 0;
        line.explanation = "self-assessed " + format_fixed(*e->self_score, 2) +
                           " without the evidence required (" + c.evidence + "): not accepted → 0.00";
      } else {
        line.achieved = *e->self_score;
        line.explanation = "self-assessed → " + format_fixed(line.achieved, 2) + " of " + format_fixed(c.max_points, 2);
      }
    } else {
      invalid(where, "has no score: give a value for its rule, an appraised or a self-assessed score, "
                     "or mark it not applicable");
    }
    if (round_leaves) line.achieved = round_half_up(line.achieved, info.rounding.decimals);
  }

  Adder max_total(RoundingPolicy{RoundingPolicy::Mode::exact, info.rounding.decimals});
  Adder achieved_total(info.rounding);
  for (auto r : framework.fields()) {
    max_total.add(card.lines[r].max_points);
    achieved_total.add(card.lines[r].achieved);
  }
  card.scale_max = max_total.sum();
  card.scale_achieved = achieved_total.sum();

  // Bonus and penalty: outside the scale, each item within its max, totals within the caps.
  for (const auto& [id, points] : assessment.adjustments) {
    const Adjustment* a = framework.find_adjustment(id);
    const std::string where = unit_where + ", adjustment " + id;
    if (!a) invalid(where, "not defined by framework " + framework.id());
    check_points(points, a->max_points, "the points", where);
  }
  double bonus = 0, penalty = 0;
  for (const auto& a : framework.adjustments()) {
    AdjustmentLine line{a.id, a.title, a.kind, a.max_points, 0};
    auto it = assessment.adjustments.find(a.id);
    if (it != assessment.adjustments.end()) line.claimed = it->second;
    (a.kind == Adjustment::Kind::bonus ? bonus : penalty) += line.claimed;
    card.adjustments.push_back(std::move(line));
  }
  card.bonus = std::min(bonus, info.bonus_cap);
  card.penalty = std::min(penalty, info.penalty_cap);
  return card;
}

}  // namespace

}  // namespace parindex
