// The least-effort improvement plan: the cheapest criterion improvements that reach a target.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parindex/core/ranking.hpp"
#include "parindex/core/scenario.hpp"

namespace parindex {

// What the unit wants to reach, the other units held fixed.
struct ImprovementTarget {
  enum class Kind {
    rank,           // rank ≤ `rank` (a tie shares the better rank)
    group,          // `group` or a better one, of the ranking's grouping
    index_percent,  // an index % of at least `index_percent`, as shown at the tie decimals
    pass_unit,      // strictly above `unit`
  };
  Kind kind = Kind::rank;
  int rank = 1;
  std::string group;
  double index_percent = 0;
  std::string unit;

  // "rank=1", "group=A", "index=90", "pass=huu-lung". Throws parindex::error (argument).
  static ImprovementTarget parse(const std::string& text);
  std::string str() const;  // the same form
};

// How hard a criterion is to improve. A code of a parent applies to every leaf under it.
struct CriterionEffort {
  CriterionCode code;
  double cost_per_point = 1;          // per point gained
  double cost_per_step = 0;           // per band, level or occurrence climbed, or per action
  std::optional<double> max_input;    // the highest input within reach (an on-time rate of 95%)
  std::optional<double> max_points;   // the most points within reach
  bool out_of_reach = false;
};

struct ImprovementOptions {
  ImprovementTarget target;
  std::vector<CriterionEffort> efforts;  // criteria not listed cost `cost_per_point` per point
  double cost_per_point = 1;
  double cost_per_step = 0;
  bool survey_criteria = false;  // survey criteria are out of reach unless set
  RankOptions ranking;
  // Others held at these index % instead of their own (e.g. a quantile of their uncertainty).
  std::map<std::string, double> others_index_percent;
};

// One criterion improved: from where it stands to the points one more band, level or amount gives.
struct ImprovementStep {
  CriterionCode code;
  std::string title;
  std::string rule;            // the rule's kind, or "appraised" for a criterion scored by judgement
  std::string current_input;   // empty when the assessment states none
  std::string required_input;  // "[90%, 100%]", "yes", "excellent", "≥ 83.34%", "1.50 points"
  double current_points = 0;
  double new_points = 0;
  double gain = 0;
  double cost = 0;
  std::string lead_agency;
  ScenarioChange change;  // what makes the step, for what_if and plans
};

// Every way one criterion of the unit can improve, cheapest first within equal gains.
struct CriterionOptions {
  CriterionCode code;
  std::vector<ImprovementStep> steps;
};

struct ImprovementPlan {
  UnitRef unit;
  ImprovementTarget target;
  bool reachable = false;  // false: even every improvement within reach falls short
  double max_points = 0;
  double current_total = 0, total = 0, required_total = 0;
  double current_index_percent = 0, index_percent = 0;
  int current_rank = 0, rank = 0, of = 0;
  std::string current_group, group;
  double cost = 0;
  std::vector<ImprovementStep> steps;  // in framework order

  Scenario scenario() const;  // the steps as a what-if scenario
};

// The improvements within reach of `unit`, criterion by criterion, as the search sees them.
// Throws parindex::error (argument) for an unknown unit or effort code, or a framework whose
// total is not the sum of its leaves' points (rounded at the leaves or not at all).
std::vector<CriterionOptions> improvement_options(const Framework& framework, std::span<const Assessment> assessments,
                                                  const std::string& unit, const ImprovementOptions& options);

// The cheapest set of steps (at most one per criterion) that reaches the target, found exactly
// by dynamic programming over the points gained; ties go to fewer steps. Checked by evaluating
// the changed assessments. Throws as improvement_options does, and for a target that names an
// unknown group or unit.
ImprovementPlan improve(const Framework& framework, std::span<const Assessment> assessments, const std::string& unit,
                        const ImprovementOptions& options);

}  // namespace parindex
