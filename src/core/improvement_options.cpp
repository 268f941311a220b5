// The improvements within a unit's reach, criterion by criterion, derived from each rule.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "improvement_model.hpp"
#include "parindex/core/batch.hpp"
#include "parindex/core/error.hpp"
#include "parindex/core/evaluation_plan.hpp"
#include "parindex/core/overloaded.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

namespace {

// One input (or appraised score) that would give the leaf more points.
struct Candidate {
  ScenarioChange change;
  std::string required;
  int steps = 1;  // bands, levels or occurrences climbed; 1 for an amount
};

struct Leaf {
  const Framework& framework;
  const Criterion& criterion;
  std::size_t node = 0;
  double max = 0;
  double current = 0;  // points now, as the framework rounds them
  const CriterionEntry* entry = nullptr;
  CriterionEffort effort;
  std::string unit;
  bool rounds = true;
  int decimals = 2;

  const std::optional<InputValue>& input() const {
    static const std::optional<InputValue> none;
    return entry ? entry->value : none;
  }
  double cap() const { return std::min(max, effort.max_points.value_or(max)); }
  // As the kernel scores it: rounded, never above the max.
  double round(double p) const { return std::min(rounds ? round_half_up(p, decimals) : p, max); }
  ScenarioChange input_change(InputValue v) const {
    ScenarioChange c;
    c.units = {unit};
    c.code = criterion.code;
    c.kind = ScenarioChange::Kind::input;
    c.input = std::move(v);
    return c;
  }
  // Points for an input, or NaN where the rule cannot read it.
  double points(const InputValue& v) const {
    const ScoringRule& rule = *criterion.rule;
    std::vector<double> slots(rule.slot_count(), std::numeric_limits<double>::quiet_NaN());
    try {
      rule.encode(max, v, slots.data(), 1, criterion.code.str());
    } catch (const error&) {
      return std::numeric_limits<double>::quiet_NaN();
    }
    return round(rule.points(max, slots.data(), 1));
  }
};

std::optional<double> number(const std::optional<InputValue>& v) {
  if (v) {
    if (const double* d = std::get_if<double>(&*v)) return *d;
    if (const Progress* p = std::get_if<Progress>(&*v)) return p->actual;
  }
  return std::nullopt;
}

// The smallest value in [lo, hi] whose points reach `wanted`, written with as few decimals as
// give the same points; none when even `hi` falls short.
std::optional<double> least_input(const std::function<double(double)>& points, double lo, double hi, double wanted) {
  const double top = hi;
  if (!(points(hi) >= wanted)) return std::nullopt;
  for (int i = 0; i < 64 && hi - lo > 1e-12 * std::max(1.0, std::fabs(hi)); ++i) {
    const double mid = lo + (hi - lo) / 2;
    (points(mid) >= wanted ? hi : lo) = mid;
  }
  const double reached = points(hi);
  for (int d = 0; d <= 6; ++d) {
    const double scale = std::pow(10.0, d);
    const double v = std::ceil(hi * scale - 1e-9) / scale;
    if (v <= top && points(v) == reached) return v;
  }
  return hi;
}

// Amounts: one candidate per grid step of points, the least input that reaches it.
void amounts(const Leaf& leaf, double lo, double hi, const std::function<InputValue(double)>& make,
             const std::string& unit, std::vector<Candidate>& out) {
  const double grid = std::pow(10.0, -leaf.decimals);
  const auto points = [&](double v) { return leaf.points(make(v)); };
  const auto most = static_cast<long long>(std::floor((leaf.cap() - leaf.current) / grid + 1e-6));
  double reached = leaf.current;
  for (long long k = 1; k <= most; ++k) {
    const double wanted = leaf.current + static_cast<double>(k) * grid;
    if (wanted <= reached + grid * 1e-6) continue;  // the last amount already gave this much
    const auto v = least_input(points, lo, hi, wanted - grid * 1e-6);
    if (!v) break;
    reached = points(*v);
    out.push_back({leaf.input_change(make(*v)), "≥ " + format_shortest(*v) + unit, 1});
  }
}

void appraised_amounts(const Leaf& leaf, std::vector<Candidate>& out) {
  const double grid = std::pow(10.0, -leaf.decimals);
  const auto steps = static_cast<long long>(std::floor((leaf.cap() - leaf.current) / grid + 1e-6));
  for (long long k = 1; k <= steps; ++k) {
    ScenarioChange c = leaf.input_change(0.0);
    c.kind = ScenarioChange::Kind::appraised;
    c.points = leaf.round(leaf.current + static_cast<double>(k) * grid);
    out.push_back({c, "appraised " + format_fixed(c.points, leaf.decimals) + " points", 1});
  }
}

double band_value(const rules::Interval& range, std::optional<double> cap) {
  if (range.lower_inclusive) return range.lower;
  for (int d = 0; d <= 6; ++d) {
    const double v = range.lower + std::pow(10.0, -d);
    if (range.contains(v) && (!cap || v <= *cap)) return v;
  }
  return range.lower + (range.upper - range.lower) / 2;
}

bool band_reachable(const rules::Interval& range, std::optional<double> cap) {
  return !cap || range.lower < *cap || (range.lower == *cap && range.lower_inclusive);
}

void deductions(const Leaf& leaf, const rules::Deduction& rule, std::vector<Candidate>& out) {
  const OccurrenceCounts* now = leaf.input() ? std::get_if<OccurrenceCounts>(&*leaf.input()) : nullptr;
  if (!now) {
    out.push_back({leaf.input_change(OccurrenceCounts{}), "no occurrences", 1});
    return;
  }
  std::vector<long long> have;
  for (const auto& s : rule.severities) {
    auto it = now->find(s.name);
    have.push_back(it == now->end() ? 0 : it->second);
  }
  // Every count vector at or below the current one, while there are few enough to list.
  long long combinations = 1;
  for (auto h : have) combinations = std::min<long long>(1 << 20, combinations * (h + 1));
  if (combinations > 4096) std::fill(have.begin(), have.end(), 0);  // then only "none left"
  std::vector<long long> counts(have.size(), 0);
  for (;;) {
    OccurrenceCounts c;
    long long removed = 0;
    for (std::size_t k = 0; k < have.size(); ++k) {
      if (counts[k] > 0) c[rule.severities[k].name] = counts[k];
      auto it = now->find(rule.severities[k].name);
      removed += (it == now->end() ? 0 : it->second) - counts[k];
    }
    if (removed > 0) out.push_back({leaf.input_change(c), describe(InputValue{c}), static_cast<int>(std::min<long long>(removed, 1 << 30))});
    std::size_t k = 0;
    while (k < have.size() && counts[k] == have[k]) counts[k++] = 0;
    if (k == have.size()) break;
    ++counts[k];
  }
}

std::vector<Candidate> candidates(const Leaf& leaf) {
  std::vector<Candidate> out;
  const auto& c = leaf.criterion;
  if (!c.rule) {
    appraised_amounts(leaf, out);
    return out;
  }
  const auto cap = leaf.effort.max_input;
  std::visit(overloaded{
                 [&](const rules::YesNo&) { out.push_back({leaf.input_change(true), "yes", 1}); },
                 [&](const rules::Bands& r) {
                   for (const auto& band : r.bands) {
                     if (!band_reachable(band.range, cap)) continue;
                     out.push_back({leaf.input_change(band_value(band.range, cap)), band.range.str(r.unit), 1});
                   }
                 },
                 [&](const rules::Graded& r) {
                   for (const auto& level : r.levels) out.push_back({leaf.input_change(level.name), level.name, 1});
                 },
                 [&](const rules::Proportional& r) {
                   const Progress* p = leaf.input() ? std::get_if<Progress>(&*leaf.input()) : nullptr;
                   if (!r.target && !p) return;  // the unit's own target is unknown
                   const double target = p ? p->target : *r.target;
                   const double lo = number(leaf.input()).value_or(0.0);
                   const double hi = std::max(lo, std::min(target, cap.value_or(target)));
                   auto make = [&](double v) { return p ? InputValue{Progress{v, target}} : InputValue{v}; };
                   amounts(leaf, lo, hi, make, r.unit.empty() ? " of " + format_shortest(target) : r.unit, out);
                 },
                 [&](const rules::Linear& r) {
                   const double lo = std::max(r.lower, number(leaf.input()).value_or(r.lower));
                   const double hi = std::max(lo, std::min(r.upper, cap.value_or(r.upper)));
                   amounts(leaf, lo, hi, [](double v) { return InputValue{v}; }, r.unit, out);
                 },
                 [&](const rules::Deduction& r) { deductions(leaf, r, out); },
                 [&](const rules::Comparison&) {
                   const PeriodComparison* now = leaf.input() ? std::get_if<PeriodComparison>(&*leaf.input()) : nullptr;
                   const double previous = now ? now->previous : 0.0;
                   const std::string was = now ? " (" + format_shortest(previous) + ")" : "";
                   out.push_back({leaf.input_change(PeriodComparison{previous, previous}), "the same as the previous period" + was, 1});
                   out.push_back({leaf.input_change(PeriodComparison{previous + 1, previous}), "more than the previous period" + was, 1});
                 },
                 [&](const rules::SurveyIndex&) {
                   const double lo = number(leaf.input()).value_or(0.0);
                   amounts(leaf, lo, std::max(lo, std::min(100.0, cap.value_or(100.0))), [](double v) { return InputValue{v}; }, "%", out);
                 },
                 [&](const rules::Manual&) { appraised_amounts(leaf, out); },
             },
             c.rule->variant());
  return out;
}

// The steps a candidate climbs: distinct point levels passed for bands and levels.
int levels_climbed(const Leaf& leaf, double to) {
  std::vector<double> levels;
  if (const auto* b = leaf.criterion.rule ? std::get_if<rules::Bands>(&leaf.criterion.rule->variant()) : nullptr) {
    for (const auto& band : b->bands) levels.push_back(leaf.round(band.points));
  } else if (const auto* g = leaf.criterion.rule ? std::get_if<rules::Graded>(&leaf.criterion.rule->variant()) : nullptr) {
    for (const auto& level : g->levels) levels.push_back(leaf.round(leaf.max * level.share));
  } else {
    return 0;
  }
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  return static_cast<int>(std::count_if(levels.begin(), levels.end(), [&](double p) { return p > leaf.current && p <= to; }));
}

ImprovementStep make_step(const Leaf& leaf, const Candidate& c, double points) {
  ImprovementStep s;
  s.code = leaf.criterion.code;
  s.title = leaf.criterion.title;
  s.rule = leaf.criterion.rule && c.change.kind == ScenarioChange::Kind::input ? leaf.criterion.rule->kind() : "appraised";
  if (leaf.input()) s.current_input = describe(*leaf.input());
  s.required_input = c.required;
  s.current_points = leaf.current;
  s.new_points = points;
  s.gain = points - leaf.current;
  const int climbed = levels_climbed(leaf, points);
  const int steps = climbed > 0 ? climbed : c.steps;
  s.cost = leaf.effort.cost_per_point * s.gain + leaf.effort.cost_per_step * steps;
  s.lead_agency = leaf.framework.lead_agency_of(leaf.node);
  s.change = c.change;
  return s;
}

std::vector<ImprovementStep> steps_of(const Leaf& leaf) {
  std::vector<ImprovementStep> out;
  for (const auto& c : candidates(leaf)) {
    const double p = c.change.kind == ScenarioChange::Kind::appraised ? c.change.points : leaf.points(c.change.input);
    if (!(p > leaf.current) || p > leaf.cap() + 1e-9) continue;
    if (improvement::grid_units(p - leaf.current, leaf.decimals, leaf.rounds) < 1) continue;
    out.push_back(make_step(leaf, c, p));
  }
  // Cheapest first within equal points, so the search keeps the cheaper of two equal routes.
  std::stable_sort(out.begin(), out.end(), [](const ImprovementStep& a, const ImprovementStep& b) {
    return a.new_points != b.new_points ? a.new_points < b.new_points : a.cost < b.cost;
  });
  return out;
}

}  // namespace

namespace improvement {

long long grid_units(double gain, int decimals, bool rounded) {
  const double scaled = gain * std::pow(10.0, decimals);
  return rounded ? std::llround(scaled) : static_cast<long long>(std::floor(scaled + 1e-9));
}

void check_framework(const Framework& framework) {
  const auto& info = framework.info();
  if (!framework.plan().parents_hold_their_children()) {
    throw error(error_kind::argument, "improve, framework " + framework.id(),
                "some criterion's children's maxima add to more than its own, so its points are capped and the total "
                "is not the sum of the leaves the search needs");
  }
  if (info.aggregation != Aggregation::sum || info.rounding.mode == RoundingPolicy::Mode::round_at_depth) {
    throw error(error_kind::argument, "improve, framework " + framework.id(),
                "the search needs a total that is the sum of the leaves' points, rounded at the leaves or not at all; "
                "this framework aggregates by " + std::string(to_string(info.aggregation)) + " and rounds " +
                    to_string(info.rounding.mode));
  }
}

CriterionEffort effort_for(const Framework& framework, std::size_t node, const ImprovementOptions& options) {
  for (std::optional<std::size_t> at = node; at; at = framework.parent_of(*at)) {
    for (const auto& e : options.efforts) {
      if (e.code == framework.criteria()[*at].code) return e;
    }
  }
  CriterionEffort e;
  e.code = framework.criteria()[node].code;
  e.cost_per_point = options.cost_per_point;
  e.cost_per_step = options.cost_per_step;
  return e;
}

void check_efforts(const Framework& framework, const ImprovementOptions& options) {
  auto bad = [](double v) { return !std::isfinite(v) || v < 0; };
  if (bad(options.cost_per_point) || bad(options.cost_per_step)) {
    throw error(error_kind::argument, "improve", "costs must be finite numbers of at least 0");
  }
  for (const auto& e : options.efforts) {
    const std::string where = "improve, effort for " + e.code.str();
    if (!framework.find(e.code)) throw error(error_kind::argument, where, "no such criterion in " + framework.id());
    if (bad(e.cost_per_point) || bad(e.cost_per_step)) throw error(error_kind::argument, where, "costs must be finite numbers of at least 0");
    if ((e.max_input && !std::isfinite(*e.max_input)) || (e.max_points && bad(*e.max_points))) {
      throw error(error_kind::argument, where, "a ceiling must be a finite number (points at least 0)");
    }
  }
}

std::vector<CriterionOptions> options_for(const Framework& framework, const BatchResult& batch, std::size_t unit,
                                          const Assessment& assessment, const ImprovementOptions& options) {
  const auto& plan = framework.plan();
  std::vector<CriterionOptions> out;
  for (std::size_t leaf = 0; leaf < plan.leaf_count(); ++leaf) {
    const std::size_t node = plan.leaf_node(leaf);
    const Criterion& c = framework.criteria()[node];
    if (batch.scores.decision_at(unit, node) == Decision::not_applicable) continue;
    const CriterionEffort effort = effort_for(framework, node, options);
    if (effort.out_of_reach || (c.source == PointSource::survey && !options.survey_criteria)) continue;
    auto entry = assessment.entries.find(c.code);
    const Leaf l{framework, c, node, plan.max_points(node), batch.scores.achieved_at(unit, node),
                 entry == assessment.entries.end() ? nullptr : &entry->second, effort, assessment.unit.code,
                 plan.rounds(node), plan.rounding().decimals};
    auto steps = steps_of(l);
    if (!steps.empty()) out.push_back({c.code, std::move(steps)});
  }
  return out;
}

}  // namespace improvement

}  // namespace parindex
