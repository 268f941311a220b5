// Bắc Sơn district, PAR INDEX 2023: the published table (Decision 102/QĐ-UBND of 16/01/2024,
// Lạng Sơn, copied into Bắc Sơn's 2024 plan) reproduced to the last digit shown.
#include "parindex/core/gaps.hpp"
#include "parindex/io/json.hpp"
#include "parindex/core/ranking.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

struct Published {
  const char* code;
  const char* max;
  const char* achieved;
  const char* lost;
};

// Every row of the published table, as printed (with '.' for the decimal comma).
const Published published_rows[] = {
    {"1", "10.00", "9.50", "0.50"},    {"1.6.2", "0.50", "0.00", "0.50"}, {"2", "7.00", "7.00", "0.00"},
    {"3", "16.00", "15.75", "0.25"},   {"3.5.3", "0.50", "0.25", "0.25"}, {"4", "9.50", "7.83", "1.67"},
    {"4.2", "2.00", "0.33", "1.67"},   {"5", "11.50", "11.50", "0.00"},   {"6", "8.50", "4.00", "4.50"},
    {"6.1.2", "0.50", "0.00", "0.50"}, {"6.1.4", "1.50", "0.50", "1.00"}, {"6.2.3", "0.50", "0.00", "0.50"},
    {"6.3.1", "1.00", "0.00", "1.00"}, {"6.3.2", "0.50", "0.00", "0.50"}, {"6.4", "1.00", "0.00", "1.00"},
    {"7", "10.00", "5.90", "4.10"},    {"7.2", "1.00", "0.88", "0.12"},   {"7.3.1", "1.00", "0.00", "1.00"},
    {"7.3.2", "1.00", "0.00", "1.00"}, {"7.6.1", "1.00", "0.72", "0.28"}, {"7.6.2", "1.00", "0.16", "0.84"},
    {"7.6.3", "1.00", "0.14", "0.86"}, {"8", "7.00", "4.78", "2.22"},    {"8.1.1", "1.00", "0.00", "1.00"},
    {"8.1.2", "1.00", "0.00", "1.00"}, {"8.3", "2.00", "1.78", "0.22"},   {"9", "20.00", "18.61", "1.39"},
};

Scorecard bac_son() {
  auto framework = load_framework(source_path("data/frameworks/langson-district-2023.json"));
  return evaluate(framework, load_assessment(source_path("examples/langson-2023/bac-son.json")));
}

}  // namespace

TEST(BacSon2023, EveryPublishedRow) {
  auto card = bac_son();
  for (const auto& row : published_rows) {
    const ScoreLine* line = card.find(CriterionCode(row.code));
    ASSERT_NE(line, nullptr) << row.code;
    EXPECT_EQ(format_fixed(line->max_points, 2), row.max) << row.code;
    EXPECT_EQ(format_fixed(line->achieved, 2), row.achieved) << row.code;
    EXPECT_EQ(format_fixed(line->lost(), 2), row.lost) << row.code;
  }
}

TEST(BacSon2023, Totals) {
  auto card = bac_son();
  EXPECT_EQ(format_fixed(card.scale_max, 2), "99.50");
  EXPECT_EQ(format_fixed(card.total(), 2), "84.87");
  EXPECT_EQ(format_fixed(card.lost(), 2), "14.63");
  // The decision printed 85.32%; the published points give 85.30% (see examples/README.md).
  EXPECT_EQ(format_fixed(card.index_percent(), 2), "85.30");
}

TEST(BacSon2023, RulesReproduceTheAppraisedFigures) {
  auto card = bac_son();
  EXPECT_EQ(card.find(CriterionCode("3.5.3"))->decided_by, Decision::rule);
  EXPECT_EQ(card.find(CriterionCode("3.5.3"))->explanation, "84.59% is in [80%, 90%) → 0.25 of 0.50");
  EXPECT_EQ(card.find(CriterionCode("4.2"))->explanation, "2.00 × 1 ÷ 6 → 0.33 of 2.00");
  EXPECT_EQ(card.find(CriterionCode("9"))->explanation, "survey index 93.05% × 20.00 → 18.61 of 20.00");
  EXPECT_EQ(card.find(CriterionCode("1.6.2"))->decided_by, Decision::rule);
  EXPECT_EQ(card.find(CriterionCode("6.1.2"))->decided_by, Decision::rule);
}

TEST(BacSon2023, GapTable) {
  auto g = gaps(bac_son());
  EXPECT_EQ(format_fixed(g.total_lost, 2), "14.63");
  ASSERT_EQ(g.gaps.size(), 19u);  // the 18 sub-criterion rows of the published table, and field 9
  EXPECT_EQ(g.gaps.front().code.str(), "4.2");
  EXPECT_EQ(g.gaps.front().lead_agency, "Phòng Nội vụ");
  EXPECT_EQ(g.gaps.back().code.str(), "7.2");  // the smallest loss, 0.12
  double sum = 0;
  for (const auto& x : g.gaps) sum += x.lost;
  EXPECT_EQ(format_fixed(sum, 2), "14.63");
  ASSERT_EQ(g.fields.size(), 7u);  // fields 2 and 5 lost nothing
  EXPECT_EQ(g.fields.front().field.str(), "6");
  EXPECT_EQ(g.fields.front().criteria_below_max, 6u);
}

TEST(BacSon2023, RanksSecondAmongTheShippedDistricts) {
  auto framework = load_framework(source_path("data/frameworks/langson-district-2023.json"));
  std::vector<Scorecard> cards;
  for (const char* f : {"bac-son.json", "huu-lung.invented.json", "chi-lang.invented.json", "dinh-lap.invented.json"}) {
    cards.push_back(evaluate(framework, load_assessment(source_path(std::string("examples/langson-2023/") + f))));
  }
  auto r = rank(cards);
  ASSERT_EQ(r.units.size(), 4u);
  EXPECT_EQ(r.units[1].unit.code, "bac-son");
  EXPECT_EQ(r.units[1].rank_label(), "02/04");
  EXPECT_EQ(r.units[2].rank, 3);
  EXPECT_EQ(r.units[3].rank, 3);  // Chi Lăng and Đình Lập tie at 83.73%
}
