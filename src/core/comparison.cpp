#include "parindex/core/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "parindex/core/error.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

std::optional<double> NodeChange::change() const {
  if (!achieved_before || !achieved_after) return std::nullopt;
  return *achieved_after - *achieved_before;
}

std::optional<double> NodeChange::percent_change() const {
  if (!achieved_before || !achieved_after || !max_before || !max_after || *max_before <= 0 || *max_after <= 0) return std::nullopt;
  return *achieved_after / *max_after * 100 - *achieved_before / *max_before * 100;
}

std::optional<int> Movement::rank_change() const {
  if (!place_before || !place_after) return std::nullopt;
  return place_before->rank - place_after->rank;
}

ScorecardComparison compare(const Scorecard& before, const Scorecard& after, const CodeMapping& mapping) {
  ScorecardComparison c;
  c.before_unit = before.unit;
  c.after_unit = after.unit;
  c.before_year = before.year;
  c.after_year = after.year;
  std::map<CriterionCode, const ScoreLine*> by_after_code;
  for (const auto& l : before.lines) {
    auto m = mapping.find(l.code);
    const CriterionCode target = m == mapping.end() ? l.code : m->second;
    if (!by_after_code.emplace(target, &l).second) {
      throw error(error_kind::argument, "compare, criterion " + target.str(),
                  "two criteria before (" + by_after_code[target]->code.str() + ", " + l.code.str() + ") correspond to it; "
                  "map each one once");
    }
  }
  std::set<CriterionCode> matched;
  for (const auto& l : after.lines) {
    auto it = by_after_code.find(l.code);
    if (it == by_after_code.end()) {
      c.only_after.push_back(l.code);
      continue;
    }
    const ScoreLine& b = *it->second;
    matched.insert(b.code);
    NodeChange n{b.code, l.code, l.title, b.max_points, l.max_points, b.achieved, l.achieved};
    c.nodes.push_back(std::move(n));
  }
  for (const auto& l : before.lines) {
    if (!matched.count(l.code)) c.only_before.push_back(l.code);
  }
  c.total_before = before.total();
  c.total_after = after.total();
  c.index_before = before.index_percent();
  c.index_after = after.index_percent();
  return c;
}

namespace {

std::string year_end(int year) { return std::to_string(year) + "-12-31"; }

// The registry's identity of a table row in a year: by code, else by name.
const AdministrativeUnit* identify(const UnitRegistry& r, const UnitRef& unit, int year) {
  if (auto* u = r.find(unit.code, year_end(year))) return u;
  return r.find(unit.name, year_end(year));
}

// Units of `before` that ceased before `after` and what became of them.
void check_mergers(const IndexTableYear& before, const IndexTableYear& after, const MovementOptions& o,
                   std::map<std::string, std::string>& merged_into) {
  std::string ceased;
  std::size_t count = 0;
  for (const auto& row : before.rows) {
    const AdministrativeUnit* u = identify(*o.registry, row.unit, before.year);
    if (!u || u->valid_on(year_end(after.year))) continue;
    const AdministrativeUnit* next = o.registry->successor(*u, year_end(after.year));
    ceased += (count++ ? "; " : "") + u->name + " (" + u->code + ") ceased on " + u->valid_to.value_or("?") +
              (next ? ", merged into " + next->name + " (" + next->code + ")" : "");
    merged_into[row.unit.code] = next ? next->code : "";
  }
  if (count && !o.across_mergers) {
    throw error(error_kind::argument, "compare " + std::to_string(before.year) + " → " + std::to_string(after.year),
                std::to_string(count) + " unit(s) changed between the years: " + ceased +
                    ". A comparison across the reorganisation needs the mapping: ask for it explicitly (across "
                    "mergers), and each old unit is shown beside the unit it merged into");
  }
}

}  // namespace

MovementTable compare(const IndexTableYear& before, const IndexTableYear& after, const MovementOptions& o) {
  MovementTable t;
  t.before_year = before.year;
  t.after_year = after.year;
  std::map<std::string, std::string> merged_into;  // before code → after code
  if (o.registry) check_mergers(before, after, o, merged_into);
  auto key_after = [&](const UnitRef& u) -> std::string {
    if (!o.registry) return u.code;
    const AdministrativeUnit* a = identify(*o.registry, u, after.year);
    return a ? a->code : u.code;
  };
  std::map<std::string, const IndexTableRow*> after_rows;
  for (const auto& r : after.rows) after_rows[key_after(r.unit)] = &r;
  auto group_of = [](const IndexTableYear& y, const std::optional<Placing>& p) {
    return p && p->group >= 0 ? y.group_names[static_cast<std::size_t>(p->group)] : std::string();
  };
  std::set<const IndexTableRow*> used;
  for (const auto& b : before.rows) {
    Movement m;
    m.unit = b.unit;
    m.total_before = b.total;
    m.place_before = b.total_place;
    m.group_before = group_of(before, b.total_place);
    std::string key = o.registry ? key_after(b.unit) : b.unit.code;
    if (auto it = merged_into.find(b.unit.code); it != merged_into.end()) {
      key = it->second;
      m.note = "merged into " + key;
    }
    if (auto it = after_rows.find(key); it != after_rows.end()) {
      m.total_after = it->second->total;
      m.place_after = it->second->total_place;
      m.group_after = group_of(after, it->second->total_place);
      used.insert(it->second);
    } else if (m.note.empty()) {
      m.note = "not in " + std::to_string(after.year);
    }
    t.units.push_back(std::move(m));
  }
  for (const auto& a : after.rows) {
    if (used.count(&a)) continue;
    Movement m;
    m.unit = a.unit;
    m.total_after = a.total;
    m.place_after = a.total_place;
    m.group_after = group_of(after, a.total_place);
    m.note = "not in " + std::to_string(before.year);
    t.units.push_back(std::move(m));
  }
  std::stable_sort(t.units.begin(), t.units.end(), [](const Movement& x, const Movement& y) {
    if (x.place_after.has_value() != y.place_after.has_value()) return x.place_after.has_value();
    return x.place_after && x.place_after->rank < y.place_after->rank;
  });
  return t;
}

TargetCheck check(const IndexTableYear& y, const std::string& unit_code, const RankTarget& target) {
  const std::string where = "target for " + unit_code + " in " + std::to_string(y.year);
  auto me = std::find_if(y.rows.begin(), y.rows.end(), [&](const IndexTableRow& r) { return r.unit.code == unit_code; });
  if (me == y.rows.end() || !me->total) throw error(error_kind::argument, where, "the unit has no total that year");
  const double mine = *me->total;
  // The total to reach, and how it is named.
  double bar = 0;
  std::string named;
  if (target.rank_at_most) {
    const int k = *target.rank_at_most;
    if (k < 1) throw error(error_kind::argument, where, "a target rank is at least 1");
    auto at = std::find_if(y.rows.begin(), y.rows.end(), [&](const IndexTableRow& r) { return r.total_place && r.total_place->rank >= k; });
    bar = at == y.rows.end() ? mine : *at->total;
    named = "rank " + std::to_string(k) + " (" + format_fixed(bar, y.decimals) + ")";
  } else if (target.group_or_better) {
    auto g = std::find(y.group_names.begin(), y.group_names.end(), *target.group_or_better);
    if (g == y.group_names.end()) throw error(error_kind::argument, where, "\"" + *target.group_or_better + "\" is not one of the table's groups");
    const auto index = static_cast<std::size_t>(g - y.group_names.begin());
    if (index >= y.total_cut_points.size()) {
      bar = -std::numeric_limits<double>::infinity();  // the lowest group: every unit is in it or better
    } else {
      bar = y.total_cut_points[index];
    }
    named = "the " + *g + " boundary" + (std::isfinite(bar) ? " " + format_fixed(bar, y.decimals) : "");
  } else {
    throw error(error_kind::argument, where, "state a rank or a group");
  }
  TargetCheck c;
  c.met = round_half_up(mine, y.decimals) >= round_half_up(bar, y.decimals);
  c.points_short = c.met ? 0.0 : bar - mine;
  for (const auto& r : y.rows) {
    if (r.total && *r.total > mine && round_half_up(*r.total, y.decimals) <= round_half_up(bar, y.decimals) && !c.met) ++c.units_to_pass;
  }
  c.explanation = c.met ? "met: " + format_fixed(mine, y.decimals) + " reaches " + named
                        : format_fixed(*c.points_short, y.decimals) + " points below " + named + "; " +
                              std::to_string(c.units_to_pass) + " units to pass";
  return c;
}

}  // namespace parindex
