#include "parindex/core/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "parindex/core/error.hpp"

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
double quantile(std::vector<double> sorted, double q) {
  std::sort(sorted.begin(), sorted.end());
  double pos = q * static_cast<double>(sorted.size() - 1);
  auto lo = static_cast<std::size_t>(std::floor(pos));
  auto hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

Ranking rank(std::span<const Scorecard> scorecards, const RankOptions& options) {
  Ranking out;
  if (scorecards.empty()) return out;
  out.framework_id = scorecards.front().framework_id;
  out.year = scorecards.front().year;
  int decimals = options.tie_decimals.value_or(scorecards.front().rounding.decimals);
  if (decimals < 0 || decimals > 6) throw error(error_kind::argument, "rank", "tie decimals must lie in 0..6");

  std::set<std::string> seen;
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
    out.units.push_back(std::move(u));
  }

  // Rank on the figure as shown, so units a published table shows equal share a rank.
  auto shown = [&](const RankedUnit& u) { return std::llround(round_half_up(u.index_percent, decimals) * std::pow(10.0, decimals)); };
  std::sort(out.units.begin(), out.units.end(), [&](const RankedUnit& a, const RankedUnit& b) {
    auto sa = shown(a), sb = shown(b);
    if (sa != sb) return sa > sb;
    return a.unit.code < b.unit.code;
  });
  const int count = static_cast<int>(out.units.size());
  for (int i = 0; i < count; ++i) {
    auto& u = out.units[static_cast<std::size_t>(i)];
    u.of = count;
    u.rank = (i > 0 && shown(out.units[static_cast<std::size_t>(i - 1)]) == shown(u))
                 ? out.units[static_cast<std::size_t>(i - 1)].rank
                 : i + 1;
  }

  if (auto* t = std::get_if<ThresholdGroups>(&options.grouping)) {
    auto groups = t->groups;
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.min_percent > b.min_percent; });
    for (auto& u : out.units) {
      double v = round_half_up(u.index_percent, decimals);
      for (const auto& g : groups) {
        if (v >= g.min_percent) {
          u.group = g.name;
          break;
        }
      }
    }
  } else if (auto* q = std::get_if<QuartileGroups>(&options.grouping)) {
    if (q->names.size() != 4) throw error(error_kind::argument, "rank", "quartile grouping needs exactly four names");
    std::vector<double> values;
    for (const auto& u : out.units) values.push_back(u.index_percent);
    double q1 = quantile(values, 0.25), q2 = quantile(values, 0.5), q3 = quantile(values, 0.75);
    for (auto& u : out.units) {
      double v = u.index_percent;
      u.group = v >= q3 ? q->names[0] : v >= q2 ? q->names[1] : v >= q1 ? q->names[2] : q->names[3];
    }
  }
  return out;
}

}  // namespace parindex
