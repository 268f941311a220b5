// Internal: the parts of the _core module, one per area.
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <vector>

#include "parindex/parindex.hpp"

namespace parindex::python {

void bind_errors(pybind11::module_& m);
void bind_framework(pybind11::module_& m);
void bind_assessment(pybind11::module_& m);
void bind_results(pybind11::module_& m);
void bind_calendar(pybind11::module_& m);
void bind_plans(pybind11::module_& m);
void bind_dossiers(pybind11::module_& m);
void bind_batch(pybind11::module_& m);
void bind_indices(pybind11::module_& m);
void bind_survey(pybind11::module_& m);

// A batch with the framework that explains it, and the assessments when it was made of them
// (their causes, evidence and provenance go into the explained scorecards).
struct Batch {
  Framework framework;
  BatchResult result;
  std::vector<Assessment> assessments;
};

// A Python value as a rule input (a number, numpy scalar, True/False, a level name or a dict
// such as {"actual": 1, "target": 6}); empty for None and NaN. Errors name `where`.
std::optional<InputValue> cell_input(const pybind11::handle& cell, const std::string& where);

void bind_analytics(pybind11::module_& m);

// None, "national", "quartiles", "none", or a dict of group name → minimum index %.
Grouping grouping_from(const pybind11::object& groups);

}  // namespace parindex::python
