// The evaluation kernel against an independent, recursive evaluator written from the rules'
// definitions, over thousands of random frameworks; and the aggregation methods by hand.
#include <cmath>
#include <random>

#include "parindex/core/batch.hpp"
#include "parindex/core/ranking.hpp"
#include "parindex/core/rounding.hpp"
#include "parindex/core/scorecard.hpp"
#include "parindex/io/json.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

// ---- random frameworks and assessments ----------------------------------------------------

struct Random {
  std::mt19937_64 engine;
  explicit Random(std::uint64_t seed) : engine(seed) {}
  int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine); }
  double real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine); }
  bool chance(double p) { return real(0, 1) < p; }
  // A number with at most `decimals` places, as published figures have.
  double decimal(double lo, double hi, int decimals) { return round_half_up(real(lo, hi), decimals); }
};

ScoringRule random_rule(Random& r, double max) {
  switch (r.integer(0, 8)) {
    case 0: return rules::YesNo{};
    case 1: {
      rules::Bands b;
      double share = r.decimal(0, 0.5, 2);
      b.bands = {{{0, 50, true, false}, 0},
                 {{50, 80, true, false}, round_half_up(max * share, 4)},
                 {{80, 100, true, true}, max}};
      b.unit = "%";
      return b;
    }
    case 2: return rules::Proportional{r.chance(0.5) ? std::optional<double>(r.decimal(1, 10, 1)) : std::nullopt, ""};
    case 3: return rules::Linear{r.decimal(0, 40, 1), r.decimal(50, 100, 1), "%"};
    case 4: return rules::Graded{{{"tốt", 1}, {"khá", r.decimal(0.3, 0.9, 2)}, {"đạt", r.decimal(0, 0.3, 2)}}};
    case 5: return rules::Deduction{{{"nhẹ", round_half_up(max / r.integer(2, 6), 4)}, {"nặng", max}}};
    case 6: return rules::Comparison{1, r.decimal(0, 1, 2), 0};
    case 7: return rules::SurveyIndex{};
    default: return rules::Manual{};
  }
}

InputValue random_input(Random& r, const ScoringRule& rule, double max) {
  return std::visit(
      [&](const auto& k) -> InputValue {
        using K = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<K, rules::YesNo>) return r.chance(0.5);
        else if constexpr (std::is_same_v<K, rules::Bands>) return r.decimal(0, 100, 2);
        else if constexpr (std::is_same_v<K, rules::Proportional>) {
          if (k.target && r.chance(0.6)) return r.decimal(0, 12, 2);
          return Progress{r.decimal(0, 8, 1), r.decimal(1, 8, 0)};
        } else if constexpr (std::is_same_v<K, rules::Linear>) return r.decimal(0, 110, 2);
        else if constexpr (std::is_same_v<K, rules::Graded>) return k.levels[static_cast<std::size_t>(r.integer(0, 2))].name;
        else if constexpr (std::is_same_v<K, rules::Deduction>) {
          OccurrenceCounts c;
          if (r.chance(0.7)) c["nhẹ"] = r.integer(0, 4);
          if (r.chance(0.2)) c["nặng"] = r.integer(0, 1);
          return c;
        } else if constexpr (std::is_same_v<K, rules::Comparison>) {
          return PeriodComparison{static_cast<double>(r.integer(0, 3)), static_cast<double>(r.integer(0, 3))};
        } else if constexpr (std::is_same_v<K, rules::SurveyIndex>) return r.decimal(0, 100, 2);
        else return r.decimal(0, max, 2);
      },
      rule.variant());
}

// Adds children under `parent` down to `levels` more levels; returns the parent's maximum.
double grow(Random& r, std::vector<Criterion>& out, const std::string& code, int levels, Aggregation method) {
  Criterion c;
  c.code = CriterionCode(code);
  c.title = "Tiêu chí " + code;
  c.weight = (method == Aggregation::weighted_sum || method == Aggregation::weighted_mean) ? r.decimal(0.5, 3, 1) : 1;
  const std::size_t self = out.size();
  out.push_back(c);
  const int children = levels > 0 && r.chance(0.75) ? r.integer(1, 4) : 0;
  if (children == 0) {
    out[self].max_points = r.decimal(0.25, 5, 2);
    if (r.chance(0.8)) out[self].rule = random_rule(r, out[self].max_points);
    if (r.chance(0.2)) out[self].evidence = "Báo cáo";
    return out[self].max_points;
  }
  std::vector<double> maxima, weights;
  for (int k = 1; k <= children; ++k) {
    const std::size_t at = out.size();
    maxima.push_back(grow(r, out, code + "." + std::to_string(k), levels - 1, method));
    weights.push_back(out[at].weight);
  }
  out[self].max_points = aggregate_max(method, maxima, weights);
  return out[self].max_points;
}

Framework random_framework(Random& r) {
  FrameworkInfo info;
  info.id = "random";
  info.name = "Khung ngẫu nhiên";
  info.period = {2024, std::nullopt};
  info.legal_source = "invented for a property test";
  info.aggregation = static_cast<Aggregation>(r.integer(0, 3));
  const int mode = r.integer(0, 2);
  info.rounding.mode = static_cast<RoundingPolicy::Mode>(mode);
  info.rounding.decimals = r.integer(0, 4);
  info.rounding.depth = r.integer(1, 3);
  info.bonus_cap = r.chance(0.5) ? r.decimal(0, 3, 1) : 0;
  info.penalty_cap = r.chance(0.5) ? r.decimal(0, 3, 1) : 0;
  std::vector<Criterion> criteria;
  const int fields = r.integer(1, 6);
  for (int f = 1; f <= fields; ++f) grow(r, criteria, std::to_string(f), r.integer(0, 3), info.aggregation);
  std::vector<Adjustment> adjustments;
  if (r.chance(0.5)) adjustments.push_back({"sang-kien", "Sáng kiến", Adjustment::Kind::bonus, 2});
  if (r.chance(0.5)) adjustments.push_back({"ky-luat", "Kỷ luật", Adjustment::Kind::penalty, 3});
  return Framework(info, std::move(criteria), std::move(adjustments));
}

Assessment random_assessment(Random& r, const Framework& fw, int unit) {
  Assessment a;
  a.framework_id = fw.id();
  a.unit = {"u" + std::to_string(unit), "Đơn vị " + std::to_string(unit), "commune"};
  a.year = 2024;
  for (std::size_t i = 0; i < fw.criteria().size(); ++i) {
    const auto& c = fw.criteria()[i];
    if (r.chance(0.05)) {
      a.entries[c.code].not_applicable = true;
      continue;
    }
    if (!fw.is_leaf(i)) continue;
    CriterionEntry e;
    if (c.rule && r.chance(0.8)) e.value = random_input(r, *c.rule, c.max_points);
    if (r.chance(0.2) || (!e.value && r.chance(0.5))) e.appraised_score = r.decimal(0, c.max_points, 2);
    if (!e.value && !e.appraised_score) e.self_score = r.decimal(0, c.max_points, 2);
    if (r.chance(0.5)) e.evidence = {"QĐ số 1"};
    a.entries[c.code] = e;
  }
  for (const auto& adj : fw.adjustments()) {
    if (r.chance(0.6)) a.adjustments[adj.id] = r.decimal(0, adj.max_points, 2);
  }
  return a;
}

// ---- the reference: a recursive evaluator written from the definitions -------------------
// It shares nothing with the kernel but the framework's data: its own rule arithmetic, its own
// rounding choice, its own aggregation.

// A rule's points, from docs/documents.md's table of rules.
double reference_points(const ScoringRule& rule, double max, const InputValue& input) {
  const auto& r = rule.variant();
  if (std::holds_alternative<rules::YesNo>(r)) return std::get<bool>(input) ? max : 0.0;
  if (auto* b = std::get_if<rules::Bands>(&r)) {
    for (const auto& band : b->bands) {
      const double v = std::get<double>(input);
      const bool lower = band.range.lower_inclusive ? v >= band.range.lower : v > band.range.lower;
      const bool upper = band.range.upper_inclusive ? v <= band.range.upper : v < band.range.upper;
      if (lower && upper) return band.points;
    }
    ADD_FAILURE() << "no band";
    return 0;
  }
  if (auto* p = std::get_if<rules::Proportional>(&r)) {
    double v = 0, target = 0;
    if (auto* progress = std::get_if<Progress>(&input)) {
      v = progress->actual;
      target = progress->target;
    } else {
      v = std::get<double>(input);
      target = *p->target;
    }
    return std::min(max, max * v / target);
  }
  if (auto* l = std::get_if<rules::Linear>(&r)) {
    return max * std::clamp((std::get<double>(input) - l->lower) / (l->upper - l->lower), 0.0, 1.0);
  }
  if (auto* g = std::get_if<rules::Graded>(&r)) {
    for (const auto& level : g->levels) {
      if (level.name == std::get<std::string>(input)) return max * level.share;
    }
    ADD_FAILURE() << "no level";
    return 0;
  }
  if (auto* d = std::get_if<rules::Deduction>(&r)) {
    const auto& counts = std::get<OccurrenceCounts>(input);
    double deducted = 0;
    for (const auto& s : d->severities) {  // in the rule's order
      auto it = counts.find(s.name);
      deducted += static_cast<double>(it == counts.end() ? 0 : it->second) * s.points;
    }
    return std::max(0.0, max - deducted);
  }
  if (auto* c = std::get_if<rules::Comparison>(&r)) {
    const auto& pc = std::get<PeriodComparison>(input);
    return max * (pc.current > pc.previous ? c->increase_share : pc.current == pc.previous ? c->same_share : c->decrease_share);
  }
  if (std::holds_alternative<rules::SurveyIndex>(r)) return max * std::get<double>(input) / 100.0;
  return std::get<double>(input);  // manual
}

struct Reference {
  const Framework& fw;
  const Assessment& a;
  std::vector<double> achieved, max;
  std::vector<bool> dropped, intact;  // intact: nothing in the subtree dropped
  std::vector<Decision> how;

  const CriterionEntry* entry(std::size_t i) const {
    auto it = a.entries.find(fw.criteria()[i].code);
    return it == a.entries.end() ? nullptr : &it->second;
  }

  bool rounds(std::size_t depth) const {
    const auto& policy = fw.info().rounding;
    if (policy.mode == RoundingPolicy::Mode::round_leaves) return true;
    if (policy.mode == RoundingPolicy::Mode::exact) return false;
    return static_cast<int>(depth) <= policy.depth;
  }

  void node(std::size_t i, bool parent_dropped) {
    const auto& c = fw.criteria()[i];
    const CriterionEntry* e = entry(i);
    dropped[i] = parent_dropped || (e && e->not_applicable);
    intact[i] = !dropped[i];
    for (auto k : fw.children_of(i)) {
      node(k, dropped[i]);
      intact[i] = intact[i] && intact[k];
    }
    if (dropped[i]) {
      how[i] = Decision::not_applicable;
      return;
    }
    if (fw.is_leaf(i)) {
      max[i] = c.max_points;
      if (e->appraised_score) {
        achieved[i] = *e->appraised_score;
        how[i] = Decision::appraised;
      } else if (e->value) {
        achieved[i] = reference_points(*c.rule, c.max_points, *e->value);
        how[i] = Decision::rule;
      } else {
        achieved[i] = (!c.evidence.empty() && e->evidence.empty()) ? 0.0 : *e->self_score;
        how[i] = Decision::self_assessed;
      }
    } else {
      auto [p, m] = combine(fw.children_of(i), false);
      auto [unused, full] = combine(fw.children_of(i), true);
      achieved[i] = p;
      // The declared maximum while the subtree is whole; else scaled by what still applies.
      max[i] = intact[i] ? c.max_points : m * c.max_points / full;
      how[i] = Decision::children;
    }
    if (rounds(fw.depth_of(i))) achieved[i] = round_half_up(achieved[i], fw.info().rounding.decimals);
    achieved[i] = std::min(achieved[i], max[i]);  // never above the max, rounded or not
  }

  // Points and maximum of the applicable nodes (or, with declared, every node's declared max).
  std::pair<double, double> combine(std::span<const std::size_t> nodes, bool declared) const {
    const auto method = fw.info().aggregation;
    const bool weighted = method == Aggregation::weighted_sum || method == Aggregation::weighted_mean;
    const bool mean = method == Aggregation::mean || method == Aggregation::weighted_mean;
    double p = 0, m = 0, w = 0;
    for (auto k : nodes) {
      if (dropped[k] && !declared) continue;
      const double wk = weighted ? fw.criteria()[k].weight : 1.0;
      p += wk * achieved[k];
      m += wk * (declared ? fw.criteria()[k].max_points : max[k]);
      w += wk;
    }
    if (!mean) return {p, m};
    return w > 0 ? std::pair{p / w, m / w} : std::pair{0.0, 0.0};
  }

  // {scale achieved, scale max, total}
  std::array<double, 3> run() {
    const std::size_t n = fw.criteria().size();
    achieved.assign(n, 0);
    max.assign(n, 0);
    dropped.assign(n, false);
    intact.assign(n, true);
    how.assign(n, Decision::children);
    for (auto f : fw.fields()) node(f, false);
    auto [p, m] = combine(fw.fields(), false);
    if (rounds(0)) p = round_half_up(p, fw.info().rounding.decimals);
    p = std::min(p, m);
    double bonus = 0, penalty = 0;
    for (const auto& adj : fw.adjustments()) {
      auto it = a.adjustments.find(adj.id);
      if (it != a.adjustments.end()) (adj.kind == Adjustment::Kind::bonus ? bonus : penalty) += it->second;
    }
    const double total = std::max(0.0, p + std::min(bonus, fw.info().bonus_cap) - std::min(penalty, fw.info().penalty_cap));
    return {p, m, total};
  }
};

void expect_agreement(const Framework& fw, const std::vector<Assessment>& batch, int trial) {
  const BatchResult result = evaluate_many(fw, batch);
  for (std::size_t u = 0; u < batch.size(); ++u) {
    const Scorecard one = evaluate(fw, batch[u]);
    Reference ref{fw, batch[u], {}, {}, {}, {}, {}};
    const auto [scale, scale_max, total] = ref.run();
    ASSERT_EQ(result.scores.scale_achieved[u], scale) << "trial " << trial << " unit " << u;
    ASSERT_EQ(result.scores.scale_max[u], scale_max) << "trial " << trial;
    ASSERT_EQ(result.scores.total[u], total) << "trial " << trial;
    ASSERT_EQ(result.scores.index_percent[u], scale_max > 0 ? total / scale_max * 100 : 0.0) << "trial " << trial;
    ASSERT_EQ(one.total(), total) << "trial " << trial;
    ASSERT_EQ(one.scale_max, scale_max) << "trial " << trial;
    for (std::size_t i = 0; i < fw.criteria().size(); ++i) {
      const std::string where = "trial " + std::to_string(trial) + " unit " + std::to_string(u) + " node " + fw.criteria()[i].code.str();
      ASSERT_EQ(result.scores.achieved_at(u, i), ref.achieved[i]) << where;
      ASSERT_EQ(result.scores.max_at(u, i), ref.max[i]) << where;
      ASSERT_EQ(result.scores.decision_at(u, i), ref.how[i]) << where;
      ASSERT_EQ(one.lines[i].achieved, ref.achieved[i]) << where;
      ASSERT_EQ(one.lines[i].max_points, ref.max[i]) << where;
      ASSERT_EQ(one.lines[i].decided_by, ref.how[i]) << where;
    }
  }
}

}  // namespace

// Batch = per unit = reference, number for number, over thousands of random frameworks with
// ragged trees, every rule kind, not-applicable subtrees, caps and every rounding policy.
TEST(Kernel, BatchEqualsPerUnitEqualsReference) {
  Random r(20261123);
  std::size_t units_checked = 0, nodes_checked = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    const Framework fw = random_framework(r);
    std::vector<Assessment> batch;
    // Mostly a few units; now and then more than one block of the kernel (256 units).
    const int units = trial % 100 == 99 ? r.integer(257, 700) : r.integer(1, 6);
    for (int u = 0; u < units; ++u) batch.push_back(random_assessment(r, fw, u));
    expect_agreement(fw, batch, trial);
    if (HasFatalFailure()) return;
    units_checked += batch.size();
    nodes_checked += batch.size() * fw.criteria().size();
  }
  EXPECT_GT(units_checked, 10000u);
  EXPECT_GT(nodes_checked, 100000u);
}

// The fast rounding the kernel uses equals the exact decimal rounding everywhere.
TEST(Kernel, FastRoundingEqualsExactRounding) {
  Random r(7);
  for (int i = 0; i < 200000; ++i) {
    const int d = r.integer(0, 6);
    double x = r.chance(0.5) ? r.real(-1000, 1000) : round_half_up(r.real(0, 100), d + 1);  // many exact ties
    if (r.chance(0.01)) x = r.real(-1e12, 1e12);
    ASSERT_EQ(round_half_up_fast(x, d), round_half_up(x, d)) << x << " at " << d;
  }
  EXPECT_EQ(round_half_up_fast(1.005, 2), 1.01);
  EXPECT_EQ(round_half_up_fast(-2.345, 2), -2.35);
}

namespace {

Framework survey(Aggregation method, RoundingPolicy rounding, std::vector<double> weights = {1, 1, 1}) {
  FrameworkInfo info;
  info.id = "survey";
  info.name = "Chỉ số hài lòng";
  info.period = {2024, std::nullopt};
  info.legal_source = "invented";
  info.aggregation = method;
  info.rounding = rounding;
  std::vector<Criterion> c;
  double top = method == Aggregation::mean || method == Aggregation::weighted_mean ? 100 : 300;
  if (method == Aggregation::weighted_sum) top = 100 * (weights[0] + weights[1] + weights[2]);
  c.push_back(make_criterion("1", top));
  for (int k = 0; k < 3; ++k) {
    auto leaf = make_criterion(("1." + std::to_string(k + 1)).c_str(), 100, rules::Manual{});
    leaf.weight = weights[static_cast<std::size_t>(k)];
    c.push_back(leaf);
  }
  return Framework(info, c);
}

Assessment answers(const std::string& id, double a, double b, double c) {
  Assessment x;
  x.framework_id = "survey";
  x.unit = {id, id, "province"};
  x.year = 2024;
  x.entries[CriterionCode("1.1")].value = a;
  x.entries[CriterionCode("1.2")].value = b;
  x.entries[CriterionCode("1.3")].value = c;
  return x;
}

}  // namespace

TEST(Aggregation, MeanWeightedMeanAndWeightedSum) {
  const RoundingPolicy exact{RoundingPolicy::Mode::exact, 2};
  auto mean = evaluate(survey(Aggregation::mean, exact), answers("a", 80, 90, 70));
  EXPECT_DOUBLE_EQ(mean.find(CriterionCode("1"))->achieved, 80);
  EXPECT_EQ(mean.find(CriterionCode("1"))->explanation, "mean of sub-criteria");
  EXPECT_DOUBLE_EQ(mean.scale_max, 100);
  auto weighted = evaluate(survey(Aggregation::weighted_mean, exact, {2, 1, 1}), answers("a", 80, 90, 70));
  EXPECT_DOUBLE_EQ(weighted.total(), (2 * 80 + 90 + 70) / 4.0);
  auto sum = evaluate(survey(Aggregation::weighted_sum, exact, {0.5, 0.25, 0.25}), answers("a", 80, 90, 70));
  EXPECT_DOUBLE_EQ(sum.total(), 0.5 * 80 + 0.25 * 90 + 0.25 * 70);
  EXPECT_DOUBLE_EQ(sum.scale_max, 100);

  // A not-applicable aspect leaves the mean of the others.
  auto a = answers("a", 80, 90, 70);
  a.entries[CriterionCode("1.3")] = CriterionEntry{};
  a.entries[CriterionCode("1.3")].not_applicable = true;
  EXPECT_DOUBLE_EQ(evaluate(survey(Aggregation::mean, exact), a).total(), 85);
}

// PAPI style: unrounded sub-dimensions, dimensions rounded to 4 decimals, the total their sum.
TEST(Aggregation, RoundingAtADepth) {
  FrameworkInfo info;
  info.id = "papi-like";
  info.name = "PAPI-like";
  info.period = {2024, std::nullopt};
  info.legal_source = "invented";
  info.rounding = {RoundingPolicy::Mode::round_at_depth, 4, 1};
  std::vector<Criterion> c{make_criterion("1", 10), make_criterion("2", 10)};
  for (const char* code : {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3"}) c.push_back(make_criterion(code, 10.0 / 3, rules::Manual{}));
  const Framework fw(info, c);  // three sub-dimensions of 10/3 make 10 within half a unit of 10^-4
  EXPECT_EQ(fw.total_max(), 20);
  Assessment a;
  a.framework_id = "papi-like";
  a.unit = {"x", "X", "province"};
  a.year = 2024;
  for (auto [code, v] : {std::pair{"1.1", 1.234564}, {"1.2", 2.000004}, {"1.3", 1.5}, {"2.1", 1.111111}, {"2.2", 1.0}, {"2.3", 1.0}}) {
    a.entries[CriterionCode(code)].value = v;
  }
  auto card = evaluate(fw, a);
  EXPECT_EQ(card.find(CriterionCode("1.1"))->achieved, 1.234564);  // below the depth: unrounded
  EXPECT_EQ(card.find(CriterionCode("1"))->achieved, 4.7346);      // 4.734568 rounded at the dimension
  EXPECT_EQ(card.find(CriterionCode("2"))->achieved, 3.1111);
  EXPECT_EQ(card.total(), 7.8457);                                 // the sum of the rounded dimensions
}

TEST(Aggregation, ChildrenMaximaWithinHalfAUnit) {
  FrameworkInfo info;
  info.id = "t";
  info.name = "t";
  info.period = {2024, std::nullopt};
  info.legal_source = "invented";
  info.rounding.decimals = 2;
  const Framework thirds(info, {make_criterion("1", 10), make_criterion("1.1", 3.333, rules::Manual{}),
                                make_criterion("1.2", 3.333, rules::Manual{}), make_criterion("1.3", 3.333, rules::Manual{})});
  // The parent keeps its declared 10, so full marks are 100%, not 99.97%.
  Assessment full;
  full.framework_id = "t";
  full.unit = {"u", "U", ""};
  full.year = 2024;
  for (const char* code : {"1.1", "1.2", "1.3"}) full.entries[CriterionCode(code)].value = 3.333;
  auto card = evaluate(thirds, full);
  EXPECT_EQ(card.scale_max, 10);
  EXPECT_EQ(card.find(CriterionCode("1"))->max_points, 10);
  // One child not applicable: what applies, scaled to the declared maximum.
  full.entries[CriterionCode("1.3")] = CriterionEntry{};
  full.entries[CriterionCode("1.3")].not_applicable = true;
  EXPECT_DOUBLE_EQ(evaluate(thirds, full).scale_max, 6.666 * 10 / 9.999);
  // 10.006 is off by more than half a unit of the second decimal; the message shows how much.
  EXPECT_PARINDEX_ERROR(Framework(info, {make_criterion("1", 10), make_criterion("1.1", 5.003), make_criterion("1.2", 5.003)}),
                        error_kind::validation, "max 10.000 but its children (1.1, 1.2) add to 10.006");
}

TEST(Ranking, TiedUnitsShareRankAndQuartileGroup) {
  // Four units, two tied at 03/04: both in the same quartile group.
  const std::vector<double> values{90, 80, 70, 70};
  auto r = rank_values(values, 2, QuartileGroups{});
  EXPECT_EQ(r.rank, (std::vector<int>{1, 2, 3, 3}));
  EXPECT_EQ(r.group[2], r.group[3]);
  // Equal at the shown decimals is a tie even when the unrounded figures differ.
  auto shown = rank_values(std::vector<double>{85.304, 85.296, 85.2}, 2, ThresholdGroups::national_par_index());
  EXPECT_EQ(shown.rank, (std::vector<int>{1, 1, 3}));
  EXPECT_EQ(shown.order, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(shown.group, (std::vector<int>{1, 1, 1}));  // B: 80 ≤ x < 90
}

TEST(Ranking, BatchRankEqualsScorecardRank) {
  Random r(3);
  const Framework fw = random_framework(r);
  std::vector<Assessment> units;
  for (int u = 0; u < 40; ++u) units.push_back(random_assessment(r, fw, u));
  std::vector<Scorecard> cards;
  for (const auto& a : units) cards.push_back(evaluate(fw, a));
  RankOptions o;
  o.grouping = QuartileGroups{};
  const Ranking a = rank(cards, o), b = rank(fw, evaluate_many(fw, units), o);
  ASSERT_EQ(a.units.size(), b.units.size());
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    EXPECT_EQ(a.units[i].unit.code, b.units[i].unit.code);
    EXPECT_EQ(a.units[i].rank, b.units[i].rank);
    EXPECT_EQ(a.units[i].group, b.units[i].group);
    EXPECT_EQ(a.units[i].total, b.units[i].total);
  }
}

TEST(Batch, TableErrorsNameUnitAndCriterion) {
  const Framework fw = survey(Aggregation::mean, {RoundingPolicy::Mode::exact, 2});
  auto table = InputTable::blank(fw.plan(), 2);
  for (std::size_t u = 0; u < 2; ++u) {
    for (std::size_t leaf = 0; leaf < 3; ++leaf) *table.slots(fw.plan(), u, leaf) = 50;
  }
  *table.slots(fw.plan(), 1, 1) = 120;  // a manual score above its max
  EXPECT_PARINDEX_ERROR(evaluate_many(fw, {{"a", "A", ""}, {"b", "B", ""}}, 2024, table), error_kind::validation,
                        "assessment of b, criterion 1.2: a manual score must lie in [0, 100.00], got 120");
  *table.slots(fw.plan(), 1, 1) = std::nan("");
  EXPECT_PARINDEX_ERROR(evaluate_many(fw, {{"a", "A", ""}, {"b", "B", ""}}, 2024, table), error_kind::validation,
                        "assessment of b, criterion 1.2: has no score");
  table.not_applicable[table.at(2, 1)] = 1;  // node 2 is 1.2
  auto result = evaluate_many(fw, {{"a", "A", ""}, {"b", "B", ""}}, 2024, table);
  EXPECT_DOUBLE_EQ(result.scores.total[1], 50);
  EXPECT_EQ(scorecard(fw, result, 1).lines[2].explanation, "not applicable: 100.00 points leave the maximum");
}

// A version-1 framework (before aggregation was named) reads as an additive version 2.
TEST(Documents, FrameworkVersion1UpgradesToVersion2) {
  const auto v1 = read_source("tests/data/documents/framework-v1.json");
  const Framework fw = framework_from_json(v1, "framework-v1.json");
  EXPECT_EQ(fw.info().aggregation, Aggregation::sum);
  const std::string written = to_json(fw);
  EXPECT_NE(written.find("\"schema\": \"parindex.framework/2\""), std::string::npos);
  EXPECT_NE(written.find("\"aggregation\": \"sum\""), std::string::npos);
  EXPECT_EQ(framework_from_json(written), fw);
  // Version 2 requires the aggregation to be named: no silent default.
  std::string v2 = v1;
  v2.replace(v2.find("parindex.framework/1"), 20, "parindex.framework/2");
  EXPECT_PARINDEX_ERROR(framework_from_json(v2), error_kind::document, "the required key \"aggregation\" is missing");
}

// Every rounding mode and aggregation reads back as written.
TEST(Documents, RoundingModesAndAggregationsRoundTrip) {
  for (const char* rounding : {R"({"mode": "round_leaves", "decimals": 2})", R"({"mode": "exact", "decimals": 3})",
                               R"({"mode": "round_at_depth", "decimals": 4, "depth": 2})"}) {
    for (const char* aggregation : {"sum", "weighted_sum", "mean", "weighted_mean"}) {
      const std::string doc = std::string(R"({"schema": "parindex.framework/2", "id": "t", "name": "t", "period": {"from": 2024},
        "legal_source": "invented", "rounding": )") + rounding + R"(, "aggregation": ")" + aggregation + R"(",
        "criteria": [{"code": "1", "title": "A", "max": 2}, {"code": "1.1", "title": "B", "max": 2, "weight": 1}]})";
      const Framework fw = framework_from_json(doc);
      EXPECT_EQ(to_string(fw.info().aggregation), std::string(aggregation));
      EXPECT_EQ(framework_from_json(to_json(fw)), fw) << rounding << " " << aggregation;
    }
  }
  EXPECT_PARINDEX_ERROR(framework_from_json(R"({"schema": "parindex.framework/2", "id": "t", "name": "t", "period": {"from": 2024},
        "legal_source": "x", "rounding": {"mode": "exact", "depth": 1}, "aggregation": "sum", "criteria": [{"code": "1", "title": "A", "max": 2}]})"),
                        error_kind::document, "\"depth\" goes with mode round_at_depth");
}
