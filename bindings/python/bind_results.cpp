#include <pybind11/stl.h>

#include "bindings.hpp"
#include "parindex/io/json.hpp"
#include "parindex/parindex.hpp"

namespace py = pybind11;

namespace parindex::python {

Grouping grouping_from(const py::object& groups) {
  if (groups.is_none()) return std::monostate{};
  if (py::isinstance<py::str>(groups)) {
    auto name = groups.cast<std::string>();
    if (name == "national") return ThresholdGroups::national_par_index();
    if (name == "quartiles") return QuartileGroups{};
    if (name == "none") return std::monostate{};
    throw error(error_kind::argument, "rank", "unknown grouping \"" + name + "\"; expected \"national\", \"quartiles\", "
                                              "\"none\" or a dict of group name → minimum index %");
  }
  if (py::isinstance<py::dict>(groups)) {
    ThresholdGroups t;
    for (auto [name, min] : groups.cast<py::dict>()) {
      t.groups.push_back({name.cast<std::string>(), min.cast<double>()});
    }
    return t;
  }
  throw error(error_kind::argument, "rank", "groups must be None, a name or a dict of group name → minimum index %");
}

void bind_results(py::module_& m) {
  py::class_<ScoreLine>(m, "ScoreLine", "One criterion's line of a scorecard.")
      .def_property_readonly("code", [](const ScoreLine& l) { return l.code.str(); })
      .def_readonly("title", &ScoreLine::title)
      .def_readonly("title_en", &ScoreLine::title_en)
      .def_readonly("depth", &ScoreLine::depth)
      .def_readonly("leaf", &ScoreLine::leaf)
      .def_readonly("max_points", &ScoreLine::max_points)
      .def_readonly("achieved", &ScoreLine::achieved)
      .def_property_readonly("lost", &ScoreLine::lost)
      .def_property_readonly("percent", &ScoreLine::percent)
      .def_property_readonly("decided_by", [](const ScoreLine& l) { return to_string(l.decided_by); })
      .def_readonly("explanation", &ScoreLine::explanation)
      .def_readonly("cause", &ScoreLine::cause)
      .def_readonly("lead_agency", &ScoreLine::lead_agency)
      .def_readonly("evidence", &ScoreLine::evidence)
      .def_readonly("dossier_units", &ScoreLine::dossier_units);

  py::class_<Scorecard>(m, "Scorecard", "An assessment evaluated against its framework.")
      .def_readonly("framework_id", &Scorecard::framework_id)
      .def_property_readonly("unit_code", [](const Scorecard& c) { return c.unit.code; })
      .def_property_readonly("unit_name", [](const Scorecard& c) { return c.unit.name; })
      .def_readonly("year", &Scorecard::year)
      .def_property_readonly("decimals", [](const Scorecard& c) { return c.rounding.decimals; })
      .def_readonly("lines", &Scorecard::lines)
      .def_readonly("max_points", &Scorecard::scale_max)
      .def_readonly("achieved", &Scorecard::scale_achieved)
      .def_property_readonly("lost", &Scorecard::lost)
      .def_readonly("bonus", &Scorecard::bonus)
      .def_readonly("penalty", &Scorecard::penalty)
      .def_property_readonly("total", &Scorecard::total)
      .def_property_readonly("index_percent", &Scorecard::index_percent)
      .def("line", [](const Scorecard& c, const std::string& code) {
        const ScoreLine* l = c.find(CriterionCode(code));
        if (!l) throw error(error_kind::argument, "criterion " + code, "not on the scorecard of " + c.unit.code);
        return *l;
      }, py::arg("code"), "The ScoreLine of a criterion code; an ArgumentError when the scorecard has none.")
      .def("to_json", [](const Scorecard& c) { return to_json(c); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.");

  py::class_<RankedUnit>(m, "RankedUnit")
      .def_property_readonly("unit_code", [](const RankedUnit& u) { return u.unit.code; })
      .def_property_readonly("unit_name", [](const RankedUnit& u) { return u.unit.name; })
      .def_readonly("max_points", &RankedUnit::max_points)
      .def_readonly("total", &RankedUnit::total)
      .def_readonly("index_percent", &RankedUnit::index_percent)
      .def_readonly("rank", &RankedUnit::rank)
      .def_readonly("of", &RankedUnit::of)
      .def_property_readonly("label", &RankedUnit::rank_label)
      .def_readonly("group", &RankedUnit::group);

  py::class_<Ranking>(m, "Ranking")
      .def_readonly("framework_id", &Ranking::framework_id)
      .def_readonly("year", &Ranking::year)
      .def_readonly("units", &Ranking::units)
      .def("to_json", [](const Ranking& r) { return to_json(r); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.");

  py::class_<Gap>(m, "Gap")
      .def_property_readonly("code", [](const Gap& g) { return g.code.str(); })
      .def_property_readonly("field", [](const Gap& g) { return g.field.str(); })
      .def_readonly("title", &Gap::title)
      .def_readonly("max_points", &Gap::max_points)
      .def_readonly("achieved", &Gap::achieved)
      .def_readonly("lost", &Gap::lost)
      .def_readonly("cause", &Gap::cause)
      .def_readonly("lead_agency", &Gap::lead_agency);

  py::class_<FieldGap>(m, "FieldGap")
      .def_property_readonly("field", [](const FieldGap& g) { return g.field.str(); })
      .def_readonly("title", &FieldGap::title)
      .def_readonly("max_points", &FieldGap::max_points)
      .def_readonly("achieved", &FieldGap::achieved)
      .def_readonly("lost", &FieldGap::lost)
      .def_readonly("criteria_below_max", &FieldGap::criteria_below_max);

  py::class_<GapTable>(m, "GapTable")
      .def_readonly("framework_id", &GapTable::framework_id)
      .def_property_readonly("unit_code", [](const GapTable& g) { return g.unit.code; })
      .def_property_readonly("unit_name", [](const GapTable& g) { return g.unit.name; })
      .def_readonly("year", &GapTable::year)
      .def_readonly("decimals", &GapTable::decimals)
      .def_readonly("gaps", &GapTable::gaps)
      .def_readonly("fields", &GapTable::fields)
      .def_readonly("total_lost", &GapTable::total_lost)
      .def("to_json", [](const GapTable& g) { return to_json(g); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.");

  // One function with an optional log, so evaluate(fw, a, None) works as its stub says.
  m.def("evaluate",
        [](const Framework& framework, const Assessment& assessment, const DossierMetrics* dossiers) {
          return dossiers ? evaluate(framework, assessment, *dossiers) : evaluate(framework, assessment);
        },
        py::arg("framework"), py::arg("assessment"), py::arg("dossiers") = py::none(),
        "Evaluates an assessment against its framework, giving a Scorecard. ``dossiers``: the metrics of a\n"
        "dossier log (read_dossiers, grouped by unit and level) for inputs bound to it (\"from_dossiers\").");
  m.def("rank", [](const std::vector<Scorecard>& cards, const py::object& groups, std::optional<int> tie_decimals) {
    return rank(cards, RankOptions{tie_decimals, grouping_from(groups)});
  }, py::arg("scorecards"), py::arg("groups") = py::none(), py::arg("tie_decimals") = py::none(),
        "Ranks scorecards of one framework and year by index %; units equal at tie_decimals decimals (default:\n"
        "the framework's) share a rank, labelled as published (\"02/11\").\n\n"
        "groups: None or \"none\" (no groups); \"national\" (A from 90%, B from 80% to under 90%, the rest\n"
        "ungrouped); \"quartiles\" (PAPI's: highest from the 75th percentile, high-average from the median,\n"
        "low-average from the 25th, lowest below; a unit on a cut-point goes up); or a dict of group name to\n"
        "its lowest index %, e.g. {\"A\": 90, \"B\": 80}.");
  m.def("gaps", &gaps, py::arg("scorecard"), "The criteria and fields below their max, most points lost first.");
  m.def("round_half_up", &round_half_up, py::arg("value"), py::arg("decimals"), "value rounded to decimals, halves away from zero, as the published tables round (not banker's rounding).");
  m.def("format_fixed", &format_fixed, py::arg("value"), py::arg("decimals"), "value as text with exactly decimals digits after the point, rounded half up.");
}

}  // namespace parindex::python
