// What-if scenarios: the changes applied to copies of the assessments, then evaluated together.
#include "parindex/core/scenario.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "parindex/core/batch.hpp"
#include "parindex/core/error.hpp"

namespace parindex {

const char* to_string(ScenarioChange::Kind kind) noexcept {
  switch (kind) {
    case ScenarioChange::Kind::input: return "input";
    case ScenarioChange::Kind::appraised: return "appraised";
    case ScenarioChange::Kind::not_applicable: return "not_applicable";
  }
  return "?";
}

namespace {

void check_change(const Framework& framework, const ScenarioChange& change, std::span<const Assessment> assessments,
                  const std::string& where) {
  const auto node = framework.find(change.code);
  if (!node) throw error(error_kind::argument, where, "criterion " + change.code.str() + " is not in " + framework.id());
  if (change.kind != ScenarioChange::Kind::not_applicable && !framework.is_leaf(*node)) {
    throw error(error_kind::argument, where,
                "criterion " + change.code.str() + " has sub-criteria; give an input or a score to a leaf");
  }
  for (const auto& code : change.units) {
    const bool known = std::any_of(assessments.begin(), assessments.end(),
                                   [&](const Assessment& a) { return a.unit.code == code; });
    if (!known) throw error(error_kind::argument, where, "unit " + code + " is not among the assessments");
  }
}

void change_entry(CriterionEntry& entry, const ScenarioChange& change) {
  switch (change.kind) {
    case ScenarioChange::Kind::input:
      entry.value = change.input;
      entry.from_dossiers.reset();
      entry.appraised_score.reset();
      entry.not_applicable = false;
      break;
    case ScenarioChange::Kind::appraised:
      entry.appraised_score = change.points;
      entry.not_applicable = false;
      break;
    case ScenarioChange::Kind::not_applicable: entry.not_applicable = true; break;
  }
}

bool applies_to(const ScenarioChange& change, const Assessment& a) {
  return change.units.empty() || std::find(change.units.begin(), change.units.end(), a.unit.code) != change.units.end();
}

// Each unit's place in a ranking (best first) by code, so thousands of units pair up in one pass.
std::map<std::string, const RankedUnit*> by_code(const Ranking& r) {
  std::map<std::string, const RankedUnit*> out;
  for (const auto& u : r.units) out.emplace(u.unit.code, &u);
  return out;
}

std::vector<ScenarioOutcome> outcomes(const Ranking& base, const Ranking& now, std::span<const Assessment> order) {
  const auto before = by_code(base), after = by_code(now);
  std::vector<ScenarioOutcome> out;
  out.reserve(order.size());
  for (const auto& a : order) {
    const RankedUnit& b = *before.at(a.unit.code);
    const RankedUnit& n = *after.at(a.unit.code);
    out.push_back({b.unit, b.total, n.total, b.index_percent, n.index_percent, b.rank, n.rank, n.of, b.group, n.group});
  }
  return out;
}

}  // namespace

std::vector<Assessment> apply(const Framework& framework, const Scenario& scenario, std::span<const Assessment> assessments) {
  std::vector<Assessment> out(assessments.begin(), assessments.end());
  for (std::size_t i = 0; i < scenario.changes.size(); ++i) {
    const auto& change = scenario.changes[i];
    const std::string where = "scenario " + (scenario.name.empty() ? std::string("(unnamed)") : scenario.name) +
                              ", change #" + std::to_string(i + 1) + " (" + change.code.str() + ")";
    check_change(framework, change, assessments, where);
    for (auto& a : out) {
      if (applies_to(change, a)) change_entry(a.entries[change.code], change);
    }
  }
  return out;
}

std::vector<ScenarioResult> what_if(const Framework& framework, std::span<const Assessment> base,
                                    std::span<const Scenario> scenarios, const RankOptions& options) {
  const Ranking base_ranking = rank(framework, evaluate_many(framework, base), options);
  std::vector<ScenarioResult> out;
  out.reserve(scenarios.size());
  for (const auto& scenario : scenarios) {
    const auto changed = apply(framework, scenario, base);
    BatchResult batch;
    try {
      batch = evaluate_many(framework, changed);
    } catch (const error& e) {
      throw e.located_in("scenario " + scenario.name + ", ");
    }
    out.push_back({scenario.name, outcomes(base_ranking, rank(framework, batch, options), base)});
  }
  return out;
}

}  // namespace parindex
