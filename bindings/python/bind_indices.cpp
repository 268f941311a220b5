// Published index tables (PAPI): reading them and evaluating a year with ranks and groups.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

namespace py = pybind11;

namespace parindex::python {

void bind_indices(py::module_& m) {
  py::class_<UnitScores>(m, "UnitScores", "One row of a published table: a unit's leaf scores in one year.")
      .def_readonly("year", &UnitScores::year)
      .def_property_readonly("unit_code", [](const UnitScores& s) { return s.unit.code; })
      .def_property_readonly("unit_name", [](const UnitScores& s) { return s.unit.name; })
      .def_property_readonly("values", [](const UnitScores& s) {
        std::map<std::string, double> out;
        for (const auto& [code, v] : s.values) out[code.str()] = v;
        return out;
      });
  py::class_<Placing>(m, "Placing", "A place among the units that have a figure.")
      .def_readonly("rank", &Placing::rank)
      .def_readonly("of", &Placing::of)
      .def_readonly("group", &Placing::group)
      .def_readonly("on_cut_point", &Placing::on_cut_point)
      .def_property_readonly("label", &Placing::label);
  py::class_<IndexTableRow>(m, "IndexTableRow")
      .def_property_readonly("unit_code", [](const IndexTableRow& r) { return r.unit.code; })
      .def_property_readonly("unit_name", [](const IndexTableRow& r) { return r.unit.name; })
      .def_readonly("fields", &IndexTableRow::fields)
      .def_readonly("total", &IndexTableRow::total)
      .def_readonly("field_places", &IndexTableRow::field_places)
      .def_readonly("total_place", &IndexTableRow::total_place)
      .def_property_readonly("missing", [](const IndexTableRow& r) {
        std::vector<std::string> out;
        for (const auto& c : r.missing) out.push_back(c.str());
        return out;
      });
  py::class_<IndexTableYear>(m, "IndexTableYear", "One year of a published index table, ranked and grouped.")
      .def_readonly("framework_id", &IndexTableYear::framework_id)
      .def_readonly("year", &IndexTableYear::year)
      .def_readonly("decimals", &IndexTableYear::decimals)
      .def_property_readonly("fields", [](const IndexTableYear& y) {
        std::vector<std::string> out;
        for (const auto& c : y.fields) out.push_back(c.str());
        return out;
      })
      .def_readonly("group_names", &IndexTableYear::group_names)
      .def_readonly("total_cut_points", &IndexTableYear::total_cut_points)
      .def_readonly("rows", &IndexTableYear::rows);

  py::class_<AdministrativeUnit>(m, "AdministrativeUnit")
      .def_readonly("code", &AdministrativeUnit::code)
      .def_readonly("name", &AdministrativeUnit::name)
      .def_readonly("name_en", &AdministrativeUnit::name_en)
      .def_readonly("valid_from", &AdministrativeUnit::valid_from)
      .def_readonly("valid_to", &AdministrativeUnit::valid_to)
      .def_readonly("merged_from", &AdministrativeUnit::merged_from);
  py::class_<UnitRegistry>(m, "UnitRegistry", "Administrative units valid by period, with their mergers.")
      .def_static("load", [](const std::filesystem::path& p) { return load_units(p); }, py::arg("path"), "Loads the document from a file (a str or any path-like); errors name the file and where in it.")
      .def_property_readonly("units", &UnitRegistry::units)
      .def("find", [](const UnitRegistry& r, const std::string& key, const std::string& date) -> std::optional<AdministrativeUnit> {
        const AdministrativeUnit* u = r.find(key, date);
        return u ? std::optional<AdministrativeUnit>(*u) : std::nullopt;
      }, py::arg("code_or_name"), py::arg("date"), "The unit with this code or name in force on the ISO date.");
  py::class_<Movement>(m, "Movement")
      .def_property_readonly("unit_code", [](const Movement& x) { return x.unit.code; })
      .def_property_readonly("unit_name", [](const Movement& x) { return x.unit.name; })
      .def_readonly("total_before", &Movement::total_before)
      .def_readonly("total_after", &Movement::total_after)
      .def_readonly("place_before", &Movement::place_before)
      .def_readonly("place_after", &Movement::place_after)
      .def_readonly("group_before", &Movement::group_before)
      .def_readonly("group_after", &Movement::group_after)
      .def_property_readonly("rank_change", &Movement::rank_change)
      .def_readonly("note", &Movement::note);
  py::class_<MovementTable>(m, "MovementTable")
      .def_readonly("before_year", &MovementTable::before_year)
      .def_readonly("after_year", &MovementTable::after_year)
      .def_readonly("units", &MovementTable::units);
  py::class_<TargetCheck>(m, "TargetCheck")
      .def_readonly("met", &TargetCheck::met)
      .def_readonly("points_short", &TargetCheck::points_short)
      .def_readonly("units_to_pass", &TargetCheck::units_to_pass)
      .def_readonly("explanation", &TargetCheck::explanation);
  m.def("compare_years", [](const IndexTableYear& before, const IndexTableYear& after, const UnitRegistry* units, bool across) {
    return compare(before, after, MovementOptions{units, across});
  }, py::arg("before"), py::arg("after"), py::arg("units") = nullptr, py::arg("across_mergers") = false);
  m.def("check_target", [](const IndexTableYear& y, const std::string& unit, std::optional<int> rank, std::optional<std::string> group) {
    return check(y, unit, RankTarget{rank, group});
  }, py::arg("year"), py::arg("unit"), py::arg("rank") = py::none(), py::arg("group") = py::none());

  py::class_<NodeChange>(m, "NodeChange")
      .def_property_readonly("code_before", [](const NodeChange& n) { return n.code_before.str(); })
      .def_property_readonly("code_after", [](const NodeChange& n) { return n.code_after.str(); })
      .def_readonly("title", &NodeChange::title)
      .def_readonly("max_before", &NodeChange::max_before)
      .def_readonly("max_after", &NodeChange::max_after)
      .def_readonly("achieved_before", &NodeChange::achieved_before)
      .def_readonly("achieved_after", &NodeChange::achieved_after)
      .def_property_readonly("change", &NodeChange::change)
      .def_property_readonly("percent_change", &NodeChange::percent_change);
  py::class_<ScorecardComparison>(m, "ScorecardComparison")
      .def_readonly("nodes", &ScorecardComparison::nodes)
      .def_property_readonly("only_before", [](const ScorecardComparison& c) {
        std::vector<std::string> out;
        for (const auto& x : c.only_before) out.push_back(x.str());
        return out;
      })
      .def_property_readonly("only_after", [](const ScorecardComparison& c) {
        std::vector<std::string> out;
        for (const auto& x : c.only_after) out.push_back(x.str());
        return out;
      })
      .def_readonly("total_before", &ScorecardComparison::total_before)
      .def_readonly("total_after", &ScorecardComparison::total_after)
      .def_readonly("index_before", &ScorecardComparison::index_before)
      .def_readonly("index_after", &ScorecardComparison::index_after);
  m.def("compare", [](const Scorecard& before, const Scorecard& after, const std::map<std::string, std::string>& mapping) {
    CodeMapping m;
    for (const auto& [b, a] : mapping) m[CriterionCode(b)] = CriterionCode(a);
    return compare(before, after, m);
  }, py::arg("before"), py::arg("after"), py::arg("mapping") = std::map<std::string, std::string>{},
        "Compares two scorecards criterion by criterion; mapping pairs before codes with after codes.");

  m.def("read_score_table", [](const std::filesystem::path& path) { return read_score_table(path); }, py::arg("path"),
        "Reads a table of leaf scores (year, unit or province_code, name or province, 1.1 or SC11 ...), CSV or TSV.");
  m.def("score_table_from_text", [](const std::string& text, const std::string& source) { return score_table_from_text(text, source); },
        py::arg("text"), py::arg("source") = "");
  m.def("evaluate_year", [](const Framework& fw, int year, const std::vector<UnitScores>& rows, std::optional<int> tie_decimals,
                            const py::object& groups) {
    IndexTableOptions o;
    o.tie_decimals = tie_decimals;
    o.grouping = groups.is_none() ? Grouping{QuartileGroups{}} : grouping_from(groups);
    return evaluate_year(fw, year, rows, o);
  }, py::arg("framework"), py::arg("year"), py::arg("rows"), py::arg("tie_decimals") = py::none(), py::arg("groups") = py::none(),
        "Evaluates one year of a published table: fields, totals, ranks and groups (PAPI's quartiles by default).");
}

}  // namespace parindex::python
