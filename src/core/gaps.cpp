#include "parindex/core/gaps.hpp"

#include <algorithm>
#include <cmath>

namespace parindex {

GapTable gaps(const Scorecard& card) {
  GapTable table;
  table.framework_id = card.framework_id;
  table.unit = card.unit;
  table.year = card.year;
  table.decimals = card.rounding.decimals;
  const double scale = std::pow(10.0, table.decimals);
  auto units = [&](double v) { return std::llround(round_half_up(v, table.decimals) * scale); };

  for (const auto& line : card.lines) {
    if (line.decided_by == Decision::not_applicable || units(line.lost()) <= 0) continue;
    if (line.depth == 1) {
      table.fields.push_back({line.code, line.title, line.max_points, line.achieved, line.lost(), 0});
    }
    if (line.leaf) {
      table.gaps.push_back({line.code, line.code.field(), line.title, line.max_points, line.achieved,
                            line.lost(), line.cause, line.lead_agency});
    }
  }
  for (auto& f : table.fields) {
    f.criteria_below_max = static_cast<std::size_t>(std::count_if(
        table.gaps.begin(), table.gaps.end(), [&](const Gap& g) { return g.field == f.field; }));
  }
  std::stable_sort(table.gaps.begin(), table.gaps.end(),
                   [&](const Gap& a, const Gap& b) { return units(a.lost) > units(b.lost); });
  std::stable_sort(table.fields.begin(), table.fields.end(),
                   [&](const FieldGap& a, const FieldGap& b) { return units(a.lost) > units(b.lost); });
  table.total_lost = card.lost();
  return table;
}

}  // namespace parindex
