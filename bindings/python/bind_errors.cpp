// parindex::error becomes an exception of the Python hierarchy in parindex/errors.py.
#include "bindings.hpp"
#include "parindex/core/error.hpp"

namespace py = pybind11;

namespace parindex::python {

namespace {

const char* class_name(error_kind kind) {
  switch (kind) {
    case error_kind::document: return "DocumentError";
    case error_kind::validation: return "ValidationError";
    case error_kind::argument: return "ArgumentError";
    case error_kind::io: return "FileError";
  }
  return "Error";
}

}  // namespace

void bind_errors(py::module_&) {
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const error& e) {
      py::object cls = py::module_::import("parindex.errors").attr(class_name(e.kind()));
      py::object exc = cls(e.what(), e.where(), e.detail());
      PyErr_SetObject(cls.ptr(), exc.ptr());
    }
  });
}

}  // namespace parindex::python
