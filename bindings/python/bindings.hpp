// Internal: the parts of the _core module, one per area.
#pragma once

#include <pybind11/pybind11.h>

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

// None, "national", "quartiles", "none", or a dict of group name → minimum index %.
Grouping grouping_from(const pybind11::object& groups);

}  // namespace parindex::python
