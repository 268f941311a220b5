// The least-effort search: the total a target needs, then a knapsack over criterion steps.
#include <algorithm>
#include <cmath>
#include <limits>

#include "improvement_model.hpp"
#include "parindex/core/error.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

ImprovementTarget ImprovementTarget::parse(const std::string& text) {
  const auto eq = text.find('=');
  const std::string key = text.substr(0, eq), value = eq == std::string::npos ? "" : text.substr(eq + 1);
  auto fail = [&](const std::string& what) { throw error(error_kind::argument, "target \"" + text + "\"", what); };
  if (eq == std::string::npos || value.empty()) fail("expected rank=K, group=NAME, index=PERCENT or pass=UNIT");
  ImprovementTarget t;
  if (key == "rank") {
    t.kind = Kind::rank;
    std::size_t used = 0;
    try {
      t.rank = std::stoi(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != value.size() || t.rank < 1) fail("a rank is a whole number of at least 1");
  } else if (key == "group") {
    t.kind = Kind::group;
    t.group = value;
  } else if (key == "index") {
    t.kind = Kind::index_percent;
    char* end = nullptr;
    t.index_percent = std::strtod(value.c_str(), &end);
    if (end != value.c_str() + value.size() || !std::isfinite(t.index_percent) || t.index_percent < 0 || t.index_percent > 100) {
      fail("an index is a percentage from 0 to 100");
    }
  } else if (key == "pass") {
    t.kind = Kind::pass_unit;
    t.unit = value;
  } else {
    fail("unknown target \"" + key + "\"; expected rank, group, index or pass");
  }
  return t;
}

std::string ImprovementTarget::str() const {
  switch (kind) {
    case Kind::rank: return "rank=" + std::to_string(rank);
    case Kind::group: return "group=" + group;
    case Kind::index_percent: return "index=" + format_shortest(index_percent);
    case Kind::pass_unit: return "pass=" + unit;
  }
  return "?";
}

Scenario ImprovementPlan::scenario() const {
  Scenario s;
  s.name = unit.code + " " + target.str();
  for (const auto& step : steps) s.changes.push_back(step.change);
  return s;
}

namespace {

// The unit among the others, as a function of its own points: others fixed.
struct Standing {
  std::vector<double> index;  // every unit's index %, the unit's own replaced as asked
  std::size_t self = 0;
  double max = 0, scale_achieved = 0, adjustments = 0;
  int decimals = 2;
  bool rounds_total = true;
  Grouping grouping;

  double total_with(double gained) const {
    double sa = scale_achieved + gained;
    if (rounds_total) sa = round_half_up(sa, decimals);
    return std::max(0.0, sa + adjustments);
  }
  RankedValues ranked(double total) {
    index[self] = max > 0 ? total / max * 100.0 : 0.0;
    return rank_values(index, decimals, grouping);
  }
};

struct TargetCheck {
  ImprovementTarget target;
  int group = -1;            // the target group's index
  std::size_t other = 0;     // the unit to pass
  int decimals = 2;

  bool met(const RankedValues& r, const Standing& s) const {
    switch (target.kind) {
      case ImprovementTarget::Kind::rank: return r.rank[s.self] <= target.rank;
      case ImprovementTarget::Kind::group: return r.group[s.self] >= 0 && r.group[s.self] <= group;
      case ImprovementTarget::Kind::index_percent:
        return round_half_up(s.index[s.self], decimals) >= round_half_up(target.index_percent, decimals);
      case ImprovementTarget::Kind::pass_unit: return r.rank[s.self] < r.rank[other];
    }
    return false;
  }
};

std::size_t unit_index(const BatchResult& batch, const std::string& code, const std::string& what) {
  if (const auto i = batch.find(code)) return *i;
  throw error(error_kind::argument, "improve", what + " " + code + " is not among the assessments");
}

TargetCheck target_check(const ImprovementTarget& target, const BatchResult& batch, std::size_t self,
                         const RankOptions& ranking, int decimals) {
  TargetCheck t{target, -1, 0, decimals};
  if (target.kind == ImprovementTarget::Kind::group) {
    const auto names = group_names(ranking.grouping);
    const auto it = std::find(names.begin(), names.end(), target.group);
    if (it == names.end()) {
      std::string known;
      for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
      throw error(error_kind::argument, "improve, target " + target.str(),
                  names.empty() ? "the ranking has no groups; choose a grouping" : "no such group; the groups are " + known);
    }
    t.group = static_cast<int>(it - names.begin());
  } else if (target.kind == ImprovementTarget::Kind::pass_unit) {
    t.other = unit_index(batch, target.unit, "the unit to pass,");
    if (t.other == self) throw error(error_kind::argument, "improve, target " + target.str(), "a unit cannot pass itself");
  }
  return t;
}

Standing standing(const Framework& framework, const BatchResult& batch, std::size_t self, const ImprovementOptions& o, int decimals) {
  Standing s;
  s.index = batch.scores.index_percent;
  for (const auto& [code, index] : o.others_index_percent) {
    const std::size_t i = unit_index(batch, code, "the unit held at an index %,");
    if (i == self) throw error(error_kind::argument, "improve, unit " + code, "the unit improved cannot be held fixed");
    if (!std::isfinite(index) || index < 0) throw error(error_kind::argument, "improve, unit " + code, "its index % must be a finite number of at least 0");
    s.index[i] = index;
  }
  s.self = self;
  s.max = batch.scores.scale_max[self];
  s.scale_achieved = batch.scores.scale_achieved[self];
  s.adjustments = batch.scores.bonus[self] - batch.scores.penalty[self];
  s.decimals = decimals;
  s.rounds_total = framework.plan().rounds_total();
  s.grouping = o.ranking.grouping;
  return s;
}

// The cost, then the number of steps, of reaching a gain: compared as the search prefers.
// Ties in cost go to fewer steps, then to more points gained (a margin above the need).
struct Best {
  double cost = std::numeric_limits<double>::infinity();
  int steps = 0;
  long long gained = 0;
  bool better_than(const Best& b) const {
    if (!std::isfinite(b.cost)) return std::isfinite(cost);
    const double tolerance = 1e-9 * std::max(1.0, std::fabs(b.cost));
    if (cost < b.cost - tolerance) return true;
    if (cost > b.cost + tolerance) return false;
    return steps != b.steps ? steps < b.steps : gained > b.gained;
  }
};

// Multiple-choice knapsack by dynamic programming over gain units, capped at `need`: the
// cheapest choice of at most one step per criterion whose gains add to at least `need`. States
// below the need are exact sums; the last state holds every sum at or above it.
std::vector<const ImprovementStep*> cheapest(const std::vector<CriterionOptions>& options, long long need, int decimals,
                                             bool rounded) {
  const auto width = static_cast<std::size_t>(need) + 1;
  std::vector<Best> best(width), next;
  best[0] = {0, 0, 0};
  // choice[i][g]: 1 + the step of criterion i that first reached gain g at stage i, or 0.
  std::vector<std::vector<std::uint32_t>> choice(options.size(), std::vector<std::uint32_t>(width, 0));
  std::vector<std::vector<std::uint32_t>> from(options.size(), std::vector<std::uint32_t>(width, 0));
  for (std::size_t i = 0; i < options.size(); ++i) {
    next = best;
    for (std::size_t g = 0; g < width; ++g) {
      if (!std::isfinite(best[g].cost)) continue;
      for (std::size_t k = 0; k < options[i].steps.size(); ++k) {
        const auto& step = options[i].steps[k];
        const auto gain = static_cast<std::size_t>(improvement::grid_units(step.gain, decimals, rounded));
        const std::size_t to = std::min(width - 1, g + gain);
        const Best candidate{best[g].cost + step.cost, best[g].steps + 1, best[g].gained + static_cast<long long>(gain)};
        if (candidate.better_than(next[to])) {
          next[to] = candidate;
          choice[i][to] = static_cast<std::uint32_t>(k + 1);
          from[i][to] = static_cast<std::uint32_t>(g);
        }
      }
    }
    best.swap(next);
  }
  std::vector<const ImprovementStep*> chosen;
  if (!std::isfinite(best[width - 1].cost)) return chosen;
  std::size_t g = width - 1;
  for (std::size_t i = options.size(); i-- > 0;) {
    if (choice[i][g] == 0) continue;
    chosen.push_back(&options[i].steps[choice[i][g] - 1]);
    g = from[i][g];
  }
  std::reverse(chosen.begin(), chosen.end());
  return chosen;
}

// The search's table has a row per step and a column per grid unit of the need: refuse one that
// would take minutes (a four-decimal grid over many survey points, say) rather than hang.
void check_work(const std::vector<CriterionOptions>& criteria, long long need) {
  double steps = 0;
  for (const auto& c : criteria) steps += static_cast<double>(c.steps.size());
  const double work = steps * static_cast<double>(need + 1);
  if (work > 4e8) {
    throw error(error_kind::argument, "improve",
                "the search would weigh " + std::to_string(static_cast<long long>(steps)) + " steps over " +
                    std::to_string(need) + " grid units of points; mark criteria out of reach or cap their points");
  }
}

// Every criterion at its most points, the cheapest way: the closest an unreachable target gets.
std::vector<const ImprovementStep*> everything(const std::vector<CriterionOptions>& options) {
  std::vector<const ImprovementStep*> out;
  for (const auto& c : options) {
    const ImprovementStep* top = &c.steps.front();
    for (const auto& s : c.steps) {
      if (s.new_points > top->new_points || (s.new_points == top->new_points && s.cost < top->cost)) top = &s;
    }
    out.push_back(top);
  }
  return out;
}

void describe_standing(ImprovementPlan& plan, Standing& s, double total, const std::vector<std::string>& names, bool current) {
  const RankedValues r = s.ranked(total);
  const std::string group = r.group[s.self] >= 0 ? names[static_cast<std::size_t>(r.group[s.self])] : "";
  (current ? plan.current_total : plan.total) = total;
  (current ? plan.current_index_percent : plan.index_percent) = s.index[s.self];
  (current ? plan.current_rank : plan.rank) = r.rank[s.self];
  (current ? plan.current_group : plan.group) = group;
}

}  // namespace

std::vector<CriterionOptions> improvement_options(const Framework& framework, std::span<const Assessment> assessments,
                                                  const std::string& unit, const ImprovementOptions& options) {
  improvement::check_framework(framework);
  improvement::check_efforts(framework, options);
  const BatchResult batch = evaluate_many(framework, assessments);
  const std::size_t self = unit_index(batch, unit, "unit");
  return improvement::options_for(framework, batch, self, assessments[self], options);
}

ImprovementPlan improve(const Framework& framework, std::span<const Assessment> assessments, const std::string& unit,
                        const ImprovementOptions& options) {
  improvement::check_framework(framework);
  improvement::check_efforts(framework, options);
  const BatchResult batch = evaluate_many(framework, assessments);
  const std::size_t self = unit_index(batch, unit, "unit");
  const int decimals = options.ranking.tie_decimals.value_or(framework.info().rounding.decimals);
  const TargetCheck target = target_check(options.target, batch, self, options.ranking, decimals);
  const auto criteria = improvement::options_for(framework, batch, self, assessments[self], options);

  const int grid_decimals = framework.info().rounding.decimals;
  const bool rounded = framework.plan().rounds(framework.plan().leaf_node(0));
  const double grid = std::pow(10.0, -grid_decimals);
  long long most = 0;
  for (const auto& c : criteria) {
    long long top = 0;
    for (const auto& s : c.steps) top = std::max(top, improvement::grid_units(s.gain, grid_decimals, rounded));
    most += top;
  }

  Standing s = standing(framework, batch, self, options, decimals);
  const auto names = group_names(options.ranking.grouping);
  auto met_with = [&](long long k) { return target.met(s.ranked(s.total_with(static_cast<double>(k) * grid)), s); };

  ImprovementPlan plan;
  plan.unit = batch.units[self];
  plan.target = options.target;
  plan.max_points = s.max;
  plan.of = static_cast<int>(batch.units.size());
  describe_standing(plan, s, s.total_with(0), names, true);

  std::vector<const ImprovementStep*> chosen;
  plan.reachable = met_with(most);
  if (plan.reachable) {
    long long lo = 0, hi = most;  // the least gain that meets the target: the test is monotone
    while (lo < hi) {
      const long long mid = lo + (hi - lo) / 2;
      if (met_with(mid)) hi = mid; else lo = mid + 1;
    }
    plan.required_total = s.total_with(static_cast<double>(lo) * grid);
    check_work(criteria, lo);
    if (lo > 0) chosen = cheapest(criteria, lo, grid_decimals, rounded);
  } else {
    plan.required_total = std::numeric_limits<double>::quiet_NaN();
    chosen = everything(criteria);
  }
  for (const auto* step : chosen) {
    plan.steps.push_back(*step);
    plan.cost += step->cost;
  }

  // The model is checked against the evaluator: the changed assessments, evaluated afresh.
  const auto changed = apply(framework, plan.scenario(), assessments);
  const BatchResult after = evaluate_many(framework, changed);
  describe_standing(plan, s, after.scores.total[self], names, false);
  if (plan.reachable && !target.met(s.ranked(plan.total), s)) {
    throw error(error_kind::argument, "improve, unit " + unit,
                "internal check failed: the plan's steps give " + format_fixed(plan.total, grid_decimals) +
                    " points, short of the target " + options.target.str());
  }
  return plan;
}

}  // namespace parindex
