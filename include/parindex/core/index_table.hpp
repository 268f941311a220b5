// Published index tables: the leaf scores of many units over several years (PAPI's provincial
// sub-dimension table is one), evaluated a year at a time through the kernel, with ranks and
// groups on the total and on every field. A unit lacking a figure is listed, never filled in.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parindex/core/assessment.hpp"
#include "parindex/core/framework.hpp"
#include "parindex/core/ranking.hpp"

namespace parindex {

// One row of a published table: a unit's leaf scores in one year. A leaf absent is missing.
struct UnitScores {
  int year = 0;
  UnitRef unit;
  std::map<CriterionCode, double> values;
};

// A place among the units that have a figure.
struct Placing {
  int rank = 0;               // 1-based; ties at the table's decimals share the better rank
  int of = 0;                 // units with a figure
  int group = -1;             // index into IndexTableYear::group_names; -1 for none
  bool on_cut_point = false;  // exactly on a group boundary: the boundary rule decided its group
  std::string label() const;  // "15/61"
};

struct IndexTableRow {
  UnitRef unit;
  std::vector<std::optional<double>> fields;  // per field; empty when any leaf under it is missing
  std::optional<double> total;                // empty unless every field has a figure
  std::vector<std::optional<Placing>> field_places;
  std::optional<Placing> total_place;
  std::vector<CriterionCode> missing;         // leaves without a figure
};

struct IndexTableYear {
  std::string framework_id;
  int year = 0;
  int decimals = 4;                       // as the table is printed
  std::vector<CriterionCode> fields;      // in tree order
  std::vector<std::string> group_names;
  std::vector<double> total_cut_points;   // the total's group boundaries, highest first
  std::vector<IndexTableRow> rows;        // ranked units best first, then units without a total by code
};

struct IndexTableOptions {
  std::optional<int> tie_decimals;   // empty: the framework's rounding decimals
  Grouping grouping = QuartileGroups{};
};

// Evaluates the rows of `year`. Throws parindex::error (validation) naming the unit and
// criterion for a figure outside [0, max] or a code the framework lacks, and (argument) when
// the year lies outside the framework's period or a unit appears twice.
IndexTableYear evaluate_year(const Framework& framework, int year, std::span<const UnitScores> rows,
                             const IndexTableOptions& options = {});

// The rows of `year` as assessments, every figure the appraised score of its leaf, so that
// what-if, improvement and uncertainty work on a published table. Rows lacking a leaf's figure
// are left out and listed in `left_out`. Throws parindex::error (validation) for a code the
// framework lacks or a unit that appears twice.
struct TableAssessments {
  std::vector<Assessment> assessments;
  std::vector<UnitRef> left_out;
};
TableAssessments assessments_from_table(const Framework& framework, int year, std::span<const UnitScores> rows);

}  // namespace parindex
