#include "bindings.hpp"

#include "parindex/version.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "parindex core: criteria trees, scoring rules, scorecards, ranks and gaps";
  m.attr("__version__") = parindex::version;
  parindex::python::bind_errors(m);
  parindex::python::bind_framework(m);
  parindex::python::bind_assessment(m);
  parindex::python::bind_results(m);
  parindex::python::bind_calendar(m);
  parindex::python::bind_plans(m);
  parindex::python::bind_dossiers(m);
  parindex::python::bind_batch(m);
  parindex::python::bind_indices(m);
  parindex::python::bind_survey(m);
  parindex::python::bind_analytics(m);
}
