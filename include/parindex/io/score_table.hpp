// Published tables of leaf scores, one row per unit and year (PAPI's provincial sub-dimension
// table is one): CSV or TSV.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "parindex/core/index_table.hpp"

namespace parindex {

// Columns: `year`; the unit's code in `unit` (or `province_code`); optionally its name in
// `name` (or `province`); then one column per leaf, named by its criterion code ("1.1") or in
// PAPI's style ("SC11" is sub-dimension 1.1). An empty cell is a missing figure. Lines starting
// with '#' are comments. The delimiter is a tab when the header holds one, else a comma; CSV
// cells may be quoted. Throws parindex::error (document) naming the file, line and column.
std::vector<UnitScores> score_table_from_text(std::string_view text, const std::string& source = "");
std::vector<UnitScores> read_score_table(const std::filesystem::path& path);

}  // namespace parindex
