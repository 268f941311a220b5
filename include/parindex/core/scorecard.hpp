// A scorecard: an assessment evaluated against its framework.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parindex/core/assessment.hpp"
#include "parindex/core/batch.hpp"
#include "parindex/core/framework.hpp"

namespace parindex {

struct ScoreLine {
  CriterionCode code;
  std::string title;
  std::string title_en;
  std::size_t depth = 1;  // 1 for a field
  bool leaf = true;
  double max_points = 0;  // 0 when not applicable
  double achieved = 0;
  Decision decided_by = Decision::rule;
  std::string explanation;  // why the points are what they are
  std::string cause;        // from the assessment
  std::string lead_agency;
  std::vector<std::string> evidence;
  // For an input taken from operational data (a dossier log): the units that decided it.
  std::vector<std::string> dossier_units;

  double lost() const noexcept { return max_points - achieved; }
  // Achieved as a percentage of max; empty when max is 0.
  std::optional<double> percent() const noexcept;
};

struct AdjustmentLine {
  std::string id;
  std::string title;
  Adjustment::Kind kind = Adjustment::Kind::bonus;
  double max_points = 0;
  double claimed = 0;
};

struct Scorecard {
  std::string framework_id;
  UnitRef unit;
  int year = 0;
  RoundingPolicy rounding;
  std::vector<ScoreLine> lines;  // framework tree order
  std::vector<AdjustmentLine> adjustments;

  double scale_max = 0;       // sum of the fields' max (not-applicable points excluded)
  double scale_achieved = 0;  // sum of the fields' achieved
  double bonus = 0;           // counted bonus, after the framework's cap
  double penalty = 0;         // counted penalty, after the framework's cap

  double total() const noexcept;          // scale_achieved + bonus − penalty, at least 0
  double lost() const noexcept { return scale_max - scale_achieved; }
  double index_percent() const noexcept;  // total ÷ scale_max × 100 (unrounded)
  const ScoreLine* find(const CriterionCode& code) const noexcept;
};

// Evaluates an assessment. Throws parindex::error (validation) naming the criterion when
// the assessment does not fit the framework: unknown codes, scores outside [0, max], a leaf
// with no score at all, an input value the rule cannot read.
Scorecard evaluate(const Framework& framework, const Assessment& assessment);

// The explained scorecard of one unit of a batch: the kernel's numbers with the reasons in
// words. `assessment`, when given, adds the causes, evidence and input provenance it states.
Scorecard scorecard(const Framework& framework, const BatchResult& batch, std::size_t unit,
                    const Assessment* assessment = nullptr);

}  // namespace parindex
