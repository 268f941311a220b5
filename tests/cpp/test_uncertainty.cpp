// The rank Monte Carlo: reproducible whatever the thread count, equal to ranking the same draws
// by hand, the fast path equal to the kernel's, and sensitivity indices that find the factor.
#include <cmath>
#include <filesystem>
#include <vector>

#include "parindex/core/uncertainty.hpp"
#include "parindex/io/json.hpp"
#include "langson.hpp"

using namespace parindex;

namespace {

BatchResult langson_batch(const Framework& fw) { return evaluate_many(fw, langson_units()); }

UncertaintyOptions options(const Framework& fw, const BatchResult& batch) {
  UncertaintyOptions o;
  o.factors = survey_factors(fw, 2.0);
  for (auto& f : appraisal_factors(fw, batch, 0.25)) o.factors.push_back(f);
  o.draws = 600;
  o.seed = 42;
  o.ranking.grouping = ThresholdGroups::national_par_index();
  o.versus = {"huu-lung"};
  return o;
}

}  // namespace

TEST(Uncertainty, SameSeedSameResultWhateverTheThreads) {
  const auto fw = langson();
  const auto batch = langson_batch(fw);
  auto o = options(fw, batch);
  o.sensitivity = true;
  o.draws = 200;
  o.threads = 1;
  const auto one = rank_uncertainty(fw, batch, o);
  for (unsigned t : {2u, 3u, 7u}) {
    o.threads = t;
    const auto many = rank_uncertainty(fw, batch, o);
    EXPECT_EQ(many.rank_frequency, one.rank_frequency) << t << " threads";
    EXPECT_EQ(many.group_frequency, one.group_frequency);
    EXPECT_EQ(many.above, one.above);
    ASSERT_EQ(many.sensitivity.size(), one.sensitivity.size());
    for (std::size_t i = 0; i < one.sensitivity.size(); ++i) {
      EXPECT_EQ(many.sensitivity[i].first_order, one.sensitivity[i].first_order);
      EXPECT_EQ(many.sensitivity[i].total, one.sensitivity[i].total);
    }
  }
  o.seed = 43;
  EXPECT_NE(rank_uncertainty(fw, batch, o).rank_frequency, one.rank_frequency);
}

// The rank and group frequencies of the draws uncertainty_draws gives, each drawn score
// becoming the appraised score and the kernel evaluating from scratch.
std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> ranked_by_hand(const Framework& fw, const BatchResult& batch,
                                                                                 const UncertaintyOptions& o) {
  const auto draws = uncertainty_draws(fw, batch, o);
  const auto groups = group_names(o.ranking.grouping).size();
  const std::size_t n = batch.units.size(), cells = draws.unit.size();
  std::vector<std::uint32_t> frequency(n * n, 0), group(n * groups, 0);
  for (std::size_t d = 0; d < o.draws; ++d) {
    InputTable table = batch.inputs;
    for (std::size_t k = 0; k < cells; ++k) {
      const auto leaf = static_cast<std::size_t>(fw.plan().leaf_of(draws.node[k]));
      table.appraised[table.at(leaf, draws.unit[k])] = draws.points[d * cells + k];
    }
    const auto scores = evaluate_many(fw, batch.units, batch.year, table).scores;
    const auto r = rank_values(scores.index_percent, 2, o.ranking.grouping);
    for (std::size_t u = 0; u < n; ++u) {
      ++frequency[u * n + static_cast<std::size_t>(r.rank[u] - 1)];
      if (r.group[u] >= 0) ++group[u * groups + static_cast<std::size_t>(r.group[u])];
    }
  }
  return {frequency, group};
}

TEST(Uncertainty, EqualsRankingTheSameDrawsByHand) {
  const auto fw = langson();
  const auto batch = langson_batch(fw);
  const auto o = options(fw, batch);
  const auto result = rank_uncertainty(fw, batch, o);
  const auto [frequency, group] = ranked_by_hand(fw, batch, o);
  EXPECT_EQ(result.rank_frequency, frequency);
  EXPECT_EQ(result.group_frequency, group);
  // Every unit's row counts every draw.
  const std::size_t n = batch.units.size();
  for (std::size_t u = 0; u < n; ++u) {
    std::uint64_t sum = 0;
    for (std::size_t r = 0; r < n; ++r) sum += result.rank_frequency[u * n + r];
    EXPECT_EQ(sum, o.draws);
  }
}

TEST(Uncertainty, UngroupedRanksEqualRankingTheSameDrawsByHand) {
  // Without groups the draw loop ranks by its own code (with AVX-512, by counting): the same ranks.
  const auto fw = langson();
  const auto batch = langson_batch(fw);
  auto o = options(fw, batch);
  o.ranking.grouping = {};
  o.factors = survey_factors(fw, 10.0);
  o.draws = 1000;
  EXPECT_EQ(rank_uncertainty(fw, batch, o).rank_frequency, ranked_by_hand(fw, batch, o).first);
}

namespace {

// The same framework aggregated by weighted_sum with weights 1: it goes through the kernel.
Framework as_weighted_sum(const Framework& fw) {
  FrameworkInfo info = fw.info();
  info.aggregation = Aggregation::weighted_sum;
  return Framework(info, std::vector<Criterion>(fw.criteria().begin(), fw.criteria().end()));
}

}  // namespace

TEST(Uncertainty, KernelPathEqualsTheFastPath) {
  const auto fw = langson();
  const Framework weighted = as_weighted_sum(fw);
  const auto batch = langson_batch(fw);
  const auto o = options(fw, batch);
  const auto fast = rank_uncertainty(fw, batch, o);
  const auto slow = rank_uncertainty(weighted, langson_batch(weighted), o);
  EXPECT_EQ(fast.rank_frequency, slow.rank_frequency);
  EXPECT_EQ(fast.group_frequency, slow.group_frequency);
}

TEST(Uncertainty, WideDrawsClampTheSameOnEveryPath) {
  // Normal standard deviations of 40% of the maximum, uniform spreads of 2 points and a range
  // of 0 to 3: many points clamped to 0 or to the maximum, many normals outside their layer's
  // rectangle; the vector path (where the processor has it) and the kernel's scalar path must
  // still agree.
  const auto fw = langson();
  const Framework weighted = as_weighted_sum(fw);
  const auto batch = langson_batch(fw);
  UncertaintyOptions o;
  o.factors = survey_factors(fw, 40.0);
  auto appraised = appraisal_factors(fw, batch, 2.0);
  ASSERT_GE(appraised.size(), 2u);
  appraised[0].kind = UncertainFactor::Kind::range;
  appraised[0].low = 0;
  appraised[0].high = 3;
  for (auto& f : appraised) o.factors.push_back(f);
  o.draws = 3000;
  o.seed = 5;
  const auto fast = rank_uncertainty(fw, batch, o);
  EXPECT_EQ(fast.rank_frequency, rank_uncertainty(weighted, langson_batch(weighted), o).rank_frequency);
}

TEST(Uncertainty, NoSpreadNoDoubt) {
  const auto fw = langson();
  const auto batch = langson_batch(fw);
  UncertaintyOptions o;
  o.factors = survey_factors(fw, 0.0);
  o.draws = 50;
  const auto r = rank_uncertainty(fw, batch, o);
  for (std::size_t u = 0; u < batch.units.size(); ++u) {
    EXPECT_EQ(r.rank_quantile(u, 0.05), r.nominal_rank[u]);
    EXPECT_EQ(r.rank_quantile(u, 0.95), r.nominal_rank[u]);
    EXPECT_DOUBLE_EQ(r.mean_rank(u), r.nominal_rank[u]);
  }
}

TEST(Uncertainty, SensitivityFindsTheFactorThatMatters) {
  const auto fw = langson();
  const auto batch = langson_batch(fw);
  UncertaintyOptions o;
  o.factors = survey_factors(fw, 3.0);  // the survey: ± 0.6 points of 20
  UncertainFactor quiet;
  quiet.name = "quiet";
  quiet.code = CriterionCode("7.2");
  quiet.kind = UncertainFactor::Kind::uniform;
  quiet.spread = 0.001;  // rounds away at two decimals: cannot move a rank
  o.factors.push_back(quiet);
  o.draws = 2000;
  o.sensitivity = true;
  const auto r = rank_uncertainty(fw, batch, o);
  ASSERT_EQ(r.sensitivity.size(), 2u);
  EXPECT_EQ(r.sensitivity[0].name, "9 (survey)");
  EXPECT_GT(r.sensitivity[0].total, 0.9);
  EXPECT_GT(r.sensitivity[0].first_order, 0.8);
  EXPECT_NEAR(r.sensitivity[1].first_order, 0.0, 1e-12);
  EXPECT_NEAR(r.sensitivity[1].total, 0.0, 1e-12);
}

TEST(Uncertainty, BadOptionsAreNamed) {
  const auto fw = langson();
  const auto batch = langson_batch(fw);
  UncertaintyOptions o;
  UncertainFactor f;
  f.code = CriterionCode("3.9");
  o.factors = {f};
  EXPECT_PARINDEX_ERROR(rank_uncertainty(fw, batch, o), error_kind::argument, "factor #1 (3.9)");
  o.factors[0].code = CriterionCode("9");
  o.factors[0].spread = -1;
  EXPECT_PARINDEX_ERROR(rank_uncertainty(fw, batch, o), error_kind::argument, "at least 0");
  o.factors[0].spread = 1;
  o.factors[0].units = {"nowhere"};
  EXPECT_PARINDEX_ERROR(rank_uncertainty(fw, batch, o), error_kind::argument, "unit nowhere");
  o.factors[0].units.clear();
  o.factors.push_back(o.factors[0]);
  EXPECT_PARINDEX_ERROR(rank_uncertainty(fw, batch, o), error_kind::argument, "already uncertain by factor #1");
  o.factors.pop_back();
  o.threads = 1000;
  EXPECT_PARINDEX_ERROR(rank_uncertainty(fw, batch, o), error_kind::argument, "threads");
  o.threads = 1;
  o.draws = 0;
  EXPECT_PARINDEX_ERROR(rank_uncertainty(fw, batch, o), error_kind::argument, "draws");
  o.draws = 10;
  o.versus = {"nowhere"};
  EXPECT_PARINDEX_ERROR(rank_uncertainty(fw, batch, o), error_kind::argument, "versus nowhere");
}

#include "../../src/core/random.hpp"

namespace {

// The share of a standard normal beyond ±t.
double two_tails(double t) { return std::erfc(t / std::sqrt(2.0)); }

// `count` of `n` draws against the share p expected: within 4 standard errors of the sample.
void expect_share(int count, int n, double p, const char* what) {
  const double share = count / double(n), tolerance = 4 * std::sqrt(p * (1 - p) / n);
  EXPECT_NEAR(share, p, tolerance) << what;
}

}  // namespace

TEST(Uncertainty, ZigguratDrawsAStandardNormal) {
  // A stream's numbers one after another, as a factor's cells draw them.
  const std::uint64_t key = random_detail::stream_key(random_detail::draw_key(2024, 7, 0), 3);
  const int n = 2'000'000;
  // Bins 0.08 wide from -4.48 to 4.48 (past the edge, into the tail) and one each side beyond,
  // which still expects some 7 draws: a chi-square of the counts against the exact normal's.
  const double low = -4.48, width = 0.08;
  const int bins = 112;
  std::vector<int> bin(bins + 2, 0);
  double sum = 0, squares = 0;
  const double edge = random_detail::Ziggurat::edge;
  const double thresholds[] = {0.674490, 1.959964, 3.0, 3.442619855899, edge, 4.5};
  int beyond[6] = {};
  for (int i = 0; i < n; ++i) {
    const double x = random_detail::to_normal(random_detail::nth(key, static_cast<std::uint64_t>(i)));
    sum += x;
    squares += x * x;
    for (int t = 0; t < 6; ++t) beyond[t] += std::fabs(x) > thresholds[t];
    const double at = std::floor((x - low) / width);
    bin[at < 0 ? 0 : at >= bins ? bins + 1 : static_cast<int>(at) + 1] += 1;
  }
  const double mean = sum / n, variance = squares / n - mean * mean;
  EXPECT_NEAR(mean, 0.0, 4 / std::sqrt(n));
  EXPECT_NEAR(variance, 1.0, 4 * std::sqrt(2.0 / n));
  const char* names[] = {"|x| > 0.674 (half)", "|x| > 1.96", "|x| > 3", "|x| > 3.44 (the 128-layer edge)",
                         "|x| > the edge (the tail, drawn by the exponential method)", "|x| > 4.5"};
  for (int t = 0; t < 6; ++t) expect_share(beyond[t], n, two_tails(thresholds[t]), names[t]);
  auto below = [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); };
  double chi2 = 0;
  for (int b = 0; b < bins + 2; ++b) {
    const double from = b == 0 ? -INFINITY : low + (b - 1) * width, to = b == bins + 1 ? INFINITY : low + b * width;
    const double expected = n * ((b == bins + 1 ? 1.0 : below(to)) - (b == 0 ? 0.0 : below(from)));
    chi2 += (bin[b] - expected) * (bin[b] - expected) / expected;
  }
  const double df = bins + 1;
  EXPECT_LT(chi2, df + 4 * std::sqrt(2 * df));  // about the 99.99th percentile
}

TEST(Uncertainty, WeightsVaryWhereTheFrameworkHasThem) {
  // A weighted framework: two fields, A weighted 3 and B 1, under a weighted mean.
  FrameworkInfo info;
  info.id = "weighted";
  info.period = {2024, std::nullopt};
  info.aggregation = Aggregation::weighted_mean;
  info.rounding = {RoundingPolicy::Mode::exact, 2, 1};
  auto a = make_criterion("1", 100, rules::Manual{});
  a.weight = 3;
  auto b = make_criterion("2", 100, rules::Manual{});
  b.weight = 1;
  const Framework fw(info, {a, b});
  std::vector<Assessment> units;
  // u0 strong on field 1, u1 on field 2: with A's weight far above B's, u0 leads; lower A's
  // weight and u1 can pass it.
  for (auto [code, one, two] : {std::tuple<const char*, double, double>{"u0", 90, 60}, {"u1", 65, 95}}) {
    Assessment x;
    x.framework_id = "weighted";
    x.unit = {code, code, "district"};
    x.year = 2024;
    x.entries[CriterionCode("1")].appraised_score = one;
    x.entries[CriterionCode("2")].appraised_score = two;
    units.push_back(x);
  }
  const auto batch = evaluate_many(fw, units);
  UncertaintyOptions o;
  UncertainFactor w;
  w.code = CriterionCode("1");
  w.kind = UncertainFactor::Kind::weight;
  w.spread = 0.9;  // A's weight from 0.3 to 5.7 before rescaling
  o.factors = {w};
  o.draws = 400;
  const auto r = rank_uncertainty(fw, batch, o);
  EXPECT_EQ(r.nominal_rank, (std::vector<int>{1, 2}));
  // u0 − u1 = 60a − 35 for A's share a of the weight, so u0 leads while a > 7/12. A's weight 3
  // times m ~ U(0.1, 1.9), the two rescaled to sum 4, gives a = 3m ÷ (3m + 1): u0 leads for
  // m > 7/15, in (1.9 − 7/15) ÷ 1.8 = 79.6% of draws (318 of 400, ± 8 at one standard error).
  EXPECT_NEAR(static_cast<double>(r.rank_frequency[0]), 318.5, 40);
  EXPECT_EQ(r.rank_frequency[0] + r.rank_frequency[1], 400u);
  // The same draws with 2 threads, and a sum framework refuses weight factors.
  o.threads = 2;
  EXPECT_EQ(rank_uncertainty(fw, batch, o).rank_frequency, r.rank_frequency);
  const auto lang = langson();
  UncertainFactor bad = w;
  bad.code = CriterionCode("9");
  o.factors = {bad};
  EXPECT_PARINDEX_ERROR(rank_uncertainty(lang, evaluate_many(lang, langson_units()), o), error_kind::argument,
                        "has no weights to vary");
}
