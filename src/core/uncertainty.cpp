// The rank Monte Carlo: draw the uncertain points, total, rank, count; threads split the draws.
#include "parindex/core/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <climits>
#include <cstring>
#include <exception>
#include <numeric>
#include <optional>
#include <variant>
#include <system_error>
#include <thread>

#include "parindex/core/error.hpp"
#include "parindex/core/rounding.hpp"
#include "random.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define PARINDEX_AVX512 1
#include <immintrin.h>
#endif

namespace parindex {

const char* to_string(UncertainFactor::Kind kind) noexcept {
  switch (kind) {
    case UncertainFactor::Kind::normal: return "normal";
    case UncertainFactor::Kind::uniform: return "uniform";
    case UncertainFactor::Kind::range: return "range";
    case UncertainFactor::Kind::weight: return "weight";
  }
  return "?";
}

namespace {

namespace rnd = random_detail;

struct Cell {
  std::size_t unit = 0, node = 0, leaf = 0;
  double base = 0, max = 0;
};

struct Factor {
  UncertainFactor spec;
  std::size_t first = 0, count = 0;  // its cells
  std::size_t node = 0;               // a weight factor's node
  bool consecutive_units = false;     // its k-th cell is of its first's unit + k
};

// Everything the draws share, read-only once built.
struct Model {
  const EvaluationPlan& plan;
  const BatchResult& batch;
  std::vector<Cell> cells;
  std::vector<Factor> factors;
  bool linear = false;  // totals are sums of rounded leaves: a draw only updates its cells' units
  bool weights = false;  // some factor draws a weight: each draw evaluates with its own plan
  int decimals = 2, tie_decimals = 2;
  Grouping grouping;
  std::uint64_t seed = 1;
  // Linear, and every cell's points, maximum and unit's total on the decimals' grid: a draw's
  // totals are sums of whole grid steps, added up exactly in integers.
  bool on_grid = false;
  double grid_scale = 100;  // 10^decimals
  std::vector<std::int64_t> cell_base, cell_max, unit_base;  // in grid steps
  std::vector<double> cell_point, cell_top;  // the cells' points and maxima, contiguous for vector loads
  std::vector<std::uint32_t> cell_unit;
  // Factors one after another of one kind that draw the same run of consecutive units (as a
  // leaf's factor over all units does): the vector path totals a block of units over all of a
  // run's factors in registers.
  struct Run {
    UncertainFactor::Kind kind = UncertainFactor::Kind::normal;
    std::size_t first_factor = 0, factors = 0, unit = 0, count = 0;
    std::vector<std::int64_t> base;  // per unit of the run, its cells' points in steps, added up
  };
  std::vector<Run> runs;
};

void check_factor(const UncertainFactor& f, const std::string& where) {
  auto bad = [](double v) { return !std::isfinite(v) || v < 0; };
  if (f.kind == UncertainFactor::Kind::weight && !(f.spread >= 0 && f.spread < 1)) {
    throw error(error_kind::argument, where, "a weight's spread is a share from 0 to under 1");
  }
  if (f.kind != UncertainFactor::Kind::range && bad(f.spread)) {
    throw error(error_kind::argument, where, "the spread must be a finite number of at least 0");
  }
  if (f.kind == UncertainFactor::Kind::range && (bad(f.low) || bad(f.high) || f.low > f.high)) {
    throw error(error_kind::argument, where, "a range needs 0 ≤ low ≤ high, finite");
  }
}

std::vector<std::size_t> units_of(const UncertainFactor& f, const BatchResult& batch, const std::string& where) {
  std::vector<std::size_t> out;
  if (f.units.empty()) {
    for (std::size_t u = 0; u < batch.units.size(); ++u) out.push_back(u);
    return out;
  }
  for (const auto& code : f.units) {
    const auto u = batch.find(code);
    if (!u) throw error(error_kind::argument, where, "unit " + code + " is not in the batch");
    out.push_back(*u);
  }
  return out;
}

// The leaves under a node (the node itself for a leaf), in tree order.
std::vector<std::size_t> leaves_under(const Framework& framework, std::size_t node) {
  if (framework.is_leaf(node)) return {node};
  std::vector<std::size_t> out;
  for (auto c : framework.children_of(node)) {
    auto more = leaves_under(framework, c);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

void add_factor(Model& m, const Framework& framework, UncertainFactor spec, std::size_t index) {
  const std::string where = "uncertainty, factor #" + std::to_string(index + 1) + " (" + spec.code.str() + ")";
  check_factor(spec, where);
  const auto node = framework.find(spec.code);
  if (!node) throw error(error_kind::argument, where, "criterion " + spec.code.str() + " is not in " + framework.id());
  if (spec.name.empty()) spec.name = spec.code.str();
  if (spec.kind == UncertainFactor::Kind::weight) {
    const auto method = framework.info().aggregation;
    if (method != Aggregation::weighted_sum && method != Aggregation::weighted_mean) {
      throw error(error_kind::argument, where, framework.id() + " aggregates by " + to_string(method) + ": it has no weights to vary");
    }
    m.factors.push_back({std::move(spec), m.cells.size(), 0, *node});
    m.weights = true;
    return;
  }
  Factor f{std::move(spec), m.cells.size(), 0, *node};
  for (auto u : units_of(f.spec, m.batch, where)) {
    for (auto leaf_node : leaves_under(framework, *node)) {
      if (m.batch.scores.decision_at(u, leaf_node) == Decision::not_applicable) continue;
      const auto leaf = static_cast<std::size_t>(m.plan.leaf_of(leaf_node));
      m.cells.push_back({u, leaf_node, leaf, m.batch.scores.achieved_at(u, leaf_node), m.batch.scores.max_at(u, leaf_node)});
    }
  }
  f.count = m.cells.size() - f.first;
  f.consecutive_units = true;
  for (std::size_t k = f.first; k < m.cells.size(); ++k) {
    if (m.cells[k].unit != m.cells[f.first].unit + (k - f.first)) f.consecutive_units = false;
  }
  m.factors.push_back(std::move(f));
}

// A score drawn twice would be drawn by whichever factor came last: refused instead.
void check_overlaps(const Model& m) {
  std::vector<std::size_t> owner(m.batch.units.size() * m.batch.scores.nodes, 0);
  for (std::size_t f = 0; f < m.factors.size(); ++f) {
    for (std::size_t k = m.factors[f].first; k < m.factors[f].first + m.factors[f].count; ++k) {
      std::size_t& o = owner[m.cells[k].node * m.batch.units.size() + m.cells[k].unit];
      if (o != 0) {
        throw error(error_kind::argument, "uncertainty, factor #" + std::to_string(f + 1) + " (" + m.factors[f].spec.code.str() + ")",
                    "unit " + m.batch.units[m.cells[k].unit].code + "'s criterion " +
                        m.factors[o - 1].spec.code.str() + " is already uncertain by factor #" + std::to_string(o));
      }
      o = f + 1;
    }
  }
}

// The whole number of grid steps x is, if it is one (to far below a step's millionth).
std::optional<std::int64_t> grid_steps(double x, double scale) {
  const double y = x * scale;
  if (!(std::fabs(y) < 1e15)) return std::nullopt;
  const double r = std::nearbyint(y);
  if (std::fabs(y - r) > 1e-7) return std::nullopt;
  return static_cast<std::int64_t>(r);
}

void find_grid(Model& m) {
  const double scale = m.grid_scale = std::pow(10.0, m.decimals);
  m.on_grid = false;
  m.cell_base.clear();
  m.cell_max.clear();
  m.unit_base.clear();
  for (const Cell& c : m.cells) {
    const auto base = grid_steps(c.base, scale), max = grid_steps(c.max, scale);
    // Below 10^9 steps: a scaled point converts to 32 bits, as in round_half_up_fast.
    if (!base || !max || *max >= 1'000'000'000) return;
    m.cell_base.push_back(*base);
    m.cell_max.push_back(*max);
    m.cell_point.push_back(c.base);
    m.cell_top.push_back(c.max);
    m.cell_unit.push_back(static_cast<std::uint32_t>(c.unit));
  }
  for (double total : m.batch.scores.scale_achieved) {
    const auto steps = grid_steps(total, scale);
    if (!steps) return;
    m.unit_base.push_back(*steps);
  }
  m.on_grid = true;
}

bool extends_run(const Model& m, const Model::Run& run, const Factor& f) {
  const Factor& last = m.factors[run.first_factor + run.factors - 1];
  return f.spec.kind == run.kind && f.consecutive_units && f.count == run.count && f.first == last.first + last.count &&
         m.cell_unit[f.first] == run.unit;
}

void find_runs(Model& m) {
  for (std::size_t f = 0; f < m.factors.size(); ++f) {
    const Factor& factor = m.factors[f];
    if (factor.spec.kind == UncertainFactor::Kind::weight || !factor.consecutive_units || factor.count == 0) continue;
    if (m.runs.empty() || !extends_run(m, m.runs.back(), factor)) {
      m.runs.push_back({factor.spec.kind, f, 0, m.cell_unit[factor.first], factor.count, std::vector<std::int64_t>(factor.count, 0)});
    }
    Model::Run& run = m.runs.back();
    ++run.factors;
    for (std::size_t k = 0; k < factor.count; ++k) run.base[k] += m.cell_base[factor.first + k];
  }
}

Model compile(const Framework& framework, const BatchResult& batch, const UncertaintyOptions& o) {
  if (o.draws < 1 || o.draws > 100'000'000) throw error(error_kind::argument, "uncertainty", "draws must be from 1 to 100000000");
  if (o.threads > 256) throw error(error_kind::argument, "uncertainty", "threads must be from 0 (all) to 256");
  if (batch.units.empty()) throw error(error_kind::argument, "uncertainty", "no units to rank");
  Model m{framework.plan(), batch, {}, {}, false, false, 2, 2, o.ranking.grouping, o.seed, false, 100, {}, {}, {}, {}, {}, {}, {}};
  for (std::size_t i = 0; i < o.factors.size(); ++i) add_factor(m, framework, o.factors[i], i);
  check_overlaps(m);
  const auto& info = framework.info();
  m.linear = !m.weights && info.aggregation == Aggregation::sum &&
             info.rounding.mode == RoundingPolicy::Mode::round_leaves && m.plan.parents_hold_their_children();
  m.decimals = info.rounding.decimals;
  if (m.linear) find_grid(m);
  if (m.on_grid) find_runs(m);
  m.tie_decimals = o.ranking.tie_decimals.value_or(m.decimals);
  return m;
}

// A factor's k-th cell's point before clamping, from the k-th number of the factor's stream.
template <UncertainFactor::Kind kind>
double drawn_point(const UncertainFactor& spec, double base, std::uint64_t key, std::size_t k) {
  const std::uint64_t bits = rnd::nth(key, k);
  if constexpr (kind == UncertainFactor::Kind::normal) return base + spec.spread * rnd::to_normal(bits);
  else if constexpr (kind == UncertainFactor::Kind::uniform) return base + spec.spread * (2 * rnd::to_uniform(bits) - 1);
  else return spec.low + (spec.high - spec.low) * rnd::to_uniform(bits);
}

template <UncertainFactor::Kind kind>
void draw_cells(const Model& m, const Factor& factor, std::uint64_t key, double* drawn) {
  for (std::size_t k = 0; k < factor.count; ++k) {
    const Cell& c = m.cells[factor.first + k];
    drawn[factor.first + k] = std::clamp(drawn_point<kind>(factor.spec, c.base, key, k), 0.0, c.max);
  }
}

// Draws a factor's points into `drawn` (one per cell), or a weight's multiplier into
// `multiplier`, from the stream of (draw, sample, factor).
void draw_factor(const Model& m, std::size_t f, std::uint64_t draw_key, double* drawn, double* multiplier) {
  const Factor& factor = m.factors[f];
  const std::uint64_t key = rnd::stream_key(draw_key, f);
  switch (factor.spec.kind) {
    case UncertainFactor::Kind::normal: draw_cells<UncertainFactor::Kind::normal>(m, factor, key, drawn); break;
    case UncertainFactor::Kind::uniform: draw_cells<UncertainFactor::Kind::uniform>(m, factor, key, drawn); break;
    case UncertainFactor::Kind::range: draw_cells<UncertainFactor::Kind::range>(m, factor, key, drawn); break;
    case UncertainFactor::Kind::weight: multiplier[f] = 1 + factor.spec.spread * (2 * rnd::to_uniform(rnd::nth(key, 0)) - 1); break;
  }
}

// One thread's buffers.
struct Workspace {
  std::vector<double> drawn, index, scale, multiplier, weights;
  std::vector<std::int64_t> steps;
  std::vector<std::uint64_t> rest, keys, bits, entries;
  std::vector<std::uint8_t> undone;
  std::vector<double> slopes, lows;
  RankedValues ranked;
  std::vector<double> shown;
  InputTable table;
  BatchScores scores;
};

// The plan's weights with each weight factor's multiplier, every set of siblings rescaled to
// the sum it had (a weight gained is taken from the others in proportion).
const std::vector<double>& drawn_weights(const Model& m, Workspace& w) {
  const std::size_t n = m.plan.node_count();
  w.weights.resize(n);
  for (std::size_t i = 0; i < n; ++i) w.weights[i] = m.plan.weight(i);
  for (std::size_t f = 0; f < m.factors.size(); ++f) {
    if (m.factors[f].spec.kind == UncertainFactor::Kind::weight) w.weights[m.factors[f].node] *= w.multiplier[f];
  }
  auto rescale = [&](std::span<const std::uint32_t> siblings) {
    double before = 0, after = 0;
    for (auto c : siblings) {
      before += m.plan.weight(c);
      after += w.weights[c];
    }
    for (auto c : siblings) w.weights[c] *= after > 0 ? before / after : 1.0;
  };
  rescale(m.plan.fields());
  for (std::size_t i = 0; i < n; ++i) {
    if (!m.plan.children(i).empty()) rescale(m.plan.children(i));
  }
  return w.weights;
}

// The index % of every unit with the cells' points replaced by `drawn`.
void evaluate_draw(const Model& m, Workspace& w) {
  const auto& s = m.batch.scores;
  if (m.linear) {
    w.scale.assign(s.scale_achieved.begin(), s.scale_achieved.end());
    for (std::size_t k = 0; k < m.cells.size(); ++k) {
      const Cell& c = m.cells[k];
      w.scale[c.unit] += std::min(round_half_up_fast(w.drawn[k], m.decimals), c.max) - c.base;
    }
    w.index.resize(s.total.size());
    for (std::size_t u = 0; u < w.index.size(); ++u) {
      const double total = std::max(0.0, round_half_up_fast(w.scale[u], m.decimals) + s.bonus[u] - s.penalty[u]);
      w.index[u] = s.scale_max[u] > 0 ? total / s.scale_max[u] * 100.0 : 0.0;
    }
    return;
  }
  // Any other framework: the drawn points enter as appraised scores and the kernel runs.
  for (std::size_t k = 0; k < m.cells.size(); ++k) w.table.appraised[w.table.at(m.cells[k].leaf, m.cells[k].unit)] = w.drawn[k];
  if (m.weights) {
    evaluate_table(m.plan.with_weights(drawn_weights(m, w)), w.table, w.scores);
  } else {
    evaluate_table(m.plan, w.table, w.scores);
  }
  w.index = w.scores.index_percent;
}

Workspace workspace(const Model& m) {
  Workspace w;
  w.drawn.resize(m.cells.size());
  w.multiplier.assign(m.factors.size(), 1.0);
  if (!m.linear) w.table = m.batch.inputs;
  return w;
}

// Counts of one thread's share of the draws; added up in draw order's independent way.
struct Counts {
  std::vector<std::uint32_t> rank, group, above;
};

void count_draw(const RankedValues& r, const std::vector<std::size_t>& versus, std::size_t groups, Counts& c) {
  const std::size_t n = r.rank.size();
  for (std::size_t u = 0; u < n; ++u) {
    ++c.rank[u * n + static_cast<std::size_t>(r.rank[u] - 1)];
    if (r.group[u] >= 0) ++c.group[u * groups + static_cast<std::size_t>(r.group[u])];
    for (std::size_t v = 0; v < versus.size(); ++v) c.above[u * versus.size() + v] += r.rank[u] < r.rank[versus[v]];
  }
}

// Ranks without groups, as rank_values gives them (higher first, equal at the tie decimals
// sharing the better rank), for the Monte Carlo's inner loop: the last draw's order finished by
// insertion sort, nothing else computed.
void rank_ungrouped(const Model& m, Workspace& w) {
  const std::size_t n = w.index.size();
  auto& r = w.ranked;
  w.shown.resize(n);
  for (std::size_t i = 0; i < n; ++i) w.shown[i] = round_half_up_fast(w.index[i], m.tie_decimals);
  const double* shown = w.shown.data();
  auto before = [shown](std::size_t a, std::size_t b) { return shown[a] > shown[b] || (shown[a] == shown[b] && a < b); };
  bool sorted = r.order.size() == n;
  if (sorted) {
    std::size_t moves = 0;
    for (std::size_t k = 1; k < n && sorted; ++k) {
      const std::size_t i = r.order[k];
      std::size_t j = k;
      for (; j > 0 && before(i, r.order[j - 1]); --j) r.order[j] = r.order[j - 1];
      r.order[j] = i;
      moves += k - j;
      sorted = moves <= 8 * n;  // else a full sort is cheaper
    }
  }
  if (!sorted) {
    r.order.resize(n);
    std::iota(r.order.begin(), r.order.end(), std::size_t{0});
    std::sort(r.order.begin(), r.order.end(), before);
  }
  r.rank.resize(n);
  r.group.assign(n, -1);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = r.order[k];
    r.rank[i] = (k > 0 && shown[r.order[k - 1]] == shown[i]) ? r.rank[r.order[k - 1]] : static_cast<int>(k + 1);
  }
}

#ifdef PARINDEX_AVX512
bool has_avx512();

// GCC 12's AVX-512 headers trip -Wmaybe-uninitialized on their own undefined vectors.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

// Every unit's figure as shown (round_half_up_fast), eight at a time: a positive y = x * 10^d
// under 1e9 and away from a tie by round_half_up_fast's margin rounds to y's nearest integer,
// as its truncation of y + 0.5 does, and is divided by the same power of ten; any other
// figure by round_half_up_fast itself.
__attribute__((target("avx512f,avx512dq"))) void shown_avx512(const double* index, std::size_t n, int decimals, double* shown) {
  constexpr double scales[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};  // round_half_up_fast's
  const __m512d s = _mm512_set1_pd(scales[decimals]), zero = _mm512_setzero_pd();
  const __m512d clear_below = _mm512_set1_pd(0x1.ffffbce4217d3p-2), limit = _mm512_set1_pd(1.0e9);
  for (std::size_t i = 0; i < n; i += 8) {
    const __mmask8 valid = n - i >= 8 ? 0xff : static_cast<__mmask8>((1u << (n - i)) - 1);
    const __m512d y = _mm512_mul_pd(_mm512_maskz_loadu_pd(valid, index + i), s);
    const __m512d miss = _mm512_abs_pd(_mm512_reduce_pd(y, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    const __mmask8 done = valid & _mm512_cmp_pd_mask(miss, clear_below, _CMP_LT_OQ) & _mm512_cmp_pd_mask(y, limit, _CMP_LT_OQ) &
                          _mm512_cmp_pd_mask(y, zero, _CMP_GT_OQ);
    const __m512d r = _mm512_roundscale_pd(y, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    _mm512_mask_storeu_pd(shown + i, done, _mm512_div_pd(r, s));
    for (unsigned lanes = valid & static_cast<__mmask8>(~done); lanes != 0; lanes &= lanes - 1) {
      const std::size_t u = i + static_cast<unsigned>(__builtin_ctz(lanes));
      shown[u] = round_half_up_fast(index[u], decimals);
    }
  }
}

// The grid draw's index % of every unit, as evaluate_grid_draw's loop computes it, eight at a time.
__attribute__((target("avx512f,avx512dq"))) void index_from_steps_avx512(const std::int64_t* steps, const BatchScores& s, double scale,
                                                                     double* index) {
  const std::size_t n = s.total.size();
  const __m512d scale_v = _mm512_set1_pd(scale), zero = _mm512_setzero_pd(), hundred = _mm512_set1_pd(100.0);
  for (std::size_t u = 0; u < n; u += 8) {
    const __mmask8 valid = n - u >= 8 ? 0xff : static_cast<__mmask8>((1u << (n - u)) - 1);
    const __m512d points = _mm512_div_pd(_mm512_cvtepi64_pd(_mm512_maskz_loadu_epi64(valid, steps + u)), scale_v);
    const __m512d net = _mm512_sub_pd(_mm512_add_pd(points, _mm512_maskz_loadu_pd(valid, s.bonus.data() + u)),
                                      _mm512_maskz_loadu_pd(valid, s.penalty.data() + u));
    const __m512d total = _mm512_max_pd(net, zero);  // (net > 0) ? net : 0, as std::max(0.0, net)
    const __m512d max = _mm512_maskz_loadu_pd(valid, s.scale_max.data() + u);
    const __mmask8 scored = _mm512_cmp_pd_mask(max, zero, _CMP_GT_OQ);
    _mm512_mask_storeu_pd(index + u, valid, _mm512_mul_pd(_mm512_maskz_div_pd(scored, total, max), hundred));
  }
}

// A unit's rank is one more than the number of units shown strictly higher: for a hundred
// units, ten thousand comparisons eight at a time, with no branch to mispredict, beat finishing
// a sort (whose every insertion ends on a mispredicted branch). Eight units' counts are kept
// in a register, each other unit's figure compared with all eight at once and added as a mask.
__attribute__((target("avx512f"))) void ranks_by_counting_avx512(const double* shown, std::size_t n, int* rank) {
  const __m512i one = _mm512_set1_epi64(1);
  for (std::size_t i = 0; i < n; i += 8) {
    const __mmask8 valid = n - i >= 8 ? 0xff : static_cast<__mmask8>((1u << (n - i)) - 1);
    const __m512d mine = _mm512_maskz_loadu_pd(valid, shown + i);
    __m512i higher = one;  // the rank, from 1
#pragma GCC unroll 4
    for (std::size_t j = 0; j < n; ++j) {
      const __mmask8 above = _mm512_cmp_pd_mask(_mm512_set1_pd(shown[j]), mine, _CMP_GT_OQ);
      higher = _mm512_mask_add_epi64(higher, above, higher, one);
    }
    _mm512_mask_cvtepi64_storeu_epi32(rank + i, valid, higher);
  }
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif

void rank_draw(const Model& m, Workspace& w) {
#ifdef PARINDEX_AVX512
  const std::size_t n = w.index.size();
  if (std::holds_alternative<std::monostate>(m.grouping) && n <= 256 && has_avx512()) {
    w.shown.resize(n);
    shown_avx512(w.index.data(), n, m.tie_decimals, w.shown.data());
    w.ranked.rank.resize(n);
    w.ranked.group.assign(n, -1);
    ranks_by_counting_avx512(w.shown.data(), n, w.ranked.rank.data());
    return;
  }
#endif
  if (std::holds_alternative<std::monostate>(m.grouping)) {
    rank_ungrouped(m, w);
  } else {
    rank_values(w.index, m.tie_decimals, m.grouping, w.ranked);
  }
}

void draw_all(const Model& m, std::uint64_t draw, std::uint64_t sample, Workspace& w) {
  const std::uint64_t key = rnd::draw_key(m.seed, draw, sample);
  for (std::size_t f = 0; f < m.factors.size(); ++f) draw_factor(m, f, key, w.drawn.data(), w.multiplier.data());
}

// The linear case's draw and evaluation in one pass over the cells: each drawn point is
// clamped, rounded and added to its unit's total at once, with no buffer between. The same
// numbers as draw_all then evaluate_draw, in the same order (a test compares the two).
template <UncertainFactor::Kind kind>
void draw_and_add(const Model& m, const Factor& factor, std::uint64_t key, double* scale) {
  const Cell* cell = m.cells.data() + factor.first;
  for (std::size_t k = 0; k < factor.count; ++k) {
    const Cell& c = cell[k];
    const double p = std::clamp(drawn_point<kind>(factor.spec, c.base, key, k), 0.0, c.max);
    scale[c.unit] += std::min(round_half_up_fast(p, m.decimals), c.max) - c.base;
  }
}

// The same on the grid: a point rounded half up to whole steps, as round_half_up_fast does
// (an exact decimal rounding near a tie), its unit's total kept in steps.
template <UncertainFactor::Kind kind>
void draw_and_add_steps(const Model& m, const Factor& factor, std::uint64_t key, std::int64_t* steps) {
  const double scale = m.grid_scale;
  const Cell* cell = m.cells.data() + factor.first;
  const std::int64_t* base = m.cell_base.data() + factor.first;
  const std::int64_t* max = m.cell_max.data() + factor.first;
  for (std::size_t k = 0; k < factor.count; ++k) {
    const double p = std::clamp(drawn_point<kind>(factor.spec, cell[k].base, key, k), 0.0, cell[k].max);
    const double y = p * scale;  // at least 0
    std::int64_t q = static_cast<std::int64_t>(y + 0.5);
    if (!(y < 1.0e9 && 0.5 - std::fabs(y - static_cast<double>(q)) > 1e-6)) [[unlikely]] {
      q = static_cast<std::int64_t>(std::nearbyint(round_half_up(p, m.decimals) * scale));
    }
    steps[cell[k].unit] += std::min(q, max[k]) - base[k];
  }
}

#ifdef PARINDEX_AVX512
// Normal cells eight at a time with AVX-512 (checked at run time; the build stays portable):
// the same integer and IEEE operations as drawn_point and draw_and_add_steps, lane by lane, no
// multiply-add fused (-ffp-contract=off, CMakeLists.txt), so the same steps to the bit. A lane
// outside its layer's rectangle, or near a rounding tie, is left to the scalar code.
// GCC 12's AVX-512 headers trip -Wmaybe-uninitialized on their own undefined vectors.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

// Each 64-bit number's layer entry, by plain loads: a gather of eight (vpgatherqq) costs more
// than the eight loads it stands for (on Zen 5 some 5 ns; the gathers were 40% of the run).
// Not inlined into the AVX-512 code, where a compiler could turn the loop back into gathers.
[[gnu::noinline]] void look_up_layers(const std::uint64_t* bits, std::size_t count, std::uint64_t* entries) {
  const std::uint64_t* packed = rnd::ziggurat_table.packed;
#pragma GCC unroll 8
  for (std::size_t i = 0; i < count; ++i) entries[i] = packed[bits[i] & (rnd::Ziggurat::layers - 1)];
}

// Appends to `rest` the cells of a block (from unit k) whose lane is set in undone[j], as
// (j << 32) | cell; 0.43% of lanes, so eight factors' bytes are tested at once. `undone` has
// room for a multiple of eight, the bytes past `factors` zero.
[[gnu::always_inline]] inline std::size_t list_undone(const std::uint8_t* undone, std::size_t factors, std::size_t k, std::uint64_t* rest,
                                                     std::size_t left) {
  for (std::size_t j0 = 0; j0 < factors; j0 += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, undone + j0, 8);
    if (eight == 0) [[likely]] continue;
    for (std::size_t j = j0; j < j0 + 8; ++j) {
      for (unsigned lanes = undone[j]; lanes != 0; lanes &= lanes - 1) {
        rest[left++] = (j << 32) | (k + static_cast<unsigned>(__builtin_ctz(lanes)));
      }
    }
  }
  return left;
}

// rnd::mix(key + offset), lane by lane.
__attribute__((target("avx512f,avx512dq"), always_inline)) inline __m512i mix8(std::uint64_t key, __m512i offset) {
  __m512i x = _mm512_add_epi64(_mm512_set1_epi64(static_cast<long long>(key)), offset);
  x = _mm512_mullo_epi64(_mm512_xor_si512(x, _mm512_srli_epi64(x, 30)), _mm512_set1_epi64(static_cast<long long>(0xbf58476d1ce4e5b9ULL)));
  x = _mm512_mullo_epi64(_mm512_xor_si512(x, _mm512_srli_epi64(x, 27)), _mm512_set1_epi64(static_cast<long long>(0x94d049bb133111ebULL)));
  return _mm512_xor_si512(x, _mm512_srli_epi64(x, 31));
}

// Adds to `steps` (count units) the drawn points, in steps, of a run's cells; the caller
// subtracts the run's base. Factor j's cells are at point + j * count, its stream's key
// keys[j], its point drawn as drawn_point does: the cell's point + slopes[j] × a normal or
// 2u − 1 (slopes[j] the spread), or lows[j] + slopes[j] × u for a range (slopes[j] its
// width). A block of eight units is totalled over all the factors in a register, so no total
// goes through memory between factors. The cells left to the scalar code go to `rest` as
// (j << 32) | k; returns how many. Scratch: `bits` and `entries` hold 8 * factors numbers
// each, `undone` a byte per factor and up to seven more, zero.
template <UncertainFactor::Kind kind>
__attribute__((target("avx512f,avx512dq,avx512vl"))) std::size_t run_avx512(
    const std::uint64_t* keys, const double* slopes, const double* lows, std::size_t factors, std::size_t count, double scale,
    const double* point, const std::int64_t* top_steps, std::int64_t* steps, std::uint64_t* rest, std::uint64_t* bits,
    std::uint64_t* entries, std::uint8_t* undone) {
  constexpr bool normal = kind == UncertainFactor::Kind::normal;
  const __m512i lane = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
  const __m512i golden = _mm512_set1_epi64(static_cast<long long>(rnd::golden));
  const __m512i zero_i = _mm512_setzero_si512(), low16 = _mm512_set1_epi64(0xffff);
  const __m512d w_unit = _mm512_set1_pd(rnd::Ziggurat::w_unit), u_unit = _mm512_set1_pd(0x1.0p-53);
  const __m512d scale_v = _mm512_set1_pd(scale), one = _mm512_set1_pd(1.0);
  // The least double d with miss < d exactly when 0.5 - miss > 1e-6 (0.5 - miss exact there).
  const __m512d clear_below = _mm512_set1_pd(0x1.ffffbce4217d3p-2), limit = _mm512_set1_pd(1.0e9);
  std::size_t left = 0;
  for (std::size_t k = 0; k < count; k += 8) {
    const __mmask8 valid = count - k >= 8 ? 0xff : static_cast<__mmask8>((1u << (count - k)) - 1);
    const __m512i cell = _mm512_add_epi64(lane, _mm512_set1_epi64(static_cast<long long>(k)));
    // The k-th number of a stream is mix(key + k * golden); + golden is mix's own first step.
    const __m512i offset = _mm512_mullo_epi64(_mm512_add_epi64(cell, _mm512_set1_epi64(1)), golden);
    if constexpr (normal) {
      for (std::size_t j = 0; j < factors; ++j) _mm512_storeu_si512(bits + 8 * j, mix8(keys[j], offset));
      look_up_layers(bits, 8 * factors, entries);
    }
    __m512i total = zero_i;
#pragma GCC unroll 2
    for (std::size_t j = 0; j < factors; ++j) {
      const std::size_t at = j * count + k;
      __mmask8 fast = 0xff;
      __m512d p;
      if constexpr (normal) {
        const __m512i h = _mm512_srai_epi64(_mm512_loadu_si512(bits + 8 * j), 32);  // the high 32 bits, signed
        // The layer's end in whole x_unit above, its k's top 16 bits below.
        const __m512i packed = _mm512_loadu_si512(entries + 8 * j);
        fast = _mm512_cmplt_epu64_mask(_mm512_srli_epi64(_mm512_abs_epi64(h), 16), _mm512_and_si512(packed, low16));
        const __m512d width = _mm512_mul_pd(_mm512_cvtepu64_pd(_mm512_srli_epi64(packed, 16)), w_unit);  // = z.w[layer], exactly
        const __m512d z = _mm512_mul_pd(_mm512_cvtepi64_pd(h), width);
        p = _mm512_add_pd(_mm512_maskz_loadu_pd(valid, point + at), _mm512_mul_pd(_mm512_set1_pd(slopes[j]), z));
      } else {
        // rnd::to_uniform: the top 53 bits, exactly a double, times an exact power of two.
        const __m512d u = _mm512_mul_pd(_mm512_cvtepu64_pd(_mm512_srli_epi64(mix8(keys[j], offset), 11)), u_unit);
        if constexpr (kind == UncertainFactor::Kind::uniform) {
          const __m512d r = _mm512_sub_pd(_mm512_add_pd(u, u), one);  // 2 * u - 1
          p = _mm512_add_pd(_mm512_maskz_loadu_pd(valid, point + at), _mm512_mul_pd(_mm512_set1_pd(slopes[j]), r));
        } else {
          p = _mm512_add_pd(_mm512_set1_pd(lows[j]), _mm512_mul_pd(_mm512_set1_pd(slopes[j]), u));
        }
      }
      // Not clamped to [0, max] in points but in steps: a point below 0 gives at most 0 steps
      // and one above the maximum at least the maximum's (a whole number of steps to 1e-7),
      // so clamping the steps gives the same, one load and two operations fewer.
      // y's nearest integer, and its distance from y exactly (vreducepd): away from a tie by
      // the scalar code's margin (0.5 - miss > 1e-6, i.e. miss < clear_below) that is the
      // scalar code's trunc(y + 0.5), or at most 0 where y < 0.
      const __m512d y = _mm512_mul_pd(p, scale_v);
      const __m512i q = _mm512_cvt_roundpd_epi64(y, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
      const __m512d miss = _mm512_abs_pd(_mm512_reduce_pd(y, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
      const __mmask8 clear = _mm512_cmp_pd_mask(miss, clear_below, _CMP_LT_OQ) & _mm512_cmp_pd_mask(y, limit, _CMP_LT_OQ);
      const __m512i add = _mm512_max_epi64(_mm512_min_epi64(q, _mm512_maskz_loadu_epi64(valid, top_steps + at)), zero_i);
      const __mmask8 done = valid & fast & clear;
      total = _mm512_mask_add_epi64(total, done, total, add);
      undone[j] = valid & static_cast<__mmask8>(~done);  // listed below, not here: rare, and a branch here mispredicts
    }
    _mm512_mask_storeu_epi64(steps + k, valid, _mm512_add_epi64(_mm512_maskz_loadu_epi64(valid, steps + k), total));
    left = list_undone(undone, factors, k, rest, left);
  }
  return left;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

bool has_avx512() {
  static const bool yes = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
  return yes;
}
#endif

// One cell's points in steps, clamped to its maximum's, by the general code.
template <UncertainFactor::Kind kind>
std::int64_t cell_points_steps(const Model& m, const Factor& factor, std::uint64_t key, std::size_t k) {
  const std::size_t i = factor.first + k;
  const double p = std::clamp(drawn_point<kind>(factor.spec, m.cell_point[i], key, k), 0.0, m.cell_top[i]);
  const double y = p * m.grid_scale;  // at least 0
  auto q = static_cast<std::int64_t>(y + 0.5);
  if (!(y < 1.0e9 && 0.5 - std::fabs(y - static_cast<double>(q)) > 1e-6)) [[unlikely]] {
    q = static_cast<std::int64_t>(std::nearbyint(round_half_up(p, m.decimals) * m.grid_scale));
  }
  return std::min(q, m.cell_max[i]);
}

#ifdef PARINDEX_AVX512
template <UncertainFactor::Kind kind>
void add_run_steps_avx512(const Model& m, const Model::Run& run, Workspace& w) {
  const std::size_t first = m.factors[run.first_factor].first;
  std::int64_t* steps = w.steps.data() + run.unit;
  const std::size_t left = run_avx512<kind>(w.keys.data(), w.slopes.data(), w.lows.data(), run.factors, run.count, m.grid_scale,
                                            m.cell_point.data() + first, m.cell_max.data() + first, steps, w.rest.data(),
                                            w.bits.data(), w.entries.data(), w.undone.data());
  for (std::size_t i = 0; i < left; ++i) {
    const std::size_t j = w.rest[i] >> 32, k = w.rest[i] & 0xffffffffu;
    steps[k] += cell_points_steps<kind>(m, m.factors[run.first_factor + j], w.keys[j], k);
  }
  for (std::size_t k = 0; k < run.count; ++k) steps[k] -= run.base[k];
}
#endif

// A run's steps, eight units at a time over all its factors, where the processor can.
bool add_run_steps_vector(const Model& m, const Model::Run& run, std::uint64_t draw_key, Workspace& w) {
#ifdef PARINDEX_AVX512
  if (!has_avx512()) return false;
  w.keys.resize(run.factors);
  w.slopes.resize(run.factors);
  w.lows.resize(run.factors);
  for (std::size_t j = 0; j < run.factors; ++j) {
    const UncertainFactor& spec = m.factors[run.first_factor + j].spec;
    w.keys[j] = rnd::stream_key(draw_key, run.first_factor + j);
    w.slopes[j] = run.kind == UncertainFactor::Kind::range ? spec.high - spec.low : spec.spread;
    w.lows[j] = spec.low;
  }
  w.rest.resize(run.factors * run.count);
  w.undone.assign((run.factors + 7) / 8 * 8, 0);
  w.bits.resize(8 * run.factors);
  w.entries.resize(8 * run.factors);
  switch (run.kind) {
    case UncertainFactor::Kind::normal: add_run_steps_avx512<UncertainFactor::Kind::normal>(m, run, w); break;
    case UncertainFactor::Kind::uniform: add_run_steps_avx512<UncertainFactor::Kind::uniform>(m, run, w); break;
    case UncertainFactor::Kind::range: add_run_steps_avx512<UncertainFactor::Kind::range>(m, run, w); break;
    case UncertainFactor::Kind::weight: break;  // never in a run
  }
  return true;
#else
  (void)m, (void)run, (void)draw_key, (void)w;
  return false;
#endif
}

void evaluate_grid_draw(const Model& m, std::uint64_t draw, Workspace& w) {
  const auto& s = m.batch.scores;
  w.steps.assign(m.unit_base.begin(), m.unit_base.end());
  const std::uint64_t draw_key = rnd::draw_key(m.seed, draw, 0);
  const bool vector =
      std::all_of(m.runs.begin(), m.runs.end(), [&](const Model::Run& run) { return add_run_steps_vector(m, run, draw_key, w); });
  for (std::size_t f = 0; f < m.factors.size(); ++f) {
    const Factor& factor = m.factors[f];
    if (vector && factor.consecutive_units) continue;  // drawn in its run
    const std::uint64_t key = rnd::stream_key(draw_key, f);
    switch (factor.spec.kind) {
      case UncertainFactor::Kind::normal: draw_and_add_steps<UncertainFactor::Kind::normal>(m, factor, key, w.steps.data()); break;
      case UncertainFactor::Kind::uniform: draw_and_add_steps<UncertainFactor::Kind::uniform>(m, factor, key, w.steps.data()); break;
      case UncertainFactor::Kind::range: draw_and_add_steps<UncertainFactor::Kind::range>(m, factor, key, w.steps.data()); break;
      case UncertainFactor::Kind::weight: break;  // never in a linear model
    }
  }
  const double scale = m.grid_scale;
  w.index.resize(s.total.size());
#ifdef PARINDEX_AVX512
  if (has_avx512()) return index_from_steps_avx512(w.steps.data(), s, scale, w.index.data());
#endif
  for (std::size_t u = 0; u < w.index.size(); ++u) {
    // A whole number of steps over a power of ten: the correctly rounded decimal, as
    // round_half_up_fast gives for the same total summed in doubles.
    const double total = std::max(0.0, static_cast<double>(w.steps[u]) / scale + s.bonus[u] - s.penalty[u]);
    w.index[u] = s.scale_max[u] > 0 ? total / s.scale_max[u] * 100.0 : 0.0;
  }
}

void evaluate_linear_draw(const Model& m, std::uint64_t draw, Workspace& w) {
  const auto& s = m.batch.scores;
  w.scale.assign(s.scale_achieved.begin(), s.scale_achieved.end());
  const std::uint64_t draw_key = rnd::draw_key(m.seed, draw, 0);
  for (std::size_t f = 0; f < m.factors.size(); ++f) {
    const Factor& factor = m.factors[f];
    const std::uint64_t key = rnd::stream_key(draw_key, f);
    switch (factor.spec.kind) {
      case UncertainFactor::Kind::normal: draw_and_add<UncertainFactor::Kind::normal>(m, factor, key, w.scale.data()); break;
      case UncertainFactor::Kind::uniform: draw_and_add<UncertainFactor::Kind::uniform>(m, factor, key, w.scale.data()); break;
      case UncertainFactor::Kind::range: draw_and_add<UncertainFactor::Kind::range>(m, factor, key, w.scale.data()); break;
      case UncertainFactor::Kind::weight: break;  // never in a linear model
    }
  }
  w.index.resize(s.total.size());
  for (std::size_t u = 0; u < w.index.size(); ++u) {
    const double total = std::max(0.0, round_half_up_fast(w.scale[u], m.decimals) + s.bonus[u] - s.penalty[u]);
    w.index[u] = s.scale_max[u] > 0 ? total / s.scale_max[u] * 100.0 : 0.0;
  }
}

// Runs body(first, last, thread) over [0, count) split in contiguous parts, one per thread.
template <class Body>
void in_parallel(std::size_t count, unsigned threads, Body body) {
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::min<std::size_t>(count, 256))));
  std::vector<std::exception_ptr> failures(threads);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    const std::size_t first = count * t / threads, last = count * (t + 1) / threads;
    auto run = [&, first, last, t] {
      try {
        body(first, last, t);
      } catch (...) {
        failures[t] = std::current_exception();
      }
    };
    if (t + 1 == threads) {
      run();
      continue;
    }
    // Where no thread can be had, this one does the part: the draws, not the threads, decide the result.
    try {
      pool.emplace_back(run);
    } catch (const std::system_error&) {
      run();
    }
  }
  for (auto& th : pool) th.join();
  for (auto& f : failures) {
    if (f) std::rethrow_exception(f);
  }
}

// The mean absolute shift of the ranks from the nominal ones: the output the sensitivity explains.
double rank_shift(const RankedValues& r, const std::vector<int>& nominal) {
  double sum = 0;
  for (std::size_t u = 0; u < nominal.size(); ++u) sum += std::abs(r.rank[u] - nominal[u]);
  return sum / static_cast<double>(nominal.size());
}

std::vector<FactorSensitivity> sensitivity(const Model& m, const UncertaintyOptions& o, const std::vector<int>& nominal, unsigned threads) {
  const std::size_t k = m.factors.size(), n = o.draws;
  // Per draw: f(A), f(B), then f(A with factor i from B); kept per draw so the sums below run
  // in one order whatever the thread count.
  std::vector<double> y(n * (k + 2));
  in_parallel(n, threads, [&](std::size_t first, std::size_t last, unsigned) {
    Workspace w = workspace(m);
    auto output = [&] {
      evaluate_draw(m, w);
      rank_draw(m, w);
      return rank_shift(w.ranked, nominal);
    };
    for (std::size_t d = first; d < last; ++d) {
      double* row = y.data() + d * (k + 2);
      draw_all(m, d, 0, w);
      row[0] = output();
      draw_all(m, d, 1, w);
      row[1] = output();
      const std::uint64_t key_a = rnd::draw_key(m.seed, d, 0), key_b = rnd::draw_key(m.seed, d, 1);
      for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t f = 0; f < k; ++f) draw_factor(m, f, f == i ? key_b : key_a, w.drawn.data(), w.multiplier.data());
        row[2 + i] = output();
      }
    }
  });
  double mean = 0, square = 0;
  for (std::size_t d = 0; d < n; ++d) {
    for (int s = 0; s < 2; ++s) mean += y[d * (k + 2) + static_cast<std::size_t>(s)];
  }
  mean /= static_cast<double>(2 * n);
  for (std::size_t d = 0; d < n; ++d) {
    for (int s = 0; s < 2; ++s) square += std::pow(y[d * (k + 2) + static_cast<std::size_t>(s)] - mean, 2);
  }
  const double variance = square / static_cast<double>(2 * n);
  std::vector<FactorSensitivity> out;
  for (std::size_t i = 0; i < k; ++i) {
    double first = 0, total = 0;
    for (std::size_t d = 0; d < n; ++d) {
      const double* row = y.data() + d * (k + 2);
      first += row[1] * (row[2 + i] - row[0]);
      total += (row[0] - row[2 + i]) * (row[0] - row[2 + i]);
    }
    const double scale = variance > 0 ? 1.0 / (static_cast<double>(n) * variance) : 0.0;
    out.push_back({m.factors[i].spec.name, first * scale, total * scale / 2});
  }
  return out;
}

std::vector<std::size_t> versus_units(const BatchResult& batch, const std::vector<std::string>& versus) {
  std::vector<std::size_t> out;
  for (const auto& code : versus) {
    const auto u = batch.find(code);
    if (!u) throw error(error_kind::argument, "uncertainty, versus " + code, "no such unit in the batch");
    out.push_back(*u);
  }
  return out;
}

}  // namespace

std::vector<UncertainFactor> survey_factors(const Framework& framework, double standard_error_percent) {
  std::vector<UncertainFactor> out;
  for (std::size_t i = 0; i < framework.criteria().size(); ++i) {
    const Criterion& c = framework.criteria()[i];
    if (!framework.is_leaf(i) || c.source != PointSource::survey) continue;
    UncertainFactor f;
    f.name = c.code.str() + " (survey)";
    f.code = c.code;
    f.spread = standard_error_percent / 100.0 * c.max_points;
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<UncertainFactor> appraisal_factors(const Framework& framework, const BatchResult& batch, double range) {
  std::vector<UncertainFactor> out;
  const auto& plan = framework.plan();
  for (std::size_t leaf = 0; leaf < plan.leaf_count(); ++leaf) {
    const std::size_t node = plan.leaf_node(leaf);
    UncertainFactor f;
    for (std::size_t u = 0; u < batch.units.size(); ++u) {
      if (batch.scores.decision_at(u, node) == Decision::appraised) f.units.push_back(batch.units[u].code);
    }
    if (f.units.empty()) continue;
    f.code = framework.criteria()[node].code;
    f.name = f.code.str() + " (appraised)";
    f.kind = UncertainFactor::Kind::uniform;
    f.spread = range;
    out.push_back(std::move(f));
  }
  return out;
}

int UncertaintyResult::rank_quantile(std::size_t unit, double q) const {
  const std::size_t n = units.size();
  std::uint64_t seen = 0;
  for (std::size_t r = 0; r < n; ++r) {
    seen += rank_frequency[unit * n + r];
    if (static_cast<double>(seen) >= q * static_cast<double>(draws)) return static_cast<int>(r + 1);
  }
  return static_cast<int>(n);
}

double UncertaintyResult::mean_rank(std::size_t unit) const {
  const std::size_t n = units.size();
  double sum = 0;
  for (std::size_t r = 0; r < n; ++r) sum += static_cast<double>(rank_frequency[unit * n + r]) * static_cast<double>(r + 1);
  return sum / static_cast<double>(draws);
}

UncertaintyResult rank_uncertainty(const Framework& framework, const BatchResult& batch, const UncertaintyOptions& o) {
  const Model m = compile(framework, batch, o);
  const unsigned threads = o.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.threads;
  UncertaintyResult out;
  out.units = batch.units;
  out.draws = o.draws;
  out.groups = group_names(o.ranking.grouping);
  out.versus = o.versus;
  const auto versus = versus_units(batch, o.versus);
  out.nominal_rank = rank_values(batch.scores.index_percent, m.tie_decimals, m.grouping).rank;
  const std::size_t n = batch.units.size(), groups = out.groups.size();
  std::vector<Counts> counts(std::max(1u, threads));
  in_parallel(o.draws, threads, [&](std::size_t first, std::size_t last, unsigned t) {
    Counts& c = counts[t];
    c.rank.assign(n * n, 0);
    c.group.assign(n * groups, 0);
    c.above.assign(n * versus.size(), 0);
    Workspace w = workspace(m);
    for (std::size_t d = first; d < last; ++d) {
      if (m.on_grid) {
        evaluate_grid_draw(m, d, w);
      } else if (m.linear) {
        evaluate_linear_draw(m, d, w);
      } else {
        draw_all(m, d, 0, w);
        evaluate_draw(m, w);
      }
      rank_draw(m, w);
      count_draw(w.ranked, versus, groups, c);
    }
  });
  out.rank_frequency.assign(n * n, 0);
  out.group_frequency.assign(n * groups, 0);
  out.above.assign(n * versus.size(), 0);
  for (const auto& c : counts) {
    for (std::size_t i = 0; i < c.rank.size(); ++i) out.rank_frequency[i] += c.rank[i];
    for (std::size_t i = 0; i < c.group.size(); ++i) out.group_frequency[i] += c.group[i];
    for (std::size_t i = 0; i < c.above.size(); ++i) out.above[i] += c.above[i];
  }
  if (o.sensitivity && !m.factors.empty()) out.sensitivity = sensitivity(m, o, out.nominal_rank, threads);
  return out;
}

UncertaintyDraws uncertainty_draws(const Framework& framework, const BatchResult& batch, const UncertaintyOptions& o) {
  const Model m = compile(framework, batch, o);
  UncertaintyDraws out;
  for (const auto& c : m.cells) {
    out.unit.push_back(c.unit);
    out.node.push_back(c.node);
  }
  out.points.resize(o.draws * m.cells.size());
  std::vector<double> multiplier(m.factors.size(), 1.0);
  for (std::size_t d = 0; d < o.draws; ++d) {
    const std::uint64_t key = rnd::draw_key(m.seed, d, 0);
    for (std::size_t f = 0; f < m.factors.size(); ++f) {
      draw_factor(m, f, key, out.points.data() + d * m.cells.size(), multiplier.data());
    }
  }
  return out;
}

}  // namespace parindex
