#include "parindex/core/index_table.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "parindex/core/batch.hpp"
#include "parindex/core/error.hpp"

namespace parindex {

std::string Placing::label() const {
  RankedUnit u;
  u.rank = rank;
  u.of = of;
  return u.rank_label();
}

namespace {

// The units of one year as a kernel table; a missing leaf is left out (not applicable) and noted.
InputTable table_of(const Framework& fw, const std::vector<const UnitScores*>& rows, std::vector<IndexTableRow>& out) {
  const auto& plan = fw.plan();
  InputTable t = InputTable::blank(plan, rows.size());
  std::fill(t.evidence.begin(), t.evidence.end(), std::uint8_t{1});
  for (std::size_t u = 0; u < rows.size(); ++u) {
    const UnitScores& r = *rows[u];
    for (const auto& [code, value] : r.values) {
      const std::string where = "unit " + r.unit.code + " " + std::to_string(r.year) + ", criterion " + code.str();
      auto node = fw.find(code);
      if (!node) throw error(error_kind::validation, where, "not in framework " + fw.id());
      auto leaf = plan.leaf_of(*node);
      if (leaf == EvaluationPlan::none) throw error(error_kind::validation, where, "has sub-criteria; give the scores of its leaves");
      if (!plan.rule(static_cast<std::size_t>(leaf))) throw error(error_kind::validation, where, "the framework gives it no rule to read a figure with");
      *t.slots(plan, u, static_cast<std::size_t>(leaf)) = value;
    }
    for (std::size_t leaf = 0; leaf < plan.leaf_count(); ++leaf) {
      if (!std::isnan(*t.slots(plan, u, leaf))) continue;
      const std::size_t node = plan.leaf_node(leaf);
      t.not_applicable[t.at(node, u)] = 1;
      out[u].missing.push_back(fw.criteria()[node].code);
    }
  }
  return t;
}

// Places the units that have a figure; the others keep an empty place.
std::vector<std::optional<Placing>> place(const std::vector<std::optional<double>>& figures, int decimals,
                                          const Grouping& grouping, std::vector<double>* cut_points = nullptr) {
  std::vector<std::size_t> who;
  std::vector<double> values;
  for (std::size_t u = 0; u < figures.size(); ++u) {
    if (!figures[u]) continue;
    who.push_back(u);
    values.push_back(*figures[u]);
  }
  const RankedValues r = rank_values(values, decimals, grouping);
  if (cut_points) *cut_points = r.cut_points;
  std::vector<std::optional<Placing>> out(figures.size());
  for (std::size_t k = 0; k < who.size(); ++k) {
    out[who[k]] = Placing{r.rank[k], static_cast<int>(who.size()), r.group[k], r.on_cut_point[k]};
  }
  return out;
}

}  // namespace

IndexTableYear evaluate_year(const Framework& fw, int year, std::span<const UnitScores> all, const IndexTableOptions& options) {
  if (!fw.info().period.contains(year)) {
    throw error(error_kind::argument, "year " + std::to_string(year), "outside the period of framework " + fw.id());
  }
  std::vector<const UnitScores*> rows;
  std::set<std::string> seen;
  for (const auto& r : all) {
    if (r.year != year) continue;
    if (!seen.insert(r.unit.code).second) {
      throw error(error_kind::argument, "unit " + r.unit.code + " " + std::to_string(year), "appears twice in the table");
    }
    rows.push_back(&r);
  }
  IndexTableYear out;
  out.framework_id = fw.id();
  out.year = year;
  out.decimals = options.tie_decimals.value_or(fw.info().rounding.decimals);
  out.group_names = group_names(options.grouping);
  for (auto f : fw.fields()) out.fields.push_back(fw.criteria()[f].code);
  std::vector<IndexTableRow> result(rows.size());
  std::vector<UnitRef> units;
  for (std::size_t u = 0; u < rows.size(); ++u) {
    result[u].unit = rows[u]->unit;
    units.push_back(rows[u]->unit);
  }
  InputTable table = table_of(fw, rows, result);
  const BatchResult batch = evaluate_many(fw, units, year, std::move(table));

  // A field has a figure only when none of its leaves is missing; the total, when every field has.
  std::vector<std::vector<std::optional<double>>> by_field(out.fields.size(), std::vector<std::optional<double>>(rows.size()));
  std::vector<std::optional<double>> totals(rows.size());
  for (std::size_t u = 0; u < rows.size(); ++u) {
    bool complete = true;
    for (std::size_t f = 0; f < out.fields.size(); ++f) {
      const bool lacks = std::any_of(result[u].missing.begin(), result[u].missing.end(),
                                     [&](const CriterionCode& c) { return c.field() == out.fields[f]; });
      if (!lacks) by_field[f][u] = batch.scores.achieved_at(u, fw.fields()[f]);
      complete = complete && !lacks;
      result[u].fields.push_back(by_field[f][u]);
    }
    if (complete) totals[u] = batch.scores.total[u];
    result[u].total = totals[u];
  }
  const auto total_places = place(totals, out.decimals, options.grouping, &out.total_cut_points);
  std::vector<std::vector<std::optional<Placing>>> field_places;
  for (const auto& figures : by_field) field_places.push_back(place(figures, out.decimals, options.grouping));
  for (std::size_t u = 0; u < rows.size(); ++u) {
    result[u].total_place = total_places[u];
    for (const auto& f : field_places) result[u].field_places.push_back(f[u]);
  }
  std::stable_sort(result.begin(), result.end(), [](const IndexTableRow& a, const IndexTableRow& b) {
    if (a.total_place.has_value() != b.total_place.has_value()) return a.total_place.has_value();
    if (a.total_place && a.total_place->rank != b.total_place->rank) return a.total_place->rank < b.total_place->rank;
    return a.unit.code < b.unit.code;
  });
  out.rows = std::move(result);
  return out;
}

TableAssessments assessments_from_table(const Framework& framework, int year, std::span<const UnitScores> rows) {
  TableAssessments out;
  std::set<std::string> seen;
  for (const auto& row : rows) {
    if (row.year != year) continue;
    const std::string where = "table, " + std::to_string(year) + ", unit " + row.unit.code;
    if (!seen.insert(row.unit.code).second) throw error(error_kind::validation, where, "the unit appears twice");
    Assessment a;
    a.framework_id = framework.id();
    a.unit = row.unit;
    a.year = year;
    a.notes = "from a published table";
    bool complete = true;
    for (std::size_t i = 0; i < framework.criteria().size(); ++i) {
      if (!framework.is_leaf(i)) continue;
      auto it = row.values.find(framework.criteria()[i].code);
      if (it == row.values.end()) {
        complete = false;
        continue;
      }
      a.entries[it->first].appraised_score = it->second;
    }
    for (const auto& [code, value] : row.values) {
      if (!framework.find(code)) throw error(error_kind::validation, where, "criterion " + code.str() + " is not in " + framework.id());
    }
    if (complete) out.assessments.push_back(std::move(a));
    else out.left_out.push_back(row.unit);
  }
  return out;
}

}  // namespace parindex
