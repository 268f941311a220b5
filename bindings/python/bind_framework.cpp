#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "parindex/core/error.hpp"
#include "parindex/io/json.hpp"

namespace py = pybind11;

namespace parindex::python {

void bind_framework(py::module_& m) {
  py::class_<Criterion>(m, "Criterion", "One node of a criteria tree: a field, criterion or sub-criterion.")
      .def_property_readonly("code", [](const Criterion& c) { return c.code.str(); })
      .def_readonly("title", &Criterion::title)
      .def_readonly("title_en", &Criterion::title_en)
      .def_readonly("max_points", &Criterion::max_points)
      .def_property_readonly("source", [](const Criterion& c) { return to_string(c.source); })
      .def_property_readonly("rule", [](const Criterion& c) -> std::optional<std::string> {
        if (!c.rule) return std::nullopt;
        return c.rule->kind();
      })
      .def_readonly("evidence", &Criterion::evidence)
      .def_readonly("lead_agency", &Criterion::lead_agency);

  py::class_<Framework>(m, "Framework", "A validated, immutable criteria tree for one index and period.")
      .def_static("load", [](const std::filesystem::path& path) { return load_framework(path); }, py::arg("path"),
                  "Reads a parindex.framework document from a file.")
      .def_static("from_json", [](const std::string& text) { return framework_from_json(text); }, py::arg("text"), "Reads the document from JSON text; a DocumentError or ValidationError names where it is wrong.")
      .def("to_json", [](const Framework& f) { return to_json(f); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.")
      .def_property_readonly("id", &Framework::id)
      .def_property_readonly("name", [](const Framework& f) { return f.info().name; })
      .def_property_readonly("index", [](const Framework& f) { return to_string(f.info().index); })
      .def_property_readonly("period", [](const Framework& f) {
        return py::make_tuple(f.info().period.first_year, f.info().period.last_year);
      })
      .def_property_readonly("legal_source", [](const Framework& f) { return f.info().legal_source; })
      .def_property_readonly("notes", [](const Framework& f) { return f.info().notes; })
      .def_property_readonly("total_max", &Framework::total_max)
      .def_property_readonly("criteria", [](const Framework& f) {
        return std::vector<Criterion>(f.criteria().begin(), f.criteria().end());
      })
      .def("criterion", [](const Framework& f, const std::string& code) { return f.at(CriterionCode(code)); },
           py::arg("code"), "The Criterion with this code; an ArgumentError when there is none.")
      .def("depth", [](const Framework& f, const std::string& code) {
        auto i = f.find(CriterionCode(code));
        if (!i) throw error(error_kind::argument, "criterion " + code, "not in framework " + f.id());
        return f.depth_of(*i);
      }, py::arg("code"), "The depth of a code in the tree: 1 for a field, 2 for its criteria, ...")
      .def("__eq__", [](const Framework& a, const Framework& b) { return a == b; })
      .def("__len__", [](const Framework& f) { return f.criteria().size(); });
}

}  // namespace parindex::python
