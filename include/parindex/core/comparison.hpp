// Comparing results: a unit with itself over two years (or a scenario with its base), and the
// movements of every unit of an index between two years.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parindex/core/index_table.hpp"
#include "parindex/core/scorecard.hpp"
#include "parindex/core/units.hpp"

namespace parindex {

// Per criterion: the figures before and after, and the change.
struct NodeChange {
  CriterionCode code_before, code_after;  // differ where a mapping says so
  std::string title;
  std::optional<double> max_before, max_after, achieved_before, achieved_after;
  std::optional<double> change() const;          // achieved after − before; empty unless both
  std::optional<double> percent_change() const;  // in percentage points of each max
};

struct ScorecardComparison {
  UnitRef before_unit, after_unit;
  int before_year = 0, after_year = 0;
  std::vector<NodeChange> nodes;              // matched criteria in the after tree's order
  std::vector<CriterionCode> only_before;     // criteria with no counterpart after
  std::vector<CriterionCode> only_after;
  double total_before = 0, total_after = 0, index_before = 0, index_after = 0;
};

// Which codes correspond when a framework changed between two years: before code → after code.
using CodeMapping = std::map<CriterionCode, CriterionCode>;

// Compares two scorecards (two years of one unit, two units, or a scenario and its base).
ScorecardComparison compare(const Scorecard& before, const Scorecard& after, const CodeMapping& mapping = {});

// A unit's move between two years of an index table.
struct Movement {
  UnitRef unit;                        // as the after table names it (or the before one)
  std::optional<double> total_before, total_after;
  std::optional<Placing> place_before, place_after;
  std::string group_before, group_after;
  std::optional<int> rank_change() const;  // positive: moved up
  std::string note;                    // only in one year; merged into another unit; ...
};

struct MovementTable {
  int before_year = 0, after_year = 0;
  std::vector<Movement> units;  // by rank after, then those without one
};

struct MovementOptions {
  // With a registry, units are identified by it, and a unit that ceased between the years (a
  // merger, such as the 2025 reorganisation) refuses the comparison unless `across_mergers`
  // places it beside the unit it merged into.
  const UnitRegistry* registry = nullptr;
  bool across_mergers = false;
};

// Throws parindex::error (argument) naming the unit and the merger when units ceased between
// the years and the options do not say how to compare them.
MovementTable compare(const IndexTableYear& before, const IndexTableYear& after, const MovementOptions& options = {});

// A target stated on a ranking: "rank 10 or better", "in the high-average group or better".
struct RankTarget {
  std::optional<int> rank_at_most;
  std::optional<std::string> group_or_better;  // a name of the table's groups
};

struct TargetCheck {
  bool met = false;
  std::optional<double> points_short;  // to the target's boundary (0 when met)
  int units_to_pass = 0;               // ranked units between the unit and the target
  std::string explanation;             // "3.0154 points below the high-average boundary 43.4796; 10 provinces to pass"
};

// Checks a unit against a target on one year's total. Throws parindex::error (argument) when the
// unit has no total that year or the group is not one of the table's.
TargetCheck check(const IndexTableYear& year, const std::string& unit_code, const RankTarget& target);

}  // namespace parindex
