// Rank uncertainty: a Monte Carlo over what is uncertain in the scores, and which factors matter.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parindex/core/batch.hpp"
#include "parindex/core/ranking.hpp"

namespace parindex {

// One uncertain quantity: the points of a criterion (every leaf under it) for some units.
// Drawn points are kept within [0, max] and rounded as the framework rounds leaves.
struct UncertainFactor {
  enum class Kind {
    normal,   // points + N(0, spread²): a survey's sampling error (spread = s.e. % × max ÷ 100)
    uniform,  // points + U(−spread, +spread): an appraised score within a stated range
    range,    // U(low, high), whatever the points: missing data under a stated imputation
    weight,   // the node's weight × U(1 − spread, 1 + spread), its siblings' weights rescaled to
              // keep their sum (weighted aggregations only; every unit alike)
  };
  std::string name;                // shown in the sensitivity table; default "CODE"
  CriterionCode code;
  std::vector<std::string> units;  // unit codes; empty for every unit
  Kind kind = Kind::normal;
  double spread = 0;
  double low = 0, high = 0;
};
const char* to_string(UncertainFactor::Kind kind) noexcept;

// Survey criteria (source "survey") with a survey index's standard error, in percentage points.
std::vector<UncertainFactor> survey_factors(const Framework& framework, double standard_error_percent);
// Every leaf some unit has an appraised score for, within ± `range` points.
std::vector<UncertainFactor> appraisal_factors(const Framework& framework, const BatchResult& batch, double range);

struct UncertaintyOptions {
  std::vector<UncertainFactor> factors;
  std::size_t draws = 1000;
  std::uint64_t seed = 1;   // the same seed gives the same result, whatever the thread count
  unsigned threads = 1;     // 0: as many as the machine has
  RankOptions ranking;
  std::vector<std::string> versus;  // units to count each unit's draws above
  bool sensitivity = false;         // variance-based indices per factor (draws × (factors + 2) runs)
};

// How much of the variance of the ranks' mean absolute shift from the nominal ranks a factor
// explains alone (first order, Saltelli 2010) and with its interactions (total, Jansen 1999).
struct FactorSensitivity {
  std::string name;
  double first_order = 0;
  double total = 0;
};

struct UncertaintyResult {
  std::vector<UnitRef> units;
  std::size_t draws = 0;
  std::vector<int> nominal_rank;               // per unit, without uncertainty
  std::vector<std::uint32_t> rank_frequency;   // units × units: [unit × units + rank − 1]
  std::vector<std::string> groups;             // the grouping's names
  std::vector<std::uint32_t> group_frequency;  // units × groups
  std::vector<std::string> versus;
  std::vector<std::uint32_t> above;            // units × versus: draws ranked strictly above
  std::vector<FactorSensitivity> sensitivity;

  // The least rank r with at least a share q of draws at r or better (q = 0.5: the median).
  int rank_quantile(std::size_t unit, double q) const;
  double mean_rank(std::size_t unit) const;
};

// Throws parindex::error (argument) naming the factor for an unknown criterion or unit, a
// spread that is negative or not finite, and for draws or threads out of range.
UncertaintyResult rank_uncertainty(const Framework& framework, const BatchResult& batch, const UncertaintyOptions& options);

// The random numbers the Monte Carlo adds, draw by draw (draws × cells, row-major), and the
// cells in order (unit index, leaf node): for checking another implementation on the same draws.
struct UncertaintyDraws {
  std::vector<std::size_t> unit, node;
  std::vector<double> points;  // the drawn points, before rounding
};
UncertaintyDraws uncertainty_draws(const Framework& framework, const BatchResult& batch, const UncertaintyOptions& options);

}  // namespace parindex
