// Writing decision analytics: improvement plans and what-if scenarios.
#include "json_writing.hpp"
#include "parindex/core/rounding.hpp"
#include "parindex/io/json.hpp"
#include "rule_json.hpp"

namespace parindex {

namespace {

using json_detail::dump;
using json_detail::unit_json;
using nlohmann::ordered_json;

// Figures as the evaluator made them, without binary noise in the last places.
double figure(double v) { return round_half_up(v, 9); }

ordered_json change_json(const ScenarioChange& c) {
  ordered_json j;
  j["units"] = c.units;
  j["code"] = c.code.str();
  j["kind"] = to_string(c.kind);
  if (c.kind == ScenarioChange::Kind::input) j["input"] = json_detail::write_input(c.input);
  if (c.kind == ScenarioChange::Kind::appraised) j["points"] = figure(c.points);
  return j;
}

ordered_json step_json(const ImprovementStep& s) {
  return ordered_json{{"code", s.code.str()},
                      {"criterion", s.title},
                      {"rule", s.rule},
                      {"current_input", s.current_input},
                      {"required_input", s.required_input},
                      {"points", figure(s.current_points)},
                      {"new_points", figure(s.new_points)},
                      {"gain", figure(s.gain)},
                      {"cost", figure(s.cost)},
                      {"lead_agency", s.lead_agency},
                      {"change", change_json(s.change)}};
}

ordered_json standing_json(double total, double index, int rank, const std::string& group) {
  ordered_json j{{"total", figure(total)}, {"index_percent", figure(index)}, {"rank", rank}};
  if (!group.empty()) j["group"] = group;
  return j;
}

}  // namespace

std::string to_json(const ImprovementPlan& p) {
  ordered_json j;
  j["schema"] = improvement_schema.tag();
  j["unit"] = unit_json(p.unit);
  j["target"] = p.target.str();
  j["reachable"] = p.reachable;
  j["max"] = figure(p.max_points);
  j["of"] = p.of;
  j["current"] = standing_json(p.current_total, p.current_index_percent, p.current_rank, p.current_group);
  j["after"] = standing_json(p.total, p.index_percent, p.rank, p.group);
  j["required_total"] = p.reachable ? ordered_json(figure(p.required_total)) : ordered_json(nullptr);
  j["cost"] = figure(p.cost);
  j["steps"] = ordered_json::array();
  for (const auto& s : p.steps) j["steps"].push_back(step_json(s));
  return dump(j);
}

std::string to_json(std::span<const ScenarioResult> scenarios) {
  ordered_json j;
  j["schema"] = whatif_schema.tag();
  j["scenarios"] = ordered_json::array();
  for (const auto& s : scenarios) {
    ordered_json units = ordered_json::array();
    for (const auto& u : s.units) {
      ordered_json row{{"unit", unit_json(u.unit)}, {"of", u.of}};
      row["base"] = standing_json(u.base_total, u.base_index_percent, u.base_rank, u.base_group);
      row["scenario"] = standing_json(u.total, u.index_percent, u.rank, u.group);
      row["total_change"] = figure(u.total_change());
      row["rank_change"] = u.rank_change();
      units.push_back(std::move(row));
    }
    j["scenarios"].push_back({{"name", s.name}, {"units", std::move(units)}});
  }
  return dump(j);
}

std::string to_json(const UncertaintyResult& r) {
  ordered_json j;
  j["schema"] = uncertainty_schema.tag();
  j["draws"] = r.draws;
  j["groups"] = r.groups;
  j["versus"] = r.versus;
  const std::size_t n = r.units.size();
  j["units"] = ordered_json::array();
  for (std::size_t u = 0; u < n; ++u) {
    ordered_json row{{"unit", unit_json(r.units[u])},
                     {"nominal_rank", r.nominal_rank[u]},
                     {"median_rank", r.rank_quantile(u, 0.5)},
                     {"rank_p5", r.rank_quantile(u, 0.05)},
                     {"rank_p95", r.rank_quantile(u, 0.95)},
                     {"mean_rank", figure(r.mean_rank(u))}};
    row["rank_frequency"] = std::vector<std::uint32_t>(r.rank_frequency.begin() + static_cast<std::ptrdiff_t>(u * n),
                                                       r.rank_frequency.begin() + static_cast<std::ptrdiff_t>((u + 1) * n));
    const std::size_t g = r.groups.size(), v = r.versus.size();
    row["group_frequency"] = std::vector<std::uint32_t>(r.group_frequency.begin() + static_cast<std::ptrdiff_t>(u * g),
                                                        r.group_frequency.begin() + static_cast<std::ptrdiff_t>((u + 1) * g));
    row["above"] = std::vector<std::uint32_t>(r.above.begin() + static_cast<std::ptrdiff_t>(u * v),
                                              r.above.begin() + static_cast<std::ptrdiff_t>((u + 1) * v));
    j["units"].push_back(std::move(row));
  }
  j["sensitivity"] = ordered_json::array();
  for (const auto& s : r.sensitivity) {
    j["sensitivity"].push_back({{"factor", s.name}, {"first_order", figure(s.first_order)}, {"total", figure(s.total)}});
  }
  return dump(j);
}

}  // namespace parindex
