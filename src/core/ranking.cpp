#include "parindex/core/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <set>

#include "parindex/core/batch.hpp"
#include "parindex/core/error.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

ThresholdGroups ThresholdGroups::national_par_index() { return {{{"A", 90.0}, {"B", 80.0}}}; }

std::string RankedUnit::rank_label() const {
  std::size_t width = std::max<std::size_t>(2, std::to_string(of).size());
  auto pad = [&](int v) {
    std::string s = std::to_string(v);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
  };
  return pad(rank) + "/" + pad(of);
}

namespace {

// Linear interpolation between order statistics (numpy's default, Hyndman–Fan type 7).
double quantile(const std::vector<double>& sorted, double q) {
  double pos = q * static_cast<double>(sorted.size() - 1);
  auto lo = static_cast<std::size_t>(std::floor(pos));
  auto hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

void check_decimals(int decimals) {
  if (decimals < 0 || decimals > 6) throw error(error_kind::argument, "rank", "tie decimals must lie in 0..6");
}

// A Monte Carlo ranks values that move a little from one draw to the next: the last order,
// kept in `order`, is nearly sorted, and insertion sort finishes it in a few moves. True when
// it did; false (order left a permutation or not) when `order` was no permutation of 0..n-1 or
// the values moved too far for insertion sort to beat a full sort.
template <class Before>
bool order_nearly_sorted(std::vector<std::size_t>& order, std::size_t n, Before before) {
  if (order.size() != n || n < 2) return false;
  thread_local std::vector<char> seen;
  seen.assign(n, 0);
  for (auto i : order) {
    if (i >= n || seen[i]) return false;
    seen[i] = 1;
  }
  std::size_t moves = 0;
  const std::size_t budget = 8 * n;
  for (std::size_t k = 1; k < n; ++k) {
    const std::size_t i = order[k];
    std::size_t j = k;
    for (; j > 0 && before(i, order[j - 1]); --j) order[j] = order[j - 1];
    order[j] = i;
    moves += k - j;
    if (moves > budget) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> group_names(const Grouping& grouping) {
  std::vector<std::string> names;
  if (auto* t = std::get_if<ThresholdGroups>(&grouping)) {
    for (const auto& g : t->groups) names.push_back(g.name);
  } else if (auto* q = std::get_if<QuartileGroups>(&grouping)) {
    names = q->names;
  }
  return names;
}

void rank_values(std::span<const double> values, int decimals, const Grouping& grouping, RankedValues& r) {
  check_decimals(decimals);
  const std::size_t n = values.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(values[i])) {
      throw error(error_kind::argument, "rank, value #" + std::to_string(i + 1), "a value to rank must be a finite number");
    }
  }
  // Every comparison is on the figure as shown, so units a published table shows equal tie.
  // Buffers are kept per thread: a Monte Carlo ranks thousands of times without allocating.
  thread_local std::vector<double> shown, sorted;
  shown.resize(n);
  for (std::size_t i = 0; i < n; ++i) shown[i] = round_half_up_fast(values[i], decimals);
  // Higher first, ties in input order (a stable sort's order, without its buffer): a total
  // order, so however it is reached the result is the same.
  auto before = [&](std::size_t a, std::size_t b) { return shown[a] > shown[b] || (shown[a] == shown[b] && a < b); };
  if (!order_nearly_sorted(r.order, n, before)) {
    r.order.resize(n);
    std::iota(r.order.begin(), r.order.end(), std::size_t{0});
    std::sort(r.order.begin(), r.order.end(), before);
  }
  r.rank.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = r.order[k];
    r.rank[i] = (k > 0 && shown[r.order[k - 1]] == shown[i]) ? r.rank[r.order[k - 1]] : static_cast<int>(k + 1);
  }
  r.group.assign(n, -1);
  r.cut_points.clear();
  if (auto* t = std::get_if<ThresholdGroups>(&grouping)) {
    // Highest threshold first; a unit takes the first it reaches.
    for (const auto& g : t->groups) r.cut_points.push_back(g.min_percent);
    std::sort(r.cut_points.begin(), r.cut_points.end(), std::greater<>());
    for (std::size_t i = 0; i < n; ++i) {
      double best = -std::numeric_limits<double>::infinity();
      for (std::size_t g = 0; g < t->groups.size(); ++g) {
        const double cut = t->groups[g].min_percent;
        if (shown[i] >= cut && cut > best) {
          best = cut;
          r.group[i] = static_cast<int>(g);
        }
      }
    }
  } else if (auto* q = std::get_if<QuartileGroups>(&grouping)) {
    if (q->names.size() != 4) throw error(error_kind::argument, "rank", "quartile grouping needs exactly four names");
    if (n > 0) {
      sorted.assign(shown.begin(), shown.end());
      std::sort(sorted.begin(), sorted.end());
      const double q1 = quantile(sorted, 0.25), q2 = quantile(sorted, 0.5), q3 = quantile(sorted, 0.75);
      r.cut_points = {q3, q2, q1};
      for (std::size_t i = 0; i < n; ++i) {
        const double v = shown[i];
        auto above = [&](double cut) { return q->cut_goes_down ? v > cut : v >= cut; };
        r.group[i] = above(q3) ? 0 : above(q2) ? 1 : above(q1) ? 2 : 3;
      }
    }
  }
  r.on_cut_point.assign(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    r.on_cut_point[i] = std::find(r.cut_points.begin(), r.cut_points.end(), shown[i]) != r.cut_points.end();
  }
}

RankedValues rank_values(std::span<const double> values, int decimals, const Grouping& grouping) {
  RankedValues r;
  rank_values(values, decimals, grouping, r);
  return r;
}

namespace {

Ranking ranked(Ranking out, std::vector<RankedUnit> units, const RankOptions& options, int decimals) {
  // Ties are listed in unit-code order: order the indices by code, then rank stably.
  std::vector<std::size_t> by_code(units.size());
  std::iota(by_code.begin(), by_code.end(), std::size_t{0});
  std::sort(by_code.begin(), by_code.end(), [&](std::size_t a, std::size_t b) { return units[a].unit.code < units[b].unit.code; });
  std::vector<double> values(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) values[i] = units[by_code[i]].index_percent;
  const RankedValues r = rank_values(values, decimals, options.grouping);
  const auto names = group_names(options.grouping);
  out.units.reserve(units.size());
  for (auto i : r.order) {
    RankedUnit u = std::move(units[by_code[i]]);
    u.rank = r.rank[i];
    u.of = static_cast<int>(units.size());
    if (r.group[i] >= 0) u.group = names[static_cast<std::size_t>(r.group[i])];
    out.units.push_back(std::move(u));
  }
  return out;
}

}  // namespace

Ranking rank(std::span<const Scorecard> scorecards, const RankOptions& options) {
  Ranking out;
  if (scorecards.empty()) return out;
  out.framework_id = scorecards.front().framework_id;
  out.year = scorecards.front().year;
  int decimals = options.tie_decimals.value_or(scorecards.front().rounding.decimals);
  check_decimals(decimals);

  std::set<std::string> seen;
  std::vector<RankedUnit> units;
  for (const auto& card : scorecards) {
    const std::string where = "rank, unit " + card.unit.code;
    if (card.framework_id != out.framework_id || card.year != out.year) {
      throw error(error_kind::argument, where,
                  "scored under " + card.framework_id + " " + std::to_string(card.year) + ", but the first unit under " +
                      out.framework_id + " " + std::to_string(out.year) + "; rank units of one framework and year");
    }
    if (!seen.insert(card.unit.code).second) throw error(error_kind::argument, where, "the unit appears twice");
    RankedUnit u;
    u.unit = card.unit;
    u.max_points = card.scale_max;
    u.total = card.total();
    u.index_percent = card.index_percent();
    units.push_back(std::move(u));
  }
  return ranked(std::move(out), std::move(units), options, decimals);
}

Ranking rank(const Framework& framework, const BatchResult& batch, const RankOptions& options) {
  Ranking out;
  out.framework_id = framework.id();
  out.year = batch.year;
  int decimals = options.tie_decimals.value_or(framework.info().rounding.decimals);
  check_decimals(decimals);
  std::set<std::string> seen;
  std::vector<RankedUnit> units(batch.units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (!seen.insert(batch.units[i].code).second) {
      throw error(error_kind::argument, "rank, unit " + batch.units[i].code, "the unit appears twice");
    }
    units[i].unit = batch.units[i];
    units[i].max_points = batch.scores.scale_max[i];
    units[i].total = batch.scores.total[i];
    units[i].index_percent = batch.scores.index_percent[i];
  }
  return ranked(std::move(out), std::move(units), options, decimals);
}

}  // namespace parindex
