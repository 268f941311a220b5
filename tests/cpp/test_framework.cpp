#include "parindex/core/framework.hpp"

#include "test_support.hpp"

using namespace parindex;

namespace {

Criterion node(const char* code, double max, std::optional<ScoringRule> rule = std::nullopt) {
  return make_criterion(code, max, std::move(rule));
}

FrameworkInfo info() {
  FrameworkInfo i;
  i.id = "test";
  i.name = "Khung thử nghiệm";
  i.period = {2023, 2025};
  i.legal_source = "none";
  return i;
}

}  // namespace

TEST(Framework, BuildsATreeInCodeOrder) {
  Framework f(info(), {node("2", 3), node("1.2", 1), node("1", 5), node("1.1", 4), node("1.1.1", 4), node("10", 2)});
  ASSERT_EQ(f.criteria().size(), 6u);
  std::vector<std::string> order;
  for (const auto& c : f.criteria()) order.push_back(c.code.str());
  EXPECT_EQ(order, (std::vector<std::string>{"1", "1.1", "1.1.1", "1.2", "2", "10"}));
  EXPECT_EQ(f.fields().size(), 3u);
  EXPECT_EQ(f.total_max(), 10.0);
  EXPECT_EQ(f.depth_of(2), 3u);
  EXPECT_TRUE(f.is_leaf(2));
  EXPECT_FALSE(f.is_leaf(1));
  EXPECT_EQ(*f.parent_of(3), 0u);
}

TEST(Framework, RaggedTreesAndExplicitParents) {
  // A field holding a criterion directly (4.2) beside one with sub-criteria, and an excerpt
  // that lists 1.6.2 without 1.6.
  auto excerpt = node("1.6.2", 0.5);
  excerpt.parent = CriterionCode("1");
  Framework f(info(), {node("1", 10), excerpt, node("1.*", 9.5), node("4", 3), node("4.1", 1), node("4.1.1", 1),
                       node("4.2", 2)});
  EXPECT_EQ(f.total_max(), 13.0);
  EXPECT_EQ(f.children_of(*f.find(CriterionCode("1"))).size(), 2u);
}

TEST(Framework, ParentMaxMustEqualChildrenSum) {
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("6", 8.5), node("6.1", 4), node("6.2", 4)}), error_kind::validation,
                        "criterion 6: max 8.50 but its children (6.1, 6.2) add to 8.00");
  // Sums are compared as decimals, so 0.1 + 0.2 equals 0.3.
  EXPECT_NO_THROW(Framework(info(), {node("1", 0.3), node("1.1", 0.1), node("1.2", 0.2)}));
}

TEST(Framework, RejectsStructuralErrors) {
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("1", 1), node("1", 1)}), error_kind::validation,
                        "criterion 1: the code appears twice");
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("1", 1), node("2.1", 1)}), error_kind::validation,
                        "child under a missing parent: 2 is not in the framework");
  auto stray = node("1.1", 1);
  stray.parent = CriterionCode("2");
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("1", 1), node("2", 1), stray}), error_kind::validation,
                        "its parent 2 is not an ancestor of its code");
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("1", 1, rules::YesNo{}), node("1.1", 1)}), error_kind::validation,
                        "only leaves take a scoring rule");
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("1", 2), node("1.*", 1), node("1.1", 1), node("1.*.1", 0)}),
                        error_kind::document, "not a criterion code");
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("1", -1)}), error_kind::validation, "from 0 to 1,000,000");
  EXPECT_PARINDEX_ERROR(Framework(info(), {}), error_kind::validation, "at least one field");
  auto untitled = node("1", 1);
  untitled.title.clear();
  EXPECT_PARINDEX_ERROR(Framework(info(), {untitled}), error_kind::validation, "the title must not be empty");
}

TEST(Framework, ValidatesRulesAgainstTheirMax) {
  rules::Bands b{{{rules::Interval::parse("[0, 50)"), 0}, {rules::Interval::parse("[50, 100]"), 2}}, "%"};
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("1", 1, b)}), error_kind::validation,
                        "criterion 1: band [50%, 100%] gives 2 points, outside [0, 1.00]");
}

TEST(Framework, InfoChecks) {
  auto bad = info();
  bad.period = {2025, 2023};
  EXPECT_PARINDEX_ERROR(Framework(bad, {node("1", 1)}), error_kind::validation, "period");
  bad = info();
  bad.id.clear();
  EXPECT_PARINDEX_ERROR(Framework(bad, {node("1", 1)}), error_kind::validation, "id must not be empty");
  bad = info();
  bad.rounding.decimals = 9;
  EXPECT_PARINDEX_ERROR(Framework(bad, {node("1", 1)}), error_kind::validation, "rounding decimals");
}

TEST(Framework, AdjustmentsHaveUniqueIdsAndPositiveMax) {
  std::vector<Adjustment> twice{{"x", "Thưởng", Adjustment::Kind::bonus, 1}, {"x", "Thưởng", Adjustment::Kind::bonus, 1}};
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("1", 1)}, twice), error_kind::validation, "adjustment x: the id appears twice");
  std::vector<Adjustment> zero{{"x", "Thưởng", Adjustment::Kind::bonus, 0}};
  EXPECT_PARINDEX_ERROR(Framework(info(), {node("1", 1)}, zero), error_kind::validation, "above 0");
}

TEST(Framework, LeadAgencyIsInherited) {
  auto field = node("6", 1);
  field.lead_agency = "Phòng Tài chính - Kế hoạch";
  Framework f(info(), {field, node("6.1", 1)});
  EXPECT_EQ(f.lead_agency_of(*f.find(CriterionCode("6.1"))), "Phòng Tài chính - Kế hoạch");
}
