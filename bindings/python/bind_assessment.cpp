#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "parindex/io/json.hpp"

namespace py = pybind11;

namespace parindex::python {

void bind_assessment(py::module_& m) {
  py::class_<Assessment>(m, "Assessment", "One unit's scores and inputs for one year.")
      .def_static("load", [](const std::filesystem::path& path) { return load_assessment(path); }, py::arg("path"),
                  "Reads a parindex.assessment/1 document from a file.")
      .def_static("from_json", [](const std::string& text) { return assessment_from_json(text); }, py::arg("text"), "Reads the document from JSON text; a DocumentError or ValidationError names where it is wrong.")
      .def("to_json", [](const Assessment& a) { return to_json(a); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.")
      .def_readonly("framework_id", &Assessment::framework_id)
      .def_property_readonly("unit_code", [](const Assessment& a) { return a.unit.code; })
      .def_property_readonly("unit_name", [](const Assessment& a) { return a.unit.name; })
      .def_property_readonly("unit_level", [](const Assessment& a) { return a.unit.level; })
      .def_readonly("year", &Assessment::year)
      .def_readonly("notes", &Assessment::notes)
      .def_property_readonly("codes", [](const Assessment& a) {
        std::vector<std::string> out;
        for (const auto& [code, entry] : a.entries) out.push_back(code.str());
        return out;
      })
      .def("__eq__", [](const Assessment& a, const Assessment& b) { return a == b; });
}

}  // namespace parindex::python
