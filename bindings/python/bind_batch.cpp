// Batch evaluation: many units in one call, from assessments or from columns of a table.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>

#include "bindings.hpp"

namespace py = pybind11;

namespace parindex::python {

namespace {

// Rules whose input is a plain number: a float column goes straight into their slots.
bool takes_a_number(const ScoringRule& rule) {
  const auto& v = rule.variant();
  if (auto* p = std::get_if<rules::Proportional>(&v)) return p->target.has_value();
  return std::holds_alternative<rules::Bands>(v) || std::holds_alternative<rules::Linear>(v) ||
         std::holds_alternative<rules::SurveyIndex>(v) || std::holds_alternative<rules::Manual>(v);
}

std::string unit_where(const UnitRef& unit) { return "assessment of " + unit.code + ", criterion "; }

// The leaf of a code, or an error naming the column.
std::size_t leaf_of(const Framework& fw, const std::string& code, const char* column) {
  auto parsed = CriterionCode::parse(code);
  auto node = parsed ? fw.find(*parsed) : std::nullopt;
  if (!node) throw error(error_kind::argument, std::string(column) + " column " + code, "not a criterion of framework " + fw.id());
  auto leaf = fw.plan().leaf_of(*node);
  if (leaf == EvaluationPlan::none) {
    throw error(error_kind::argument, std::string(column) + " column " + code,
                "has sub-criteria, so its points are their sum; give the sub-criteria instead");
  }
  return static_cast<std::size_t>(leaf);
}

void fill_values(const Framework& fw, const std::vector<UnitRef>& units, const py::dict& columns, InputTable& t) {
  const auto& plan = fw.plan();
  for (auto [key, column] : columns) {
    const std::string code = key.cast<std::string>();
    const std::size_t leaf = leaf_of(fw, code, "value");
    const ScoringRule* rule = plan.rule(leaf);
    const double max = plan.max_points(plan.leaf_node(leaf));
    if (rule && takes_a_number(*rule) && py::isinstance<py::array>(column) && column.cast<py::array>().dtype().kind() == 'f') {
      auto a = column.cast<py::array_t<double, py::array::forcecast>>();
      auto view = a.unchecked<1>();
      if (static_cast<std::size_t>(view.shape(0)) != units.size()) throw error(error_kind::argument, "value column " + code, "has the wrong length");
      for (std::size_t u = 0; u < units.size(); ++u) *t.slots(plan, u, leaf) = view(static_cast<py::ssize_t>(u));
      continue;  // checked with the rest of the table by find_problem
    }
    auto cells = py::list(py::reinterpret_borrow<py::object>(column));
    if (cells.size() != units.size()) throw error(error_kind::argument, "value column " + code, "has the wrong length");
    for (std::size_t u = 0; u < units.size(); ++u) {
      const std::string where = unit_where(units[u]) + code;
      auto input = cell_input(cells[u], where);
      if (!input) continue;
      if (!rule) throw error(error_kind::validation, where, "has a value but the framework gives it no scoring rule");
      rule->encode(max, *input, t.slots(plan, u, leaf), t.units, where);
    }
  }
}

// True/False columns (1/0, NaN where empty): only a yes/no criterion takes them.
void fill_truths(const Framework& fw, const std::vector<UnitRef>& units, const py::dict& columns, InputTable& t) {
  const auto& plan = fw.plan();
  for (auto [key, column] : columns) {
    const std::string code = key.cast<std::string>();
    const std::size_t leaf = leaf_of(fw, code, "value");
    const ScoringRule* rule = plan.rule(leaf);
    auto a = column.cast<py::array_t<double, py::array::forcecast>>();
    auto view = a.unchecked<1>();
    if (static_cast<std::size_t>(view.shape(0)) != units.size()) throw error(error_kind::argument, "value column " + code, "has the wrong length");
    const bool yes_no = rule && std::holds_alternative<rules::YesNo>(rule->variant());
    for (std::size_t u = 0; u < units.size(); ++u) {
      const double v = view(static_cast<py::ssize_t>(u));
      if (std::isnan(v)) continue;
      if (!yes_no) {
        throw error(error_kind::validation, unit_where(units[u]) + code,
                    rule ? "the " + rule->kind() + " rule does not take true/false as its value" : "has a value but the framework gives it no scoring rule");
      }
      *t.slots(plan, u, leaf) = v;
    }
  }
}

void fill_scores(const Framework& fw, std::size_t units, const py::dict& columns, std::vector<double>& out, const char* name) {
  const auto& plan = fw.plan();
  for (auto [key, column] : columns) {
    const std::size_t leaf = leaf_of(fw, key.cast<std::string>(), name);
    auto a = column.cast<py::array_t<double, py::array::forcecast>>();
    auto view = a.unchecked<1>();
    if (static_cast<std::size_t>(view.shape(0)) != units) throw error(error_kind::argument, std::string(name) + " column " + key.cast<std::string>(), "has the wrong length");
    for (std::size_t u = 0; u < units; ++u) out[leaf * units + u] = view(static_cast<py::ssize_t>(u));
  }
}

Batch evaluate_columns(const Framework& fw, const std::vector<std::string>& codes, const std::vector<std::string>& names, int year,
                       const py::dict& values, const py::dict& truths, const py::dict& appraised,
                       const py::dict& self, const py::dict& not_applicable, const py::dict& evidence,
                       bool missing_as_not_applicable) {
  const auto& plan = fw.plan();
  std::vector<UnitRef> units(codes.size());
  for (std::size_t u = 0; u < codes.size(); ++u) units[u] = {codes[u], u < names.size() ? names[u] : "", ""};
  InputTable t = InputTable::blank(plan, units.size());
  fill_values(fw, units, values, t);
  fill_truths(fw, units, truths, t);
  fill_scores(fw, units.size(), appraised, t.appraised, "appraised");
  fill_scores(fw, units.size(), self, t.self_assessed, "self");
  for (auto [key, column] : not_applicable) {
    const std::string code = key.cast<std::string>();
    auto parsed = CriterionCode::parse(code);
    auto node = parsed ? fw.find(*parsed) : std::nullopt;
    if (!node) throw error(error_kind::argument, "not_applicable column " + code, "not a criterion of framework " + fw.id());
    auto a = column.cast<py::array_t<bool, py::array::forcecast>>();
    auto view = a.unchecked<1>();
    for (std::size_t u = 0; u < units.size(); ++u) t.not_applicable[t.at(*node, u)] = view(static_cast<py::ssize_t>(u));
  }
  if (missing_as_not_applicable) {
    for (std::size_t u = 0; u < units.size(); ++u) {
      for (std::size_t leaf = 0; leaf < plan.leaf_count(); ++leaf) {
        const std::size_t at = t.at(leaf, u);
        const bool value = plan.rule(leaf) && !std::isnan(*t.slots(plan, u, leaf));
        if (!value && std::isnan(t.appraised[at]) && std::isnan(t.self_assessed[at])) {
          t.not_applicable[t.at(plan.leaf_node(leaf), u)] = 1;
        }
      }
    }
  }
  // As in an assessment document: evidence counts as given only where the evidence column says so.
  for (auto [key, column] : evidence) {
    const std::size_t leaf = leaf_of(fw, key.cast<std::string>(), "evidence");
    auto a = column.cast<py::array_t<bool, py::array::forcecast>>();
    auto view = a.unchecked<1>();
    for (std::size_t u = 0; u < units.size(); ++u) t.evidence[t.at(leaf, u)] = view(static_cast<py::ssize_t>(u));
  }
  return Batch{fw, evaluate_many(fw, std::move(units), year, std::move(t)), {}};
}

// Units × criteria from the kernel's criteria × units.
py::array_t<double> units_by_nodes(const std::vector<double>& data, std::size_t units, std::size_t nodes) {
  py::array_t<double> a({static_cast<py::ssize_t>(units), static_cast<py::ssize_t>(nodes)});
  double* out = a.mutable_data();
  for (std::size_t i = 0; i < nodes; ++i) {
    for (std::size_t u = 0; u < units; ++u) out[u * nodes + i] = data[i * units + u];
  }
  return a;
}

py::array_t<double> vector(const std::vector<double>& v) { return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data()); }

}  // namespace

std::optional<InputValue> cell_input(const py::handle& cell, const std::string& where) {
  if (cell.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(cell)) return InputValue(cell.cast<std::string>());
  if (py::isinstance<py::bool_>(cell) || py::type::of(cell).attr("__name__").cast<std::string>() == "bool_") {
    return InputValue(cell.cast<bool>());
  }
  if (py::isinstance<py::dict>(cell)) {
    // numpy scalars inside the dict are written as the plain numbers they hold.
    auto plain = py::cpp_function([](const py::object& o) -> py::object {
      if (py::hasattr(o, "item")) return o.attr("item")();
      throw py::type_error("not a number");
    });
    std::string text;
    try {
      text = py::module_::import("json").attr("dumps")(cell, py::arg("default") = plain).cast<std::string>();
    } catch (const py::error_already_set&) {
      throw error(error_kind::validation, where, "cannot read " + py::repr(cell).cast<std::string>() + " as an input");
    }
    return input_from_json(text, where);
  }
  double v = 0;
  try {
    v = py::float_(py::reinterpret_borrow<py::object>(cell)).cast<double>();
  } catch (const py::error_already_set&) {
    throw error(error_kind::validation, where,
                "cannot read " + py::repr(cell).cast<std::string>() + " as an input: expected a number, true/false, "
                "a level name or a dict");
  }
  if (std::isnan(v)) return std::nullopt;
  return InputValue(v);
}

void bind_batch(py::module_& m) {
  py::class_<Batch>(m, "Batch", "Units evaluated together; frames of node scores and totals.")
      .def_property_readonly("framework", [](const Batch& b) { return b.framework; })
      .def_property_readonly("year", [](const Batch& b) { return b.result.year; })
      .def_property_readonly("unit_codes", [](const Batch& b) {
        std::vector<std::string> out;
        for (const auto& u : b.result.units) out.push_back(u.code);
        return out;
      })
      .def_property_readonly("unit_names", [](const Batch& b) {
        std::vector<std::string> out;
        for (const auto& u : b.result.units) out.push_back(u.name);
        return out;
      })
      .def_property_readonly("codes", [](const Batch& b) {
        std::vector<std::string> out;
        for (const auto& c : b.framework.criteria()) out.push_back(c.code.str());
        return out;
      })
      .def("__len__", [](const Batch& b) { return b.result.units.size(); })
      .def("achieved_matrix", [](const Batch& b) { return units_by_nodes(b.result.scores.achieved, b.result.scores.units, b.result.scores.nodes); },
           "Points achieved as a units × criteria numpy array (rows: unit_codes; columns: codes).")
      .def("max_matrix", [](const Batch& b) { return units_by_nodes(b.result.scores.max_points, b.result.scores.units, b.result.scores.nodes); },
           "Maximum points as a units × criteria numpy array (not applicable criteria hold 0).")
      .def("decided_by_names", [](const Batch& b) {
        std::vector<std::string> out;  // unit by unit, criteria in tree order
        const auto& s = b.result.scores;
        for (std::size_t u = 0; u < s.units; ++u) {
          for (std::size_t i = 0; i < s.nodes; ++i) out.push_back(to_string(s.decision_at(u, i)));
        }
        return out;
      }, "What decided each cell (appraised, rule, self_assessed, children, not_applicable), unit by unit.")
      .def("totals_arrays", [](const Batch& b) {
        const auto& s = b.result.scores;
        py::dict d;
        d["max"] = vector(s.scale_max);
        d["achieved"] = vector(s.scale_achieved);
        d["bonus"] = vector(s.bonus);
        d["penalty"] = vector(s.penalty);
        d["total"] = vector(s.total);
        d["index_percent"] = vector(s.index_percent);
        return d;
      }, "Each unit's max, achieved, bonus, penalty, total and index_percent as numpy arrays, in a dict.")
      .def("scorecard", [](const Batch& b, const std::string& unit) {
        for (std::size_t u = 0; u < b.result.units.size(); ++u) {
          if (b.result.units[u].code == unit) {
            return scorecard(b.framework, b.result, u, b.assessments.empty() ? nullptr : &b.assessments[u]);
          }
        }
        throw error(error_kind::argument, "unit " + unit, "not in this batch");
      }, py::arg("unit"), "The explained scorecard of one unit.")
      .def("rank", [](const Batch& b, const py::object& groups, std::optional<int> tie_decimals) {
        return rank(b.framework, b.result, RankOptions{tie_decimals, grouping_from(groups)});
      }, py::arg("groups") = py::none(), py::arg("tie_decimals") = py::none(), "Ranks the units by index %.");

  m.def("_evaluate_assessments", [](const Framework& fw, const std::vector<Assessment>& assessments) {
    return Batch{fw, evaluate_many(fw, assessments), assessments};
  });
  m.def("_evaluate_columns", &evaluate_columns);
}

}  // namespace parindex::python
