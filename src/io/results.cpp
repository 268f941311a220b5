// Writing results: scorecards, rankings and gap tables.
#include <nlohmann/json.hpp>

#include "json_writing.hpp"
#include "parindex/io/json.hpp"

namespace parindex {

namespace {

using nlohmann::ordered_json;

std::string schema(const DocumentSchema& s) { return s.tag(); }

using json_detail::dump;
using json_detail::unit_json;

}  // namespace

std::string to_json(const Scorecard& card) {
  ordered_json j;
  j["schema"] = schema(scorecard_schema);
  j["framework"] = card.framework_id;
  j["unit"] = unit_json(card.unit);
  j["year"] = card.year;
  j["rounding"] = {{"mode", to_string(card.rounding.mode)}, {"decimals", card.rounding.decimals}};
  if (card.rounding.mode == RoundingPolicy::Mode::round_at_depth) j["rounding"]["depth"] = card.rounding.depth;
  j["max"] = card.scale_max;
  j["achieved"] = card.scale_achieved;
  j["lost"] = round_half_up(card.lost(), 9);
  j["bonus"] = card.bonus;
  j["penalty"] = card.penalty;
  j["total"] = card.total();
  j["index_percent"] = card.index_percent();
  j["lines"] = ordered_json::array();
  for (const auto& l : card.lines) {
    ordered_json n;
    n["code"] = l.code.str();
    n["title"] = l.title;
    if (!l.title_en.empty()) n["title_en"] = l.title_en;
    n["depth"] = l.depth;
    n["leaf"] = l.leaf;
    n["max"] = l.max_points;
    n["achieved"] = l.achieved;
    n["lost"] = round_half_up(l.lost(), 9);
    if (auto p = l.percent()) n["percent"] = *p;
    else n["percent"] = nullptr;
    n["decided_by"] = to_string(l.decided_by);
    n["explanation"] = l.explanation;
    if (!l.cause.empty()) n["cause"] = l.cause;
    if (!l.lead_agency.empty()) n["lead_agency"] = l.lead_agency;
    if (!l.evidence.empty()) n["evidence"] = l.evidence;
    j["lines"].push_back(std::move(n));
  }
  if (!card.adjustments.empty()) {
    j["adjustments"] = ordered_json::array();
    for (const auto& a : card.adjustments) {
      j["adjustments"].push_back(
          {{"id", a.id}, {"title", a.title}, {"kind", to_string(a.kind)}, {"max", a.max_points}, {"claimed", a.claimed}});
    }
  }
  return dump(j);
}

std::string to_json(const Ranking& r) {
  ordered_json j;
  j["schema"] = schema(ranking_schema);
  j["framework"] = r.framework_id;
  j["year"] = r.year;
  j["units"] = ordered_json::array();
  for (const auto& u : r.units) {
    ordered_json n;
    n["rank"] = u.rank;
    n["of"] = u.of;
    n["label"] = u.rank_label();
    n["unit"] = unit_json(u.unit);
    n["max"] = u.max_points;
    n["total"] = u.total;
    n["index_percent"] = u.index_percent;
    if (!u.group.empty()) n["group"] = u.group;
    j["units"].push_back(std::move(n));
  }
  return dump(j);
}

std::string to_json(const GapTable& g) {
  ordered_json j;
  j["schema"] = schema(gaps_schema);
  j["framework"] = g.framework_id;
  j["unit"] = unit_json(g.unit);
  j["year"] = g.year;
  j["total_lost"] = round_half_up(g.total_lost, 9);
  j["fields"] = ordered_json::array();
  for (const auto& f : g.fields) {
    j["fields"].push_back({{"field", f.field.str()},
                           {"title", f.title},
                           {"max", f.max_points},
                           {"achieved", f.achieved},
                           {"lost", round_half_up(f.lost, 9)},
                           {"criteria_below_max", f.criteria_below_max}});
  }
  j["gaps"] = ordered_json::array();
  for (const auto& x : g.gaps) {
    ordered_json n{{"code", x.code.str()},      {"field", x.field.str()}, {"title", x.title},
                   {"max", x.max_points},       {"achieved", x.achieved}, {"lost", round_half_up(x.lost, 9)}};
    if (!x.cause.empty()) n["cause"] = x.cause;
    if (!x.lead_agency.empty()) n["lead_agency"] = x.lead_agency;
    j["gaps"].push_back(std::move(n));
  }
  return dump(j);
}

}  // namespace parindex
