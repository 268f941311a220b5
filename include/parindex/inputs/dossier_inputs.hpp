// Dossier metrics as inputs: criteria whose value a dossier log decides, and commitment
// actuals computed from a log. The one place where the dossier and scoring layers meet.
#pragma once

#include "parindex/core/scorecard.hpp"
#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/plans/commitment.hpp"

namespace parindex {

// The value a binding takes from metrics grouped by {unit, level}, and where it came from.
struct BoundInput {
  double value = 0;
  std::vector<std::string> units;  // the units whose dossiers decided it
  std::string explanation;         // "lowest on_time_rate of 13 commune units: ... = 84.59%"
};

// Throws parindex::error (argument) when the metrics are grouped otherwise, and (validation)
// when the binding names no metric or finds no dossiers.
BoundInput resolve(const DossierBinding& binding, const DossierMetrics& metrics, const std::string& where);

// The assessment with every bound entry's value taken from the metrics, its provenance noted.
Assessment with_dossier_inputs(const Assessment& assessment, const DossierMetrics& metrics);

// Evaluates an assessment whose inputs may be bound to a dossier log (CriterionEntry::
// from_dossiers), with metrics read with group_by {unit, level}. Each bound line names the
// units that decided it.
Scorecard evaluate(const Framework& framework, const Assessment& assessment, const DossierMetrics& dossiers);

// Records, for every target whose metric is a dossier metric, the figure computed from the
// log as the actual of the quarter holding `as_of` (source: "computed from the dossier log").
void record_dossier_actuals(Commitment& commitment, const DossierCounts& counts, const Date& as_of);

}  // namespace parindex
