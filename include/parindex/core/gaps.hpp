// Where a unit lost points: the table a remediation plan opens with.
#pragma once

#include <vector>

#include "parindex/core/scorecard.hpp"

namespace parindex {

struct Gap {
  CriterionCode code;
  CriterionCode field;
  std::string title;
  double max_points = 0;
  double achieved = 0;
  double lost = 0;
  std::string cause;
  std::string lead_agency;
};

struct FieldGap {
  CriterionCode field;
  std::string title;
  double max_points = 0;
  double achieved = 0;
  double lost = 0;
  std::size_t criteria_below_max = 0;
};

struct GapTable {
  std::string framework_id;
  UnitRef unit;
  int year = 0;
  int decimals = 2;
  std::vector<Gap> gaps;          // every scored criterion below its max, most points lost first
  std::vector<FieldGap> fields;   // every field below its max, most points lost first
  double total_lost = 0;
};

// Points lost are compared at the scorecard's rounding decimals, so a criterion 0.004 short
// of max under two-decimal rounding is not a gap.
GapTable gaps(const Scorecard& scorecard);

}  // namespace parindex
