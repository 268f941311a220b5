// Decision analytics: what-if scenarios, improvement plans and rank uncertainty.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>

#include "bindings.hpp"

namespace py = pybind11;

namespace parindex::python {

namespace {

// (kind, units, code, value): kind "input", "appraised" or "not_applicable".
using ChangeTuple = std::tuple<std::string, std::vector<std::string>, std::string, py::object>;
using ScenarioTuple = std::pair<std::string, std::vector<ChangeTuple>>;

CriterionCode code_argument(const std::string& text, const std::string& where) {
  auto code = CriterionCode::parse(text);
  if (!code) throw error(error_kind::argument, where, "\"" + text + "\" is not a criterion code");
  return *code;
}

double number(const py::handle& h, const std::string& where) {
  try {
    return py::float_(py::reinterpret_borrow<py::object>(h)).cast<double>();
  } catch (const py::error_already_set&) {
    throw error(error_kind::argument, where, "expected a number, got " + py::repr(h).cast<std::string>());
  }
}

ScenarioChange change_from(const ChangeTuple& t, const std::string& where) {
  const auto& [kind, units, code, value] = t;
  ScenarioChange c;
  c.units = units;
  c.code = code_argument(code, where);
  if (kind == "input") {
    auto input = cell_input(value, where + " (" + code + ")");
    if (!input) throw error(error_kind::argument, where + " (" + code + ")", "an input change needs a value, not None or NaN");
    c.input = *input;
  } else if (kind == "appraised") {
    c.kind = ScenarioChange::Kind::appraised;
    c.points = number(value, where + " (" + code + ")");
  } else if (kind == "not_applicable") {
    c.kind = ScenarioChange::Kind::not_applicable;
  } else {
    throw error(error_kind::argument, where, "unknown change \"" + kind + "\"; expected input, appraised or not_applicable");
  }
  return c;
}

py::list what_if_rows(const Framework& fw, const std::vector<Assessment>& base, const std::vector<ScenarioTuple>& scenarios,
                      const py::object& groups, std::optional<int> tie_decimals) {
  std::vector<Scenario> list;
  for (const auto& [name, changes] : scenarios) {
    Scenario s{name, {}};
    for (std::size_t i = 0; i < changes.size(); ++i) {
      s.changes.push_back(change_from(changes[i], "scenario " + name + ", change #" + std::to_string(i + 1)));
    }
    list.push_back(std::move(s));
  }
  const auto results = what_if(fw, base, list, RankOptions{tie_decimals, grouping_from(groups)});
  py::list rows;
  for (const auto& r : results) {
    for (const auto& u : r.units) {
      rows.append(py::make_tuple(r.name, u.unit.code, u.unit.name, u.base_total, u.total, u.base_index_percent, u.index_percent,
                                 u.base_rank, u.rank, u.of, u.base_group, u.group));
    }
  }
  return rows;
}

CriterionEffort effort_from(const py::dict& d) {
  CriterionEffort e;
  const std::string where = "efforts";
  for (const auto& [key, value] : d) {
    const std::string k = py::str(key).cast<std::string>();
    const std::string at = where + ", " + k;
    if (k == "code") e.code = code_argument(py::str(value).cast<std::string>(), at);
    else if (k == "cost_per_point") e.cost_per_point = number(value, at);
    else if (k == "cost_per_step") e.cost_per_step = number(value, at);
    else if (k == "max_input") { if (!value.is_none()) e.max_input = number(value, at); }
    else if (k == "max_points") { if (!value.is_none()) e.max_points = number(value, at); }
    else if (k == "out_of_reach") e.out_of_reach = py::bool_(py::reinterpret_borrow<py::object>(value)).cast<bool>();
    else throw error(error_kind::argument, at, "unknown key; expected code, cost_per_point, cost_per_step, max_input, max_points, out_of_reach");
  }
  if (!e.code.ok()) throw error(error_kind::argument, where, "every effort needs a code");
  return e;
}

// (kind, code, units, spread, low, high, name)
using FactorTuple = std::tuple<std::string, std::string, std::vector<std::string>, double, double, double, std::string>;

UncertaintyOptions uncertainty_options(const Framework& fw, const BatchResult& batch, const std::vector<FactorTuple>& factors,
                                       std::optional<double> survey_error, std::optional<double> appraisal_range,
                                       std::size_t draws, std::uint64_t seed, unsigned threads, const py::object& groups,
                                       std::optional<int> tie_decimals, std::vector<std::string> versus, bool sensitivity) {
  UncertaintyOptions o;
  auto finite = [](std::optional<double> v, const char* what) {
    if (v && (!std::isfinite(*v) || *v < 0)) throw error(error_kind::argument, what, "must be a finite number of at least 0");
  };
  finite(survey_error, "survey_error");
  finite(appraisal_range, "appraisal_range");
  if (survey_error) o.factors = survey_factors(fw, *survey_error);
  if (appraisal_range) {
    for (auto& f : appraisal_factors(fw, batch, *appraisal_range)) o.factors.push_back(std::move(f));
  }
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const auto& [kind, code, units, spread, low, high, name] = factors[i];
    UncertainFactor f;
    const std::string where = "factors[" + std::to_string(i) + "]";
    f.code = code_argument(code, where);
    f.units = units;
    f.spread = spread;
    f.low = low;
    f.high = high;
    f.name = name;
    if (kind == "normal") f.kind = UncertainFactor::Kind::normal;
    else if (kind == "uniform") f.kind = UncertainFactor::Kind::uniform;
    else if (kind == "range") f.kind = UncertainFactor::Kind::range;
    else if (kind == "weight") f.kind = UncertainFactor::Kind::weight;
    else throw error(error_kind::argument, where, "unknown kind \"" + kind + "\"; expected normal, uniform, range or weight");
    o.factors.push_back(std::move(f));
  }
  o.draws = draws;
  o.seed = seed;
  o.threads = threads;
  o.ranking = RankOptions{tie_decimals, grouping_from(groups)};
  o.versus = std::move(versus);
  o.sensitivity = sensitivity;
  return o;
}

// A matrix of counts as a numpy array of rows × columns.
py::array_t<std::uint32_t> counts(const std::vector<std::uint32_t>& v, std::size_t rows, std::size_t columns) {
  py::array_t<std::uint32_t> a({rows, columns});
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

void bind_improvement(py::module_& m) {
  py::class_<ImprovementStep>(m, "ImprovementStep", "One criterion improved: from its points now to the step's.")
      .def_property_readonly("code", [](const ImprovementStep& s) { return s.code.str(); })
      .def_readonly("title", &ImprovementStep::title)
      .def_readonly("rule", &ImprovementStep::rule)
      .def_readonly("current_input", &ImprovementStep::current_input)
      .def_readonly("required_input", &ImprovementStep::required_input)
      .def_readonly("points", &ImprovementStep::current_points)
      .def_readonly("new_points", &ImprovementStep::new_points)
      .def_readonly("gain", &ImprovementStep::gain)
      .def_readonly("cost", &ImprovementStep::cost)
      .def_readonly("lead_agency", &ImprovementStep::lead_agency)
      .def("__repr__", [](const ImprovementStep& s) {
        return "<ImprovementStep " + s.code.str() + ": " + s.required_input + ", +" + format_fixed(s.gain, 2) + " points>";
      });
  py::class_<ImprovementPlan>(m, "ImprovementPlan", "The cheapest steps to a target; see parindex.improve.")
      .def_property_readonly("unit", [](const ImprovementPlan& p) { return p.unit.code; })
      .def_property_readonly("name", [](const ImprovementPlan& p) { return p.unit.name; })
      .def_property_readonly("target", [](const ImprovementPlan& p) { return p.target.str(); })
      .def_readonly("reachable", &ImprovementPlan::reachable)
      .def_readonly("max_points", &ImprovementPlan::max_points)
      .def_readonly("current_total", &ImprovementPlan::current_total)
      .def_readonly("total", &ImprovementPlan::total)
      .def_property_readonly("required_total", [](const ImprovementPlan& p) -> std::optional<double> {
        if (!p.reachable) return std::nullopt;
        return p.required_total;
      })
      .def_readonly("current_index_percent", &ImprovementPlan::current_index_percent)
      .def_readonly("index_percent", &ImprovementPlan::index_percent)
      .def_readonly("current_rank", &ImprovementPlan::current_rank)
      .def_readonly("rank", &ImprovementPlan::rank)
      .def_readonly("of", &ImprovementPlan::of)
      .def_readonly("current_group", &ImprovementPlan::current_group)
      .def_readonly("group", &ImprovementPlan::group)
      .def_readonly("cost", &ImprovementPlan::cost)
      .def_readonly("steps", &ImprovementPlan::steps)
      .def("to_json", [](const ImprovementPlan& p) { return to_json(p); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.");
  m.def("_improve", [](const Framework& fw, const std::vector<Assessment>& assessments, const std::string& unit,
                       const std::string& target, const std::vector<py::dict>& efforts, double cost_per_point,
                       double cost_per_step, bool survey, const py::object& groups, std::optional<int> tie_decimals,
                       const std::map<std::string, double>& others) {
    ImprovementOptions o;
    o.target = ImprovementTarget::parse(target);
    for (const auto& e : efforts) o.efforts.push_back(effort_from(e));
    o.cost_per_point = cost_per_point;
    o.cost_per_step = cost_per_step;
    o.survey_criteria = survey;
    o.ranking = RankOptions{tie_decimals, grouping_from(groups)};
    o.others_index_percent = others;
    return improve(fw, assessments, unit, o);
  });
  m.def("_read_efforts", [](const std::string& path) {
    py::list out;
    for (const auto& e : load_efforts(path)) {
      py::dict d;
      d["code"] = e.code.str();
      d["cost_per_point"] = e.cost_per_point;
      d["cost_per_step"] = e.cost_per_step;
      d["max_input"] = e.max_input ? py::cast(*e.max_input) : py::none();
      d["max_points"] = e.max_points ? py::cast(*e.max_points) : py::none();
      d["out_of_reach"] = e.out_of_reach;
      out.append(d);
    }
    return out;
  });
}

const BatchResult& batch_of(const py::object& inputs, const Framework& fw, BatchResult& storage) {
  if (py::isinstance<Batch>(inputs)) return inputs.cast<const Batch&>().result;
  storage = evaluate_many(fw, inputs.cast<std::vector<Assessment>>());
  return storage;
}

void bind_uncertainty(py::module_& m) {
  py::class_<UncertaintyResult>(m, "UncertaintyResult", "Ranks under uncertainty; see parindex.uncertainty.")
      .def_property_readonly("unit_codes", [](const UncertaintyResult& r) {
        std::vector<std::string> v;
        for (const auto& u : r.units) v.push_back(u.code);
        return v;
      })
      .def_property_readonly("unit_names", [](const UncertaintyResult& r) {
        std::vector<std::string> v;
        for (const auto& u : r.units) v.push_back(u.name);
        return v;
      })
      .def_readonly("draws", &UncertaintyResult::draws)
      .def_readonly("nominal_rank", &UncertaintyResult::nominal_rank)
      .def_readonly("groups", &UncertaintyResult::groups)
      .def_readonly("versus", &UncertaintyResult::versus)
      .def_property_readonly("rank_frequency", [](const UncertaintyResult& r) {
        return counts(r.rank_frequency, r.units.size(), r.units.size());
      })
      .def_property_readonly("group_frequency", [](const UncertaintyResult& r) {
        return counts(r.group_frequency, r.units.size(), r.groups.size());
      })
      .def_property_readonly("above", [](const UncertaintyResult& r) { return counts(r.above, r.units.size(), r.versus.size()); })
      .def_property_readonly("sensitivity_rows", [](const UncertaintyResult& r) {
        std::vector<std::tuple<std::string, double, double>> rows;
        for (const auto& s : r.sensitivity) rows.emplace_back(s.name, s.first_order, s.total);
        return rows;
      })
      .def("rank_quantile", [](const UncertaintyResult& r, std::size_t unit, double q) {
        if (unit >= r.units.size() || !(q >= 0 && q <= 1)) throw error(error_kind::argument, "rank_quantile", "unit index or quantile out of range");
        return r.rank_quantile(unit, q);
      }, py::arg("unit"), py::arg("q"), "The q-quantile (0 to 1) of the rank of the unit at index unit.")
      .def("to_json", [](const UncertaintyResult& r) { return to_json(r); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.");
  m.def("_uncertainty", [](const Framework& fw, const py::object& inputs, const std::vector<FactorTuple>& factors,
                           std::optional<double> survey_error, std::optional<double> appraisal_range, std::size_t draws,
                           std::uint64_t seed, unsigned threads, const py::object& groups, std::optional<int> tie_decimals,
                           std::vector<std::string> versus, bool sensitivity) {
    BatchResult storage;
    const BatchResult& batch = batch_of(inputs, fw, storage);
    const auto o = uncertainty_options(fw, batch, factors, survey_error, appraisal_range, draws, seed, threads, groups,
                                       tie_decimals, std::move(versus), sensitivity);
    py::gil_scoped_release free;
    return rank_uncertainty(fw, batch, o);
  });
  m.def("_uncertainty_draws", [](const Framework& fw, const py::object& inputs, const std::vector<FactorTuple>& factors,
                                 std::optional<double> survey_error, std::optional<double> appraisal_range, std::size_t draws,
                                 std::uint64_t seed) {
    BatchResult storage;
    const BatchResult& batch = batch_of(inputs, fw, storage);
    const auto o = uncertainty_options(fw, batch, factors, survey_error, appraisal_range, draws, seed, 1, py::none(),
                                       std::nullopt, {}, false);
    const auto d = uncertainty_draws(fw, batch, o);
    const std::size_t cells = d.unit.size();
    py::array_t<double> points({draws, cells});
    std::copy(d.points.begin(), d.points.end(), points.mutable_data());
    std::vector<std::string> codes;
    for (auto node : d.node) codes.push_back(fw.criteria()[node].code.str());
    return py::make_tuple(d.unit, codes, points);
  });
}

}  // namespace

void bind_analytics(py::module_& m) {
  m.def("_what_if", &what_if_rows);
  bind_improvement(m);
  bind_uncertainty(m);
}

}  // namespace parindex::python
