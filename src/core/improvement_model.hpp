// Internal: the parts of the improvement search shared by its two files.
#pragma once

#include <vector>

#include "parindex/core/batch.hpp"
#include "parindex/core/improvement.hpp"

namespace parindex::improvement {

// Points gained, in units of the framework's last decimal: exact where leaves are rounded,
// rounded down where they are not (the search never counts on more than a step gives).
long long grid_units(double gain, int decimals, bool rounded);

void check_framework(const Framework& framework);
void check_efforts(const Framework& framework, const ImprovementOptions& options);
CriterionEffort effort_for(const Framework& framework, std::size_t node, const ImprovementOptions& options);
std::vector<CriterionOptions> options_for(const Framework& framework, const BatchResult& batch, std::size_t unit,
                                          const Assessment& assessment, const ImprovementOptions& options);

}  // namespace parindex::improvement
