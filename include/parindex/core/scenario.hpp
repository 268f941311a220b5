// What-if scenarios: changes to a set of assessments, and how totals, ranks and groups move.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parindex/core/assessment.hpp"
#include "parindex/core/ranking.hpp"

namespace parindex {

// One change: a criterion's input, appraised score or not-applicable flag, for some units.
struct ScenarioChange {
  enum class Kind {
    input,           // the rule decides from this input (any appraised or self score is set aside)
    appraised,       // the appraisal council's score
    not_applicable,  // the criterion leaves the unit's scale
  };
  std::vector<std::string> units;  // unit codes; empty for every unit
  CriterionCode code;
  Kind kind = Kind::input;
  InputValue input = 0.0;  // Kind::input
  double points = 0;       // Kind::appraised
};
const char* to_string(ScenarioChange::Kind kind) noexcept;

struct Scenario {
  std::string name;
  std::vector<ScenarioChange> changes;
};

// The assessments with the scenario's changes made, in the same order. Throws parindex::error
// (argument) naming the scenario and change when a unit or criterion is unknown.
std::vector<Assessment> apply(const Framework& framework, const Scenario& scenario,
                              std::span<const Assessment> assessments);

// One unit under a scenario, beside the base.
struct ScenarioOutcome {
  UnitRef unit;
  double base_total = 0, total = 0;
  double base_index_percent = 0, index_percent = 0;  // unrounded
  int base_rank = 0, rank = 0, of = 0;
  std::string base_group, group;  // empty when not grouped

  double total_change() const noexcept { return total - base_total; }
  // Positive when the unit climbs (rank 5 → 2 is +3).
  int rank_change() const noexcept { return base_rank - rank; }
};

struct ScenarioResult {
  std::string name;
  std::vector<ScenarioOutcome> units;  // in the assessments' order
};

// Evaluates the base and each scenario over the same units and ranks each among them.
std::vector<ScenarioResult> what_if(const Framework& framework, std::span<const Assessment> base,
                                    std::span<const Scenario> scenarios, const RankOptions& options = {});

}  // namespace parindex
