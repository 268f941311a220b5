// Evaluating many units at once: an input table in, a matrix of node scores out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parindex/core/assessment.hpp"
#include "parindex/core/evaluation_plan.hpp"

namespace parindex {

// Which source decided a node's points.
enum class Decision : std::uint8_t {
  appraised,       // the appraisal council's score
  rule,            // the scoring rule applied to the input value
  self_assessed,   // the unit's own score, with evidence where the framework asks for it
  children,        // aggregated from the sub-criteria
  not_applicable,  // left out: no points, no maximum
};
const char* to_string(Decision decision) noexcept;

// What a set of units states, laid out for the kernel. Every array is column-major: one
// column of `units` numbers per slot, leaf, node or adjustment, so a data frame's column copies
// straight in and the kernel reads each criterion's inputs contiguously. A leaf has a value
// for a unit when its first slot is not NaN.
struct InputTable {
  std::size_t units = 0;
  std::vector<double> values;                  // plan.slot_count() columns
  std::vector<double> appraised;               // plan.leaf_count() columns; NaN: none
  std::vector<double> self_assessed;           // plan.leaf_count() columns; NaN: none
  std::vector<std::uint8_t> evidence;          // plan.leaf_count() columns; 1: evidence given
  std::vector<std::uint8_t> not_applicable;    // plan.node_count() columns; 1 drops the subtree
  std::vector<double> adjustments;             // plan.adjustment_count() columns: points claimed

  // A table of the plan's shape where nothing is stated yet.
  static InputTable blank(const EvaluationPlan& plan, std::size_t units);
  // Where column `column` meets unit `unit`, in any of the arrays.
  std::size_t at(std::size_t column, std::size_t unit) const noexcept { return column * units + unit; }
  // A unit's first slot for a leaf; slot k lies k × units further on.
  double* slots(const EvaluationPlan& plan, std::size_t unit, std::size_t leaf) noexcept {
    return values.data() + at(plan.slot_offset(leaf), unit);
  }
  const double* slots(const EvaluationPlan& plan, std::size_t unit, std::size_t leaf) const noexcept {
    return values.data() + at(plan.slot_offset(leaf), unit);
  }
};

// The kernel's numbers for every unit and node; matrices are node-major (one column of
// `units` numbers per node).
struct BatchScores {
  std::size_t units = 0;
  std::size_t nodes = 0;
  std::vector<double> achieved;        // nodes columns
  std::vector<double> max_points;      // nodes columns; 0 where not applicable
  std::vector<Decision> decided_by;    // nodes columns
  std::vector<double> scale_max;       // per unit: the fields aggregated
  std::vector<double> scale_achieved;
  std::vector<double> bonus;           // counted, after the framework's cap
  std::vector<double> penalty;
  std::vector<double> total;           // scale_achieved + bonus − penalty, at least 0
  std::vector<double> index_percent;   // total ÷ scale_max × 100, unrounded (0 when max is 0)

  double achieved_at(std::size_t unit, std::size_t node) const noexcept { return achieved[node * units + unit]; }
  double max_at(std::size_t unit, std::size_t node) const noexcept { return max_points[node * units + unit]; }
  Decision decision_at(std::size_t unit, std::size_t node) const noexcept { return decided_by[node * units + unit]; }
};

// The first thing wrong with a table, by position; empty when the kernel may run on it.
struct InputProblem {
  std::size_t unit = 0;
  std::size_t node = 0;        // the criterion, or for an adjustment its index
  bool adjustment = false;
  std::string detail;
};
std::optional<InputProblem> find_problem(const EvaluationPlan& plan, const InputTable& table);

// The kernel: no checks, no strings, no allocation once `out` has its size. Run it only on a
// table that find_problem passed (evaluate_many does both): it trusts every value it reads.
void evaluate_table(const EvaluationPlan& plan, const InputTable& table, BatchScores& out);

// Units evaluated together, with what is needed to explain any one of them.
struct BatchResult {
  std::vector<UnitRef> units;
  int year = 0;
  InputTable inputs;
  BatchScores scores;

  // The index of the unit with this code, or nothing.
  std::optional<std::size_t> find(const std::string& code) const;
};

// Encodes assessments as a table. Throws parindex::error (validation or argument) naming the
// unit and criterion, exactly as evaluate() does for one.
InputTable input_table(const Framework& framework, std::span<const Assessment> assessments);

// Evaluates assessments of one framework and year in one pass.
BatchResult evaluate_many(const Framework& framework, std::span<const Assessment> assessments);
// Evaluates a table built by the caller (units in row order). Throws parindex::error
// (validation) naming the unit and criterion of the first problem.
BatchResult evaluate_many(const Framework& framework, std::vector<UnitRef> units, int year, InputTable inputs);

}  // namespace parindex
