#include "parindex/core/scoring_rule.hpp"

#include "parindex/core/rounding.hpp"
#include "test_support.hpp"

using namespace parindex;
using parindex::error_kind;

namespace {

rules::Bands bands_3_5_3() {
  return rules::Bands{{{rules::Interval::parse("[90, 100]"), 0.5},
                       {rules::Interval::parse("[80, 90)"), 0.25},
                       {rules::Interval::parse("[0, 80)"), 0.0}},
                      "%"};
}

}  // namespace

TEST(YesNo, MaxOrZero) {
  ScoringRule r = rules::YesNo{};
  EXPECT_EQ(r.apply(0.5, true, "").points, 0.5);
  auto no = r.apply(0.5, false, "");
  EXPECT_EQ(no.points, 0.0);
  EXPECT_EQ(no.explanation, "no → 0.00 of 0.50");
  EXPECT_PARINDEX_ERROR(r.apply(0.5, 1.0, "c 1"), error_kind::validation, "needs true or false");
}

TEST(Interval, ParsesExplicitBounds) {
  auto iv = rules::Interval::parse("[80, 90)");
  EXPECT_TRUE(iv.contains(80));
  EXPECT_TRUE(iv.contains(89.999));
  EXPECT_FALSE(iv.contains(90));
  EXPECT_FALSE(iv.contains(79.99));
  EXPECT_EQ(iv.str("%"), "[80%, 90%)");
  auto open = rules::Interval::parse("(0,50]");
  EXPECT_FALSE(open.contains(0));
  EXPECT_TRUE(open.contains(50));
  for (const char* bad : {"80, 90", "[80; 90)", "[90, 80]", "[80, 80)", "{1, 2}", "[a, 2]", "[1, 2, 3]"}) {
    SCOPED_TRACE(bad);
    EXPECT_PARINDEX_ERROR(rules::Interval::parse(bad), error_kind::document, "interval");
  }
}

TEST(Bands, ExplainTheBand) {
  ScoringRule r = bands_3_5_3();
  r.validate(0.5, "3.5.3");
  auto out = r.apply(0.5, 84.59, "");
  EXPECT_EQ(out.points, 0.25);
  EXPECT_EQ(out.explanation, "84.59% is in [80%, 90%) → 0.25 of 0.50");
  EXPECT_EQ(r.apply(0.5, 90.0, "").points, 0.5);
  EXPECT_EQ(r.apply(0.5, 79.99, "").points, 0.0);
  EXPECT_PARINDEX_ERROR(r.apply(0.5, 100.5, "criterion 3.5.3"), error_kind::validation,
                        "100.5% falls in none of the bands");
}

TEST(Bands, ValidationFindsOverlapsGapsAndExcessPoints) {
  auto overlap = bands_3_5_3();
  overlap.bands[1].range = rules::Interval::parse("[80, 90]");
  EXPECT_PARINDEX_ERROR(ScoringRule(overlap).validate(0.5, "criterion 3.5.3"), error_kind::validation,
                        "bands [80%, 90%] and [90%, 100%] overlap");
  auto gap = bands_3_5_3();
  gap.bands[2].range = rules::Interval::parse("[0, 75)");
  EXPECT_PARINDEX_ERROR(ScoringRule(gap).validate(0.5, "criterion 3.5.3"), error_kind::validation, "leave a gap");
  auto open_gap = bands_3_5_3();
  open_gap.bands[2].range = rules::Interval::parse("[0, 80]");
  open_gap.bands[1].range = rules::Interval::parse("(80, 90)");
  EXPECT_NO_THROW(ScoringRule(open_gap).validate(0.5, ""));
  open_gap.bands[2].range = rules::Interval::parse("[0, 80)");
  EXPECT_PARINDEX_ERROR(ScoringRule(open_gap).validate(0.5, ""), error_kind::validation, "leave a gap");
  auto rich = bands_3_5_3();
  rich.bands[0].points = 0.75;
  EXPECT_PARINDEX_ERROR(ScoringRule(rich).validate(0.5, ""), error_kind::validation, "outside [0, 0.50]");
  EXPECT_PARINDEX_ERROR(ScoringRule(rules::Bands{}).validate(0.5, ""), error_kind::validation, "at least one band");
}

TEST(Proportional, BacSon4_2) {
  ScoringRule r = rules::Proportional{};
  auto out = r.apply(2.0, Progress{1, 6}, "");
  EXPECT_EQ(format_fixed(out.points, 2), "0.33");
  EXPECT_EQ(out.explanation, "2.00 × 1 ÷ 6 → 0.33 of 2.00");
  EXPECT_PARINDEX_ERROR(r.apply(2.0, 1.0, "criterion 4.2"), error_kind::validation, "must be {actual, target}");
  EXPECT_PARINDEX_ERROR(r.apply(2.0, Progress{1, 0}, ""), error_kind::validation, "target above 0");
}

TEST(Proportional, CappedAtMax) {
  ScoringRule r = rules::Proportional{70.0, "%"};
  EXPECT_EQ(r.apply(1.0, 35.0, "").points, 0.5);
  auto over = r.apply(1.0, 84.0, "");
  EXPECT_EQ(over.points, 1.0);
  EXPECT_NE(over.explanation.find("capped at max"), std::string::npos);
  EXPECT_PARINDEX_ERROR(r.apply(1.0, -1.0, ""), error_kind::validation, "at least 0");
  EXPECT_PARINDEX_ERROR(ScoringRule(rules::Proportional{0.0, ""}).validate(1.0, ""), error_kind::validation,
                        "positive target");
}

TEST(Linear, BetweenGoalposts) {
  ScoringRule r = rules::Linear{50, 90, "%"};
  r.validate(2.0, "");
  EXPECT_EQ(r.apply(2.0, 40.0, "").points, 0.0);
  EXPECT_EQ(r.apply(2.0, 70.0, "").points, 1.0);
  EXPECT_EQ(r.apply(2.0, 95.0, "").points, 2.0);
  EXPECT_PARINDEX_ERROR(ScoringRule(rules::Linear{90, 50, ""}).validate(2.0, ""), error_kind::validation, "lower < upper");
}

TEST(Graded, Levels) {
  ScoringRule r = rules::Graded{{{"excellent", 1.0}, {"good", 0.75}, {"complete", 0.5}}};
  r.validate(2.0, "");
  EXPECT_EQ(r.apply(2.0, std::string("good"), "").points, 1.5);
  EXPECT_EQ(r.apply(2.0, std::string("complete"), "").explanation, "level \"complete\" earns 50% → 1.00 of 2.00");
  EXPECT_PARINDEX_ERROR(r.apply(2.0, std::string("fair"), ""), error_kind::validation,
                        "unknown level \"fair\"; the levels are \"excellent\", \"good\", \"complete\"");
  EXPECT_PARINDEX_ERROR(ScoringRule(rules::Graded{{{"a", 1.0}, {"a", 0.5}}}).validate(1, ""), error_kind::validation,
                        "appears twice");
  EXPECT_PARINDEX_ERROR(ScoringRule(rules::Graded{{{"a", 1.5}}}).validate(1, ""), error_kind::validation,
                        "share between 0 and 1");
}

TEST(Deduction, PerOccurrenceAndSeverityFlooredAtZero) {
  ScoringRule r = rules::Deduction{{{"minor", 0.5}, {"serious", 1.0}}};
  r.validate(1.0, "");
  EXPECT_EQ(r.apply(1.0, OccurrenceCounts{{"minor", 1}}, "").points, 0.5);
  EXPECT_EQ(r.apply(1.0, OccurrenceCounts{{"serious", 1}}, "").points, 0.0);
  EXPECT_EQ(r.apply(1.0, OccurrenceCounts{{"minor", 3}}, "").points, 0.0);
  auto none = r.apply(1.0, OccurrenceCounts{}, "");
  EXPECT_EQ(none.points, 1.0);
  EXPECT_EQ(none.explanation, "no deductions → 1.00 of 1.00");
  EXPECT_PARINDEX_ERROR(r.apply(1.0, OccurrenceCounts{{"grave", 1}}, ""), error_kind::validation, "unknown severity");
  EXPECT_PARINDEX_ERROR(r.apply(1.0, OccurrenceCounts{{"minor", -1}}, ""), error_kind::validation, "negative count");
  EXPECT_PARINDEX_ERROR(ScoringRule(rules::Deduction{{{"x", 2.0}}}).validate(1.0, ""), error_kind::validation,
                        "at most the max");
}

TEST(Comparison, WithPreviousPeriod) {
  ScoringRule r = rules::Comparison{1.0, 0.5, 0.0};
  EXPECT_EQ(r.apply(1.0, PeriodComparison{120, 100}, "").points, 1.0);
  EXPECT_EQ(r.apply(1.0, PeriodComparison{100, 100}, "").points, 0.5);
  auto down = r.apply(1.0, PeriodComparison{90, 100}, "");
  EXPECT_EQ(down.points, 0.0);
  EXPECT_EQ(down.explanation, "90 against 100 before: a decrease → 0.00 of 1.00");
}

TEST(SurveyIndex, PercentTimesMax) {
  ScoringRule r = rules::SurveyIndex{};
  auto out = r.apply(20.0, 93.05, "");
  EXPECT_EQ(format_fixed(out.points, 2), "18.61");
  EXPECT_EQ(out.explanation, "survey index 93.05% × 20.00 → 18.61 of 20.00");
  EXPECT_PARINDEX_ERROR(r.apply(20.0, 101.0, ""), error_kind::validation, "percentage in [0, 100]");
}

TEST(Manual, WithinMax) {
  ScoringRule r = rules::Manual{};
  EXPECT_EQ(r.apply(9.5, 9.25, "").points, 9.25);
  EXPECT_PARINDEX_ERROR(r.apply(9.5, 10.0, "criterion 1.*"), error_kind::validation, "must lie in [0, 9.50]");
  EXPECT_PARINDEX_ERROR(r.apply(9.5, -1.0, ""), error_kind::validation, "must lie in [0, 9.50]");
}

TEST(ScoringRule, KindNames) {
  EXPECT_EQ(ScoringRule(rules::YesNo{}).kind(), "yes_no");
  EXPECT_EQ(ScoringRule(bands_3_5_3()).kind(), "bands");
  EXPECT_EQ(ScoringRule(rules::SurveyIndex{}).kind(), "survey_index");
  EXPECT_EQ(ScoringRule().kind(), "manual");
}
