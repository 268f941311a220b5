// parindex whatif: scenarios of changed inputs or scores, each unit's move beside the base.
#include <cmath>
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

InputValue input_argument(const std::string& text, const std::string& where) {
  if (!text.empty() && text.front() == '{') return input_from_json(text, where);  // {"occurrences": {...}}, ...
  if (text == "yes" || text == "true") return true;
  if (text == "no" || text == "false") return false;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (!text.empty() && end == text.c_str() + text.size() && std::isfinite(v)) return v;
  return text;  // a level's name
}

// UNIT[,UNIT...]:CODE[=VALUE], with * for every unit.
ScenarioChange change_argument(const Options::Change& c) {
  const std::string flag = "--" + c.kind + " " + c.text;
  const auto colon = c.text.find(':');
  const auto eq = c.text.find('=', colon == std::string::npos ? 0 : colon);
  const bool needs_value = c.kind != "not-applicable";
  if (colon == std::string::npos || colon == 0 || (needs_value && eq == std::string::npos) || (!needs_value && eq != std::string::npos)) {
    throw UsageError(flag + ": expected " + (needs_value ? "UNIT:CODE=VALUE" : "UNIT:CODE") + " (UNIT may be * or a comma-separated list)");
  }
  ScenarioChange change;
  const std::string units = c.text.substr(0, colon);
  for (std::size_t from = 0; units != "*" && from <= units.size();) {
    const auto comma = std::min(units.find(',', from), units.size());
    if (comma == from) throw UsageError(flag + ": an empty unit code");
    change.units.push_back(units.substr(from, comma - from));
    from = comma + 1;
  }
  const std::string code = c.text.substr(colon + 1, (eq == std::string::npos ? c.text.size() : eq) - colon - 1);
  const auto parsed = CriterionCode::parse(code);
  if (!parsed) throw UsageError(flag + ": \"" + code + "\" is not a criterion code");
  change.code = *parsed;
  if (c.kind == "set") {
    change.kind = ScenarioChange::Kind::input;
    change.input = input_argument(c.text.substr(eq + 1), flag);
  } else if (c.kind == "appraise") {
    change.kind = ScenarioChange::Kind::appraised;
    change.points = number_argument(c.text.substr(eq + 1), flag);
  } else {
    change.kind = ScenarioChange::Kind::not_applicable;
  }
  return change;
}

std::vector<Scenario> scenario_arguments(const Options& o) {
  std::vector<Scenario> out;
  for (const auto& c : o.changes) {
    const std::string name = c.scenario.empty() ? "scenario" : c.scenario;
    if (out.empty() || out.back().name != name) out.push_back({name, {}});
    out.back().changes.push_back(change_argument(c));
  }
  return out;
}

Table outcome_table(const std::vector<ScenarioResult>& results, int d) {
  Table t{{"scenario", "unit", "name", "base_total", "total", "total_change", "base_index_percent", "index_percent",
           "base_rank", "rank", "rank_change", "of", "base_group", "group"},
          {false, false, false, true, true, true, true, true, true, true, true, true, false, false},
          {}};
  for (const auto& s : results) {
    for (const auto& u : s.units) {
      const std::string move = u.rank_change() > 0 ? "+" + std::to_string(u.rank_change()) : std::to_string(u.rank_change());
      t.add({s.name, u.unit.code, u.unit.name, format_fixed(u.base_total, d), format_fixed(u.total, d),
             format_fixed(u.total_change(), d), format_fixed(u.base_index_percent, d), format_fixed(u.index_percent, d),
             std::to_string(u.base_rank), std::to_string(u.rank), move, std::to_string(u.of), u.base_group, u.group});
    }
  }
  return t;
}

}  // namespace

int run_whatif(const Options& o) {
  if (o.changes.empty()) throw UsageError("whatif needs at least one --set, --appraise or --not-applicable");
  const Assessed in = assessment_arguments(o);
  const auto scenarios = scenario_arguments(o);
  const auto results = what_if(in.framework, in.assessments, scenarios, rank_options(o));
  if (o.format == Format::json) {
    std::cout << to_json(std::span<const ScenarioResult>(results));
    return 0;
  }
  outcome_table(results, in.framework.info().rounding.decimals).render(std::cout, o.format);
  return 0;
}

}  // namespace parindex::cli
