#include "parindex/core/gaps.hpp"
#include "parindex/core/ranking.hpp"
#include "test_support.hpp"

#include <map>

using namespace parindex;

namespace {

Scorecard card(const char* code, double achieved, double max = 100.0, const char* framework = "fw", int year = 2023) {
  Scorecard c;
  c.framework_id = framework;
  c.year = year;
  c.unit = {code, code, "district"};
  c.scale_max = max;
  c.scale_achieved = achieved;
  return c;
}

}  // namespace

TEST(Ranking, TiesShareTheBetterRank) {
  std::vector<Scorecard> cards{card("a", 80), card("b", 91), card("c", 80), card("d", 70), card("e", 91)};
  auto r = rank(cards);
  std::vector<std::string> labels;
  for (const auto& u : r.units) labels.push_back(u.unit.code + " " + u.rank_label());
  EXPECT_EQ(labels, (std::vector<std::string>{"b 01/05", "e 01/05", "a 03/05", "c 03/05", "d 05/05"}));
}

TEST(Ranking, TiesAtTheShownDecimals) {
  // 82.89/99.00 = 83.7273% and 83.31/99.50 = 83.7286%: equal at two decimals, not at four.
  std::vector<Scorecard> cards{card("x", 82.89, 99.0), card("y", 83.31, 99.5)};
  auto two = rank(cards);
  EXPECT_EQ(two.units[0].rank, 1);
  EXPECT_EQ(two.units[1].rank, 1);
  auto four = rank(cards, RankOptions{4, {}});
  EXPECT_EQ(four.units[0].unit.code, "y");
  EXPECT_EQ(four.units[1].rank, 2);
}

TEST(Ranking, LabelWidthFollowsTheCount) {
  RankedUnit u;
  u.rank = 7;
  u.of = 105;
  EXPECT_EQ(u.rank_label(), "007/105");
  u.rank = 2;
  u.of = 11;
  EXPECT_EQ(u.rank_label(), "02/11");
}

TEST(Ranking, NationalGroups) {
  std::vector<Scorecard> cards{card("a", 90), card("b", 89.999), card("c", 80), card("d", 79.99)};
  auto r = rank(cards, RankOptions{std::nullopt, ThresholdGroups::national_par_index()});
  // 89.999 shows as 90.00, and a published table would put it in group A.
  EXPECT_EQ(r.units[0].group, "A");
  EXPECT_EQ(r.units[1].group, "A");
  EXPECT_EQ(r.units[2].group, "B");
  EXPECT_EQ(r.units[3].group, "");
}

TEST(Ranking, Quartiles) {
  std::vector<Scorecard> cards;
  for (int i = 1; i <= 8; ++i) cards.push_back(card(("u" + std::to_string(i)).c_str(), 10.0 * i));
  auto r = rank(cards, RankOptions{std::nullopt, QuartileGroups{}});
  // numpy: quantiles of 10..80 are 27.5, 45, 62.5.
  std::map<std::string, std::string> group;
  for (const auto& u : r.units) group[u.unit.code] = u.group;
  EXPECT_EQ(group["u8"], "highest");
  EXPECT_EQ(group["u7"], "highest");
  EXPECT_EQ(group["u6"], "high-average");
  EXPECT_EQ(group["u5"], "high-average");
  EXPECT_EQ(group["u4"], "low-average");
  EXPECT_EQ(group["u3"], "low-average");
  EXPECT_EQ(group["u2"], "lowest");
  EXPECT_EQ(group["u1"], "lowest");
}

TEST(Ranking, RefusesMixedInputs) {
  std::vector<Scorecard> mixed{card("a", 1), card("b", 1, 100, "other")};
  EXPECT_PARINDEX_ERROR(rank(mixed), error_kind::argument, "unit b: scored under other 2023");
  std::vector<Scorecard> years{card("a", 1), card("b", 1, 100, "fw", 2024)};
  EXPECT_PARINDEX_ERROR(rank(years), error_kind::argument, "rank units of one framework and year");
  std::vector<Scorecard> twice{card("a", 1), card("a", 2)};
  EXPECT_PARINDEX_ERROR(rank(twice), error_kind::argument, "unit a: the unit appears twice");
  EXPECT_TRUE(rank(std::vector<Scorecard>{}).units.empty());
}

TEST(Gaps, OrderedByPointsLostAndRolledUpByField) {
  Scorecard c = card("u", 0);
  auto line = [](const char* code, std::size_t depth, bool leaf, double max, double got, const char* cause = "") {
    ScoreLine l;
    l.code = CriterionCode(code);
    l.title = code;
    l.depth = depth;
    l.leaf = leaf;
    l.max_points = max;
    l.achieved = got;
    l.cause = cause;
    l.lead_agency = "Phòng Nội vụ";
    return l;
  };
  c.lines = {line("1", 1, false, 3, 2.5),        line("1.1", 2, true, 1, 0.5, "thiếu"), line("1.2", 2, true, 2, 2),
             line("2", 1, false, 3, 1.996),      line("2.1", 2, true, 1, 0), line("2.2", 2, true, 2, 1.996),
             line("3", 1, true, 1, 1)};
  c.scale_max = 7;
  c.scale_achieved = 5.496;
  auto g = gaps(c);
  // 2.2 is 0.004 short, which shows as 0.00 at two decimals: not a gap.
  ASSERT_EQ(g.gaps.size(), 2u);
  EXPECT_EQ(g.gaps[0].code.str(), "2.1");
  EXPECT_EQ(g.gaps[0].field.str(), "2");
  EXPECT_EQ(g.gaps[1].code.str(), "1.1");
  EXPECT_EQ(g.gaps[1].cause, "thiếu");
  EXPECT_EQ(g.gaps[1].lead_agency, "Phòng Nội vụ");
  ASSERT_EQ(g.fields.size(), 2u);
  EXPECT_EQ(g.fields[0].field.str(), "2");
  EXPECT_EQ(g.fields[0].criteria_below_max, 1u);
  EXPECT_EQ(g.fields[1].field.str(), "1");
}

TEST(RankValues, ReusedOrderGivesTheFreshRanks) {
  // A Monte Carlo passes the last draw's result back: its order is finished by insertion sort,
  // and an order that is no permutation (or far off) is sorted afresh; the ranks never differ.
  const std::vector<std::vector<double>> draws = {
      {50, 70, 70, 10, 90.004}, {51, 69, 70.001, 10, 90}, {90, 10, 20, 30, 40}, {1, 2, 3, 4, 5}};
  RankedValues reused;
  for (const auto& values : draws) {
    rank_values(values, 2, {}, reused);
    const RankedValues fresh = rank_values(values, 2);
    EXPECT_EQ(reused.order, fresh.order);
    EXPECT_EQ(reused.rank, fresh.rank);
  }
  reused.order = {0, 0, 7, 1, 2};  // not a permutation
  rank_values(draws[0], 2, {}, reused);
  EXPECT_EQ(reused.rank, rank_values(draws[0], 2).rank);
  EXPECT_EQ(reused.rank, (std::vector<int>{4, 2, 2, 5, 1}));
}
