// Assessments into the kernel's table, checked on the way with errors naming unit and criterion.
#include <cmath>
#include <set>

#include "parindex/core/batch.hpp"
#include "parindex/core/error.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

namespace {

[[noreturn]] void invalid(const std::string& where, const std::string& detail) {
  throw error(error_kind::validation, where, detail);
}

std::optional<std::string> points_problem(double v, double max, const std::string& what) {
  if (!std::isfinite(v) || v < 0 || v > max + 1e-9) {
    return what + " " + format_shortest(v) + " lies outside [0, " + format_fixed(max, 2) + "]";
  }
  return std::nullopt;
}

std::string where_unit(const UnitRef& unit) { return "assessment of " + (unit.code.empty() ? std::string("?") : unit.code); }

std::string where_criterion(const std::string& unit_where, const CriterionCode& code) {
  return unit_where + ", criterion " + code.str();
}

// Locations are written only when something is wrong: encoding thousands of units builds none.
void check_entries(const Framework& framework, const Assessment& a, const std::string& unit_where) {
  for (const auto& entry : a.entries) {
    const CriterionCode& code = entry.first;
    const CriterionEntry& e = entry.second;
    auto fail = [&](const std::string& detail) { invalid(where_criterion(unit_where, code), detail); };
    auto i = framework.find(code);
    if (!i) fail("not in framework " + framework.id());
    const auto& c = framework.criteria()[*i];
    if (!framework.is_leaf(*i) && (e.value || e.self_score || e.appraised_score)) {
      fail("has sub-criteria, so its points are their sum; score the sub-criteria instead");
    }
    if (e.from_dossiers) fail("takes its value from a dossier log; evaluate it with the log's metrics");
    if (e.value && !c.rule && framework.is_leaf(*i)) {
      fail("has a value but the framework gives it no scoring rule; give an appraised or self-assessed score");
    }
    if (e.self_score) {
      if (auto p = points_problem(*e.self_score, c.max_points, "the self-assessed score")) fail(*p);
    }
    if (e.appraised_score) {
      if (auto p = points_problem(*e.appraised_score, c.max_points, "the appraised score")) fail(*p);
    }
  }
}

void encode_unit(const Framework& framework, const Assessment& a, InputTable& t, std::size_t u) {
  const auto& plan = framework.plan();
  const std::string unit_where = where_unit(a.unit);
  if (a.framework_id != framework.id()) {
    throw error(error_kind::argument, unit_where, "it is for framework \"" + a.framework_id + "\", not \"" + framework.id() + "\"");
  }
  if (!framework.info().period.contains(a.year)) {
    throw error(error_kind::argument, unit_where, "year " + std::to_string(a.year) + " is outside the framework's period");
  }
  check_entries(framework, a, unit_where);

  const std::size_t n = plan.node_count();
  std::vector<const CriterionEntry*> entry(n, nullptr);
  for (const auto& [code, e] : a.entries) entry[*framework.find(code)] = &e;
  std::vector<bool> dropped(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    t.not_applicable[t.at(i, u)] = entry[i] && entry[i]->not_applicable;
    const auto p = plan.parent(i);
    dropped[i] = t.not_applicable[t.at(i, u)] || (p != EvaluationPlan::none && dropped[static_cast<std::size_t>(p)]);
  }
  for (std::size_t leaf = plan.leaf_count(); leaf-- > 0;) {
    const std::size_t i = plan.leaf_node(leaf);
    const CriterionEntry* e = entry[i];
    if (dropped[i]) continue;
    const std::size_t at = t.at(leaf, u);
    if (e && e->value) {
      try {
        plan.rule(leaf)->encode(plan.max_points(i), *e->value, t.slots(plan, u, leaf), t.units, "");
      } catch (const error& err) {
        throw err.located_in(where_criterion(unit_where, framework.criteria()[i].code));
      }
    }
    if (e && e->appraised_score) t.appraised[at] = *e->appraised_score;
    if (e && e->self_score) t.self_assessed[at] = *e->self_score;
    if (e) t.evidence[at] = !e->evidence.empty();
    if (!e || (!e->value && !e->appraised_score && !e->self_score)) {
      invalid(where_criterion(unit_where, framework.criteria()[i].code),
              "has no score: give a value for its rule, an appraised or a self-assessed score, or mark it not applicable");
    }
  }

  const auto adjustments = framework.adjustments();
  for (const auto& [id, points] : a.adjustments) {
    const std::string where = unit_where + ", adjustment " + id;
    const Adjustment* adj = framework.find_adjustment(id);
    if (!adj) invalid(where, "not defined by framework " + framework.id());
    if (auto p = points_problem(points, adj->max_points, "the points")) invalid(where, *p);
    t.adjustments[t.at(static_cast<std::size_t>(adj - adjustments.data()), u)] = points;
  }
}

}  // namespace

InputTable input_table(const Framework& framework, std::span<const Assessment> assessments) {
  InputTable t = InputTable::blank(framework.plan(), assessments.size());
  for (std::size_t u = 0; u < assessments.size(); ++u) encode_unit(framework, assessments[u], t, u);
  return t;
}

// Column by column, as the kernel reads the table; the first problem in (unit, criterion) order
// of columns is reported with its unit.
std::optional<InputProblem> find_problem(const EvaluationPlan& plan, const InputTable& t) {
  const std::size_t n = plan.node_count(), units = t.units;
  std::vector<std::uint8_t> dropped(n * units);  // not applicable, spread down the tree
  for (std::size_t i = 0; i < n; ++i) {
    const auto p = plan.parent(i);
    for (std::size_t u = 0; u < units; ++u) {
      dropped[t.at(i, u)] = t.not_applicable[t.at(i, u)] || (p != EvaluationPlan::none && dropped[t.at(static_cast<std::size_t>(p), u)]);
    }
  }
  std::optional<InputProblem> first;
  auto keep = [&](std::size_t u, std::size_t node, bool adjustment, std::string detail) {
    if (!first || u < first->unit) first = InputProblem{u, node, adjustment, std::move(detail)};
  };
  for (std::size_t leaf = 0; leaf < plan.leaf_count(); ++leaf) {
    const std::size_t i = plan.leaf_node(leaf);
    const double max = plan.max_points(i);
    const std::uint8_t* skip = dropped.data() + t.at(i, 0);
    const ScoringRule* rule = plan.rule(leaf);
    // Values are checked even where the criterion is not applicable: the kernel scores whole
    // columns before the mask applies, so every number it reads must be sound.
    if (rule) {
      if (auto p = rule->check(max, t.slots(plan, 0, leaf), units, units, nullptr)) keep(p->first, i, false, std::move(p->second));
    }
    for (std::size_t u = 0; u < units; ++u) {
      if (skip[u]) continue;
      const double appraised = t.appraised[t.at(leaf, u)], self = t.self_assessed[t.at(leaf, u)];
      if (!std::isnan(appraised)) {
        if (auto p = points_problem(appraised, max, "the appraised score")) keep(u, i, false, *p);
      }
      if (!std::isnan(self)) {
        if (auto p = points_problem(self, max, "the self-assessed score")) keep(u, i, false, *p);
      }
      const bool has_value = rule && !std::isnan(*t.slots(plan, u, leaf));
      if (!has_value && std::isnan(appraised) && std::isnan(self)) {
        keep(u, i, false, "has no score: give a value for its rule, an appraised or a self-assessed score, or mark it not applicable");
      }
    }
  }
  for (std::size_t a = 0; a < plan.adjustment_count(); ++a) {
    for (std::size_t u = 0; u < units; ++u) {
      if (auto p = points_problem(t.adjustments[t.at(a, u)], plan.adjustment_max(a), "the points")) keep(u, a, true, *p);
    }
  }
  return first;
}

namespace {

void check_units_once(const std::vector<UnitRef>& units) {
  std::set<std::string> seen;
  for (const auto& u : units) {
    if (!seen.insert(u.code).second) throw error(error_kind::argument, "unit " + u.code, "appears twice in one batch");
  }
}

}  // namespace

BatchResult evaluate_many(const Framework& framework, std::span<const Assessment> assessments) {
  BatchResult r;
  r.inputs = input_table(framework, assessments);
  for (const auto& a : assessments) {
    if (a.year != assessments.front().year) {
      throw error(error_kind::argument, where_unit(a.unit),
                  "year " + std::to_string(a.year) + ", but the first unit's is " + std::to_string(assessments.front().year) +
                      "; evaluate one year at a time");
    }
    r.units.push_back(a.unit);
  }
  check_units_once(r.units);
  if (!assessments.empty()) r.year = assessments.front().year;
  evaluate_table(framework.plan(), r.inputs, r.scores);
  return r;
}

BatchResult evaluate_many(const Framework& framework, std::vector<UnitRef> units, int year, InputTable inputs) {
  const auto& plan = framework.plan();
  const std::size_t u = units.size();
  if (inputs.units != u || inputs.values.size() != u * plan.slot_count() || inputs.appraised.size() != u * plan.leaf_count() ||
      inputs.self_assessed.size() != u * plan.leaf_count() || inputs.evidence.size() != u * plan.leaf_count() ||
      inputs.not_applicable.size() != u * plan.node_count() || inputs.adjustments.size() != u * plan.adjustment_count()) {
    throw error(error_kind::argument, "evaluate_many", "the input table does not have the framework's shape for " + std::to_string(u) + " units");
  }
  if (!framework.info().period.contains(year)) {
    throw error(error_kind::argument, "evaluate_many", "year " + std::to_string(year) + " is outside the framework's period");
  }
  check_units_once(units);
  if (auto p = find_problem(plan, inputs)) {
    const std::string unit = where_unit(units[p->unit]);
    const std::string what = p->adjustment ? "adjustment " + framework.adjustments()[p->node].id
                                           : "criterion " + framework.criteria()[p->node].code.str();
    invalid(unit + ", " + what, p->detail);
  }
  BatchResult r{std::move(units), year, std::move(inputs), {}};
  evaluate_table(plan, r.inputs, r.scores);
  return r;
}

}  // namespace parindex
