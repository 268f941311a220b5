#include "parindex/core/scorecard.hpp"

#include "parindex/core/rounding.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

Criterion node(const char* code, double max, std::optional<ScoringRule> rule = std::nullopt) {
  return make_criterion(code, max, std::move(rule));
}

Framework framework(RoundingPolicy rounding = {}, double bonus_cap = 0, double penalty_cap = 0) {
  FrameworkInfo i;
  i.id = "fw";
  i.name = "Khung";
  i.period = {2023, std::nullopt};
  i.legal_source = "none";
  i.rounding = rounding;
  i.bonus_cap = bonus_cap;
  i.penalty_cap = penalty_cap;
  auto evidence_needed = node("2.2", 1);
  evidence_needed.evidence = "Quyết định";
  return Framework(i,
                   {node("1", 3), node("1.1", 2, rules::Proportional{}), node("1.2", 1, rules::YesNo{}), node("2", 2),
                    node("2.1", 1), evidence_needed},
                   {{"initiative", "Sáng kiến", Adjustment::Kind::bonus, 2},
                    {"discipline", "Vi phạm kỷ luật", Adjustment::Kind::penalty, 3}});
}

Assessment assessment() {
  Assessment a;
  a.framework_id = "fw";
  a.unit = {"u1", "Đơn vị 1", "district"};
  a.year = 2024;
  a.entries[CriterionCode("1.1")].value = Progress{1, 3};
  a.entries[CriterionCode("1.2")].value = true;
  a.entries[CriterionCode("2.1")].self_score = 0.75;
  a.entries[CriterionCode("2.2")].appraised_score = 0.5;
  return a;
}

}  // namespace

TEST(Scorecard, RoundLeavesThenAdd) {
  auto card = evaluate(framework(), assessment());
  EXPECT_EQ(card.find(CriterionCode("1.1"))->achieved, 0.67);  // 2 × 1/3 rounded
  EXPECT_EQ(card.find(CriterionCode("1"))->achieved, 1.67);
  EXPECT_EQ(card.scale_max, 5.0);
  EXPECT_EQ(card.scale_achieved, 2.92);
  EXPECT_EQ(format_fixed(card.lost(), 2), "2.08");
  EXPECT_EQ(format_fixed(card.index_percent(), 2), "58.40");
}

TEST(Scorecard, ExactCarriesUnroundedValues) {
  auto card = evaluate(framework({RoundingPolicy::Mode::exact, 2}), assessment());
  EXPECT_DOUBLE_EQ(card.find(CriterionCode("1.1"))->achieved, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(card.scale_achieved, 2.0 / 3.0 + 1 + 0.75 + 0.5);
}

TEST(Scorecard, AppraisedBeatsRuleBeatsSelfAssessed) {
  auto a = assessment();
  a.entries[CriterionCode("1.2")].appraised_score = 0.0;  // the council overrules the yes/no input
  a.entries[CriterionCode("1.2")].self_score = 1.0;
  auto card = evaluate(framework(), a);
  const auto* l = card.find(CriterionCode("1.2"));
  EXPECT_EQ(l->achieved, 0.0);
  EXPECT_EQ(l->decided_by, Decision::appraised);
  EXPECT_NE(l->explanation.find("the rule gave 1.00"), std::string::npos) << l->explanation;
  EXPECT_EQ(card.find(CriterionCode("1.1"))->decided_by, Decision::rule);
  EXPECT_EQ(card.find(CriterionCode("2.1"))->decided_by, Decision::self_assessed);
  EXPECT_EQ(card.find(CriterionCode("1"))->decided_by, Decision::children);
}

TEST(Scorecard, SelfScoreWithoutRequiredEvidenceIsNotAccepted) {
  auto a = assessment();
  a.entries[CriterionCode("2.2")] = CriterionEntry{};
  a.entries[CriterionCode("2.2")].self_score = 1.0;
  auto card = evaluate(framework(), a);
  EXPECT_EQ(card.find(CriterionCode("2.2"))->achieved, 0.0);
  EXPECT_NE(card.find(CriterionCode("2.2"))->explanation.find("not accepted"), std::string::npos);
  a.entries[CriterionCode("2.2")].evidence = {"QĐ số 12/QĐ-UBND"};
  EXPECT_EQ(evaluate(framework(), a).find(CriterionCode("2.2"))->achieved, 1.0);
}

TEST(Scorecard, NotApplicableLeavesScoreAndMaximum) {
  auto a = assessment();
  a.entries[CriterionCode("1.2")] = CriterionEntry{};
  a.entries[CriterionCode("1.2")].not_applicable = true;
  auto card = evaluate(framework(), a);
  EXPECT_EQ(card.scale_max, 4.0);
  EXPECT_EQ(card.find(CriterionCode("1"))->max_points, 2.0);
  EXPECT_EQ(card.find(CriterionCode("1.2"))->decided_by, Decision::not_applicable);
  // On a parent it covers the whole subtree, even where sub-criteria carry no entry.
  auto b = assessment();
  b.entries.erase(CriterionCode("2.1"));
  b.entries.erase(CriterionCode("2.2"));
  b.entries[CriterionCode("2")].not_applicable = true;
  auto card2 = evaluate(framework(), b);
  EXPECT_EQ(card2.scale_max, 3.0);
  EXPECT_EQ(card2.find(CriterionCode("2.1"))->decided_by, Decision::not_applicable);
}

TEST(Scorecard, BonusAndPenaltyOutsideTheScaleWithCaps) {
  auto a = assessment();
  a.adjustments["initiative"] = 2.0;
  auto capped = evaluate(framework({}, 1.0, 0.5), a);
  EXPECT_EQ(capped.bonus, 1.0);
  EXPECT_EQ(capped.scale_max, 5.0);
  EXPECT_DOUBLE_EQ(capped.total(), 3.92);
  a.adjustments["discipline"] = 3.0;
  auto penalised = evaluate(framework({}, 1.0, 0.5), a);
  EXPECT_EQ(penalised.penalty, 0.5);
  EXPECT_DOUBLE_EQ(penalised.total(), 3.42);
  a.adjustments["initiative"] = 2.5;
  EXPECT_PARINDEX_ERROR(evaluate(framework({}, 1.0, 0.5), a), error_kind::validation,
                        "adjustment initiative: the points 2.5 lies outside [0, 2.00]");
  a.adjustments.clear();
  a.adjustments["gift"] = 1;
  EXPECT_PARINDEX_ERROR(evaluate(framework(), a), error_kind::validation, "adjustment gift: not defined");
}

TEST(Scorecard, AssessmentMustFitTheFramework) {
  auto a = assessment();
  a.entries[CriterionCode("3.1")].self_score = 1;
  EXPECT_PARINDEX_ERROR(evaluate(framework(), a), error_kind::validation, "criterion 3.1: not in framework fw");
  a = assessment();
  a.entries.erase(CriterionCode("2.1"));
  EXPECT_PARINDEX_ERROR(evaluate(framework(), a), error_kind::validation, "criterion 2.1: has no score");
  a = assessment();
  a.entries[CriterionCode("2.1")].appraised_score = 1.5;
  EXPECT_PARINDEX_ERROR(evaluate(framework(), a), error_kind::validation,
                        "criterion 2.1: the appraised score 1.5 lies outside [0, 1.00]");
  a = assessment();
  a.entries[CriterionCode("1")].appraised_score = 3;
  EXPECT_PARINDEX_ERROR(evaluate(framework(), a), error_kind::validation, "score the sub-criteria instead");
  a = assessment();
  a.entries[CriterionCode("2.1")].value = 1.0;
  EXPECT_PARINDEX_ERROR(evaluate(framework(), a), error_kind::validation, "gives it no scoring rule");
  a = assessment();
  a.entries[CriterionCode("1.2")].value = 3.0;
  EXPECT_PARINDEX_ERROR(evaluate(framework(), a), error_kind::validation, "criterion 1.2: the yes_no rule needs true or false");
  a = assessment();
  a.framework_id = "other";
  EXPECT_PARINDEX_ERROR(evaluate(framework(), a), error_kind::argument, "not \"fw\"");
  a = assessment();
  a.year = 2022;
  EXPECT_PARINDEX_ERROR(evaluate(framework(), a), error_kind::argument, "outside the framework's period");
}
