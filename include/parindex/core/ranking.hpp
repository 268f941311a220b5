// Ranking units of one period by index %, and grouping them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "parindex/core/scorecard.hpp"

namespace parindex {

// Groups by thresholds on the index %, highest first: national PAR INDEX 2023–2024 puts a
// unit in A at ≥ 90% and in B from 80% to under 90%. A unit below every threshold has no group.
struct ThresholdGroups {
  struct Group {
    std::string name;
    double min_percent = 0;  // inclusive
    friend bool operator==(const Group&, const Group&) = default;
  };
  std::vector<Group> groups;
  static ThresholdGroups national_par_index();
  friend bool operator==(const ThresholdGroups&, const ThresholdGroups&) = default;
};

// PAPI style: quartiles of the index % across the units ranked (linear interpolation between
// order statistics, as numpy's default). A unit at or above the upper quartile is in the
// highest group, at or above the median high-average, at or above the lower quartile
// low-average, the rest lowest.
struct QuartileGroups {
  std::vector<std::string> names{"highest", "high-average", "low-average", "lowest"};
  friend bool operator==(const QuartileGroups&, const QuartileGroups&) = default;
};

using Grouping = std::variant<std::monostate, ThresholdGroups, QuartileGroups>;

struct RankOptions {
  // Units whose index % is equal at this many decimals share a rank, as in a published table.
  // Empty: the scorecards' rounding decimals.
  std::optional<int> tie_decimals;
  Grouping grouping;
};

struct RankedUnit {
  UnitRef unit;
  double max_points = 0;
  double total = 0;
  double index_percent = 0;  // unrounded
  int rank = 0;              // 1-based; ties share the better rank ("1, 2, 2, 4")
  int of = 0;
  std::string group;         // empty when not grouped

  // "02/11": both numbers padded to the width of the count, at least two digits.
  std::string rank_label() const;
};

struct Ranking {
  std::string framework_id;
  int year = 0;
  std::vector<RankedUnit> units;  // best first; ties in unit-code order
};

// Throws parindex::error (argument) when the scorecards mix frameworks or years, or repeat a unit.
Ranking rank(std::span<const Scorecard> scorecards, const RankOptions& options = {});

}  // namespace parindex
