// Effort tables for the improvement search: what each criterion costs to improve, as CSV.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "parindex/core/improvement.hpp"

namespace parindex {

// A header line, then one criterion per line. Columns, by name, in any order: code (required),
// cost_per_point, cost_per_step, max_input, max_points, out_of_reach (yes/no, true/false, 1/0).
// An empty cell keeps the default. Throws parindex::error (document) naming source:line and the
// column for a bad cell, an unknown column or a repeated code.
std::vector<CriterionEffort> read_efforts_csv(std::string_view text, const std::string& source = "efforts");
std::vector<CriterionEffort> load_efforts(const std::filesystem::path& path);

}  // namespace parindex
