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
// order statistics, as numpy's default), taken over the figures as shown (rounded to the tie
// decimals) so that tied units share a group. A unit at or above the upper quartile is in the
// highest group, at or above the median high-average, at or above the lower quartile
// low-average, the rest lowest.
struct QuartileGroups {
  std::vector<std::string> names{"highest", "high-average", "low-average", "lowest"};
  // A unit exactly on a cut-point goes to the group above (PAPI's wording: "from the 75th
  // percentile up"), or, when set, to the group below.
  bool cut_goes_down = false;
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

// Ranks of plain values, higher better: values equal at `decimals` places share the better rank
// and always the same group. No strings: the kernel's totals rank in microseconds.
struct RankedValues {
  std::vector<std::size_t> order;  // indices into the values, best first; ties in input order
  std::vector<int> rank;           // per input index, 1-based
  std::vector<int> group;          // per input index: index into the grouping's names, -1 for none
  std::vector<double> cut_points;  // the group boundaries, highest first (thresholds or quartiles)
  std::vector<bool> on_cut_point;  // per input index: its shown value equals a cut-point
};
RankedValues rank_values(std::span<const double> values, int decimals, const Grouping& grouping = {});
// The same into `out`, reusing its storage (a Monte Carlo's inner loop).
void rank_values(std::span<const double> values, int decimals, const Grouping& grouping, RankedValues& out);
// The names of a grouping's groups, as RankedValues::group indexes them.
std::vector<std::string> group_names(const Grouping& grouping);

// Throws parindex::error (argument) when the scorecards mix frameworks or years, or repeat a unit.
Ranking rank(std::span<const Scorecard> scorecards, const RankOptions& options = {});

struct BatchResult;
// Ranks a batch on its index %; ties in unit-code order.
Ranking rank(const Framework& framework, const BatchResult& batch, const RankOptions& options = {});

}  // namespace parindex
