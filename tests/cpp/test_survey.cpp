// Satisfaction surveys (SIPAS-style): shares, intervals and options computed by hand on a tiny
// response set; strictness; reading designs and responses; feeding Bắc Sơn's field 9.
#include <cmath>

#include "parindex/core/rounding.hpp"
#include "parindex/core/scorecard.hpp"
#include "parindex/core/survey.hpp"
#include "parindex/io/json.hpp"
#include "parindex/io/survey_csv.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

constexpr double z95 = 1.959963984540054;

// Element A has questions a1 and a2, element B has b1; satisfied from 4 of 5.
SurveyDesign tiny_design() {
  SurveyDesign d;
  d.id = "tiny";
  d.name = "Tiny";
  d.elements = {"A", "B"};
  d.questions = {{"a1", "A", "?"}, {"a2", "A", "?"}, {"b1", "B", "?"}};
  d.options.min_responses = 3;
  return d;
}

// u1: four respondents; r2 left a2 blank (0) and r4 never got it, so the element is unbalanced:
//   a1: 5 4 2 4 → 3 of 4 satisfied;  a2: 4 · 1 → 1 of 2;  b1: 5 5 3 2 → 2 of 4.
// u2: one respondent, a1 = 3 (0 of 1). u3: one respondent who answered nothing.
std::vector<SurveyResponse> tiny_responses() {
  return {
      {"u1", "r1", "a1", 5}, {"u1", "r2", "a1", 4}, {"u1", "r3", "a1", 2}, {"u1", "r4", "a1", 4},
      {"u1", "r1", "a2", 4}, {"u1", "r2", "a2", 0}, {"u1", "r3", "a2", 1},
      {"u1", "r1", "b1", 5}, {"u1", "r2", "b1", 5}, {"u1", "r3", "b1", 3}, {"u1", "r4", "b1", 2},
      {"u2", "s1", "a1", 3},
      {"u3", "t1", "a1", 0},
  };
}

SurveyResults tiny(ElementIndex element, OverallIndex overall) {
  SurveyDesign d = tiny_design();
  d.options.element_index = element;
  d.options.overall_index = overall;
  return aggregate(d, tiny_responses());
}

}  // namespace

TEST(Survey, NormalQuantile) {
  EXPECT_NEAR(normal_quantile_two_sided(0.95), z95, 1e-12);
  EXPECT_NEAR(normal_quantile_two_sided(0.90), 1.6448536269514722, 1e-12);
  EXPECT_NEAR(normal_quantile_two_sided(0.99), 2.5758293035489004, 1e-12);
}

TEST(Survey, QuestionSharesAndWilsonIntervals) {
  auto r = tiny(ElementIndex::mean_of_questions, OverallIndex::mean_of_elements);
  // Wilson: centre = (p + z²/2n) / (1 + z²/n), half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²), z² = 3.841459.
  // a1, 3 of 4: p = .75, 1 + z²/n = 1.960365, centre = (.75 + .480182)/1.960365 = .627527,
  //   half = 1.959964/1.960365 · √(.046875 + .060023) = .326885 → [30.0642%, 95.4413%].
  const SurveyRow* a1 = r.find_question("u1", "a1");
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->element, "A");
  EXPECT_EQ(a1->responses, 4u);
  EXPECT_EQ(a1->satisfied, 3u);
  EXPECT_DOUBLE_EQ(*a1->index, 75.0);
  EXPECT_NEAR(*a1->ci_low, 30.0642, 1e-4);
  EXPECT_NEAR(*a1->ci_high, 95.4413, 1e-4);
  EXPECT_FALSE(a1->too_few);  // 4 respondents, minimum 3
  // a2, 1 of 2 (the blank is read, not counted): p = .5, 1 + z²/n = 2.920729, centre = .5,
  //   half = 1.959964/2.920729 · √(.125 + .240091) = .405469 → [9.4531%, 90.5469%]; 2 < 3: too few.
  const SurveyRow* a2 = r.find_question("u1", "a2");
  EXPECT_EQ(a2->responses, 2u);
  EXPECT_DOUBLE_EQ(*a2->index, 50.0);
  EXPECT_NEAR(*a2->ci_low, 9.4531, 1e-4);
  EXPECT_NEAR(*a2->ci_high, 90.5469, 1e-4);
  EXPECT_TRUE(a2->too_few);
  // u2's a1, 0 of 1: p = 0, 1 + z² = 4.841459, centre = 1.920729/4.841459 = .396725 = half → [0, 79.3451%].
  const SurveyRow* u2a1 = r.find_question("u2", "a1");
  EXPECT_DOUBLE_EQ(*u2a1->index, 0.0);
  EXPECT_DOUBLE_EQ(*u2a1->ci_low, 0.0);
  EXPECT_NEAR(*u2a1->ci_high, 79.3451, 1e-4);
}

TEST(Survey, MeanOfQuestionsUsesTheNormalApproximation) {
  auto r = tiny(ElementIndex::mean_of_questions, OverallIndex::mean_of_elements);
  // A = (75 + 50)/2 = 62.5%. Variance = (.75·.25/4 + .5·.5/2)/2² = (.046875 + .125)/4 = .04296875,
  //   z·√ = 1.959964 · .207289 = .406279 → [21.8721%, 103.1279% clamped to 100%].
  const SurveyRow* a = r.find_element("u1", "A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->responses, 6u);
  EXPECT_EQ(a->satisfied, 4u);
  EXPECT_EQ(a->respondents, 4u);  // r4 answered a1 only, r2 a1 only: still four people
  EXPECT_DOUBLE_EQ(*a->index, 62.5);
  EXPECT_NEAR(*a->ci_low, 21.8721, 1e-4);
  EXPECT_DOUBLE_EQ(*a->ci_high, 100.0);
  // Overall = (62.5 + 50)/2 = 56.25%; variance = (.04296875 + .5·.5/4)/2² = .0263671875,
  //   z·√ = 1.959964 · .162380 = .318258 → [24.4242%, 88.0758%].
  const SurveyRow* all = r.find_overall("u1");
  EXPECT_DOUBLE_EQ(*all->index, 56.25);
  EXPECT_NEAR(*all->ci_low, 24.4242, 1e-4);
  EXPECT_NEAR(*all->ci_high, 88.0758, 1e-4);
  EXPECT_EQ(all->responses, 10u);
  EXPECT_EQ(all->satisfied, 6u);
  EXPECT_EQ(*overall_index(r, "u1"), 56.25);
}

TEST(Survey, PooledDiffersOnAnUnbalancedSet) {
  auto pooled = tiny(ElementIndex::pooled, OverallIndex::pooled);
  // A pooled: 4 of 6 = 66.6667% (the mean of questions gave 62.5%: a1 has twice a2's answers).
  //   Wilson: 1 + z²/6 = 1.640243, centre = (.666667 + .320122)/1.640243 = .601611,
  //   half = 1.959964/1.640243 · √(.037037 + .026677) = .301618 → [29.9993%, 90.3229%].
  const SurveyRow* a = pooled.find_element("u1", "A");
  EXPECT_NEAR(*a->index, 66.6667, 1e-4);
  EXPECT_NEAR(*a->ci_low, 29.9993, 1e-4);
  EXPECT_NEAR(*a->ci_high, 90.3229, 1e-4);
  // Overall pooled: 6 of 10 = 60% (mean of elements gave 56.25%).
  //   Wilson: 1 + z²/10 = 1.384146, centre = (.6 + .192073)/1.384146 = .572247,
  //   half = 1.959964/1.384146 · √(.024 + .009604) = .259573 → [31.2674%, 83.1820%].
  const SurveyRow* all = pooled.find_overall("u1");
  EXPECT_DOUBLE_EQ(*all->index, 60.0);
  EXPECT_NEAR(*all->ci_low, 31.2674, 1e-4);
  EXPECT_NEAR(*all->ci_high, 83.1820, 1e-4);
  // Pooled elements, mean of elements: (66.6667 + 50)/2 = 58.3333%.
  auto mixed = tiny(ElementIndex::pooled, OverallIndex::mean_of_elements);
  EXPECT_NEAR(*mixed.find_overall("u1")->index, 58.3333, 1e-4);
}

TEST(Survey, TooFewIsFlaggedNotHidden) {
  auto r = tiny(ElementIndex::mean_of_questions, OverallIndex::mean_of_elements);
  const SurveyRow* u2 = r.find_overall("u2");
  EXPECT_TRUE(u2->too_few);
  EXPECT_EQ(u2->respondents, 1u);
  ASSERT_TRUE(u2->index);  // shown, with its flag
  EXPECT_DOUBLE_EQ(*u2->index, 0.0);
  // u2 answered nothing in B: no index and no interval, never NaN; the mean of elements is A's.
  const SurveyRow* u2b = r.find_element("u2", "B");
  EXPECT_EQ(u2b->responses, 0u);
  EXPECT_FALSE(u2b->index);
  EXPECT_FALSE(u2b->ci_low);
  EXPECT_TRUE(u2b->too_few);
  // u3's only row is a blank: the unit is listed, with nothing to show.
  const SurveyRow* u3 = r.find_overall("u3");
  ASSERT_NE(u3, nullptr);
  EXPECT_EQ(u3->responses, 0u);
  EXPECT_FALSE(u3->index);
  EXPECT_TRUE(u3->too_few);
  EXPECT_FALSE(overall_index(r, "u3"));
  EXPECT_EQ(r.units, (std::vector<std::string>{"u1", "u2", "u3"}));
}

TEST(Survey, CountsAddUp) {
  auto r = tiny(ElementIndex::mean_of_questions, OverallIndex::mean_of_elements);
  EXPECT_EQ(r.rows_read, 13u);
  EXPECT_EQ(r.answers_used, 11u);
  EXPECT_EQ(r.no_answers, 2u);
  EXPECT_EQ(r.questions.size(), 9u);  // 3 units × 3 questions
  EXPECT_EQ(r.elements.size(), 6u);
  EXPECT_EQ(r.overall.size(), 3u);
  for (const auto& rows : {r.questions, r.elements, r.overall}) {
    for (const auto& row : rows) {
      if (!row.index) continue;
      EXPECT_TRUE(std::isfinite(*row.index) && std::isfinite(*row.ci_low) && std::isfinite(*row.ci_high));
      EXPECT_LE(*row.ci_low, *row.index);
      EXPECT_GE(*row.ci_high, *row.index);
    }
  }
}

TEST(Survey, BadResponsesAreErrorsNamingUnitRespondentAndQuestion) {
  const SurveyDesign d = tiny_design();
  auto run = [&](std::vector<SurveyResponse> rs) { aggregate(d, rs); };
  EXPECT_PARINDEX_ERROR(run({{"u1", "r1", "zz", 4}}), error_kind::validation,
                        "unit u1, respondent r1, question zz: not a question of survey tiny");
  EXPECT_PARINDEX_ERROR(run({{"u1", "r1", "a1", 6}}), error_kind::validation,
                        "unit u1, respondent r1, question a1: answer 6 is outside 1..5");
  EXPECT_PARINDEX_ERROR(run({{"u1", "r1", "a1", -1}}), error_kind::validation, "answer -1 is outside 1..5");
  EXPECT_PARINDEX_ERROR(run({{"u1", "r1", "a1", 4}, {"u1", "r1", "a1", 0}}), error_kind::validation,
                        "unit u1, respondent r1, question a1: answered twice");
  EXPECT_PARINDEX_ERROR(run({{"", "r1", "a1", 4}}), error_kind::validation, "the unit is empty");
  EXPECT_PARINDEX_ERROR(run({{"u1", "", "a1", 4}}), error_kind::validation, "the respondent is empty");
  // The same respondent id in two units is two people.
  EXPECT_NO_THROW(run({{"u1", "r1", "a1", 4}, {"u2", "r1", "a1", 4}}));
  auto r = tiny(ElementIndex::pooled, OverallIndex::pooled);
  EXPECT_PARINDEX_ERROR(overall_index(r, "u9"), error_kind::argument, "unit u9: has no responses in survey tiny");
}

TEST(Survey, BadDesignsAreErrors) {
  auto broken = [](auto change) {
    SurveyDesign d = tiny_design();
    change(d);
    return d;
  };
  auto check = [](const SurveyDesign& d, const char* text) {
    EXPECT_PARINDEX_ERROR(aggregate(d, std::vector<SurveyResponse>{}), error_kind::validation, text);
  };
  check(broken([](SurveyDesign& d) { d.elements.clear(); }), "survey tiny: has no elements");
  check(broken([](SurveyDesign& d) { d.elements.push_back("C"); }), "element C: has no questions");
  check(broken([](SurveyDesign& d) { d.elements.push_back("A"); }), "element A: appears twice");
  check(broken([](SurveyDesign& d) { d.questions.push_back({"a1", "A", ""}); }), "question a1: appears twice");
  check(broken([](SurveyDesign& d) { d.questions.push_back({"c1", "C", ""}); }), "its element \"C\" is not among the elements");
  check(broken([](SurveyDesign& d) { d.scale_max = 1; }), "scale_max must be at least 2");
  check(broken([](SurveyDesign& d) { d.satisfied_from = 6; }), "satisfied_from must be in 1..5, got 6");
  check(broken([](SurveyDesign& d) { d.options.min_responses = 0; }), "min_responses must be at least 1");
  check(broken([](SurveyDesign& d) { d.options.confidence = 1; }), "confidence must be between 0 and 1");
}

TEST(Survey, SatisfiedFromIsAnOption) {
  SurveyDesign d = tiny_design();
  d.satisfied_from = 3;  // "neutral" counts as satisfied: a1 becomes 3 of 4 still, b1 3 of 4
  auto r = aggregate(d, tiny_responses());
  EXPECT_DOUBLE_EQ(*r.find_question("u1", "b1")->index, 75.0);
  EXPECT_DOUBLE_EQ(*r.find_question("u2", "a1")->index, 100.0);
}

// ---- reading ----

TEST(SurveyIo, ResponsesFromCsv) {
  auto rs = survey_responses_from_text("\xEF\xBB\xBFquestion,unit,respondent,answer\r\na1,u1,r1,5\r\n\n\"b1\",\"u 1, x\",r2,\r\n", "r.csv");
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0], (SurveyResponse{"u1", "r1", "a1", 5}));
  EXPECT_EQ(rs[1], (SurveyResponse{"u 1, x", "r2", "b1", 0}));  // an empty answer is no answer
}

TEST(SurveyIo, BadCsvNamesLineAndColumn) {
  const char* header = "unit,respondent,question,answer\n";
  auto read = [&](const std::string& body) { survey_responses_from_text(header + body, "r.csv"); };
  EXPECT_PARINDEX_ERROR(read("u1,r1,a1,4\nu1,r2,a1,4.5\n"), error_kind::document,
                        "r.csv:3, column answer: \"4.5\" is not a whole number");
  EXPECT_PARINDEX_ERROR(read("u1,r1,a1,-1\n"), error_kind::document, "r.csv:2, column answer: \"-1\" is not a whole number");
  EXPECT_PARINDEX_ERROR(read("u1,r1,4\n"), error_kind::document, "r.csv:2: 3 cells where the header has 4");
  EXPECT_PARINDEX_ERROR(read("u1,,a1,4\n"), error_kind::document, "r.csv:2, column respondent: is empty");
  EXPECT_PARINDEX_ERROR(read("u1,\"r1,a1,4\n"), error_kind::document, "r.csv:2: a quoted cell is not closed");
  EXPECT_PARINDEX_ERROR(survey_responses_from_text("unit,respondent,question\n", "r.csv"), error_kind::document,
                        "r.csv:1: the header needs a answer column");
  EXPECT_PARINDEX_ERROR(survey_responses_from_text("unit,respondent,question,answer,score\n", "r.csv"), error_kind::document,
                        "r.csv:1, column 5: \"score\" is not one of unit, respondent, question, answer");
  EXPECT_PARINDEX_ERROR(survey_responses_from_text("", "r.csv"), error_kind::document, "r.csv: no header line");
  EXPECT_PARINDEX_ERROR(read_survey_responses("no-such-file.csv"), error_kind::io, "no-such-file.csv");
}

TEST(SurveyIo, DesignFromJson) {
  auto d = survey_design_from_json(R"({"schema": "parindex.survey/1", "id": "t", "name": "T",
    "scale_max": 4, "satisfied_from": 3,
    "options": {"element_index": "pooled", "overall_index": "pooled", "min_responses": 10, "confidence": 0.9},
    "elements": [{"name": "A", "questions": [{"id": "a1", "text": "?"}, {"id": "a2"}]},
                 {"name": "B", "questions": [{"id": "b1"}]}]})");
  EXPECT_EQ(d.elements, (std::vector<std::string>{"A", "B"}));
  ASSERT_EQ(d.questions.size(), 3u);
  EXPECT_EQ(d.questions[1], (SurveyQuestion{"a2", "A", ""}));
  EXPECT_EQ(d.scale_max, 4);
  EXPECT_EQ(d.satisfied_from, 3);
  EXPECT_EQ(d.options.element_index, ElementIndex::pooled);
  EXPECT_EQ(d.options.overall_index, OverallIndex::pooled);
  EXPECT_EQ(d.options.min_responses, 10);
  EXPECT_DOUBLE_EQ(d.options.confidence, 0.9);
}

TEST(SurveyIo, BadDesignDocuments) {
  auto read = [](const std::string& body) {
    survey_design_from_json(R"({"schema": "parindex.survey/1", "id": "t", "name": "T", )" + body + "}", "s.json");
  };
  EXPECT_PARINDEX_ERROR(read(R"("elements": [], "options": {"element_index": "median"})"), error_kind::document,
                        "s.json: /options/element_index: unknown value \"median\"; expected one of mean_of_questions, pooled");
  EXPECT_PARINDEX_ERROR(read(R"("elements": [{"name": "A", "questions": [{"id": "a1", "weight": 2}]}])"), error_kind::document,
                        "s.json: /elements/0/questions/0/weight: unknown key");
  EXPECT_PARINDEX_ERROR(read(R"("elements": [{"name": "A", "questions": []}])"), error_kind::validation,
                        "s.json: survey t, element A: has no questions");
  EXPECT_PARINDEX_ERROR(survey_design_from_json(R"({"schema": "parindex.framework/2"})", "s.json"), error_kind::document,
                        "expected \"parindex.survey/1\"");
}

TEST(SurveyIo, ShippedDesignAndExample) {
  auto d = read_survey_design(source_path("data/surveys/sipas-2023-elements.json"));
  ASSERT_EQ(d.elements.size(), 5u);
  EXPECT_EQ(d.elements[0], "tiếp cận dịch vụ");
  EXPECT_EQ(d.elements[4], "tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị");
  EXPECT_NE(d.notes.find("1001/QĐ-BNV"), std::string::npos);
  auto rs = read_survey_responses(source_path("examples/sipas/responses.invented.csv"));
  auto r = aggregate(d, rs);
  EXPECT_EQ(r.units.size(), 4u);
  EXPECT_EQ(r.rows_read, rs.size());
  EXPECT_EQ(r.rows_read, r.answers_used + r.no_answers);
  EXPECT_GT(r.no_answers, 0u);
  std::size_t too_few = 0;
  for (const auto& row : r.overall) {
    ASSERT_TRUE(row.index) << row.unit;
    too_few += row.too_few;
  }
  EXPECT_EQ(too_few, 1u);  // the unit with only 20 respondents
}

// ---- feeding PAR INDEX ----

namespace {

Scorecard bac_son_with_survey(double index) {
  auto framework = load_framework(source_path("data/frameworks/langson-district-2023.json"));
  Assessment a = load_assessment(source_path("examples/langson-2023/bac-son.json"));
  a.entries[CriterionCode("9")].value = index;
  return evaluate(framework, a);
}

}  // namespace

TEST(SurveyFeedsParIndex, BacSonFieldNineFromASurvey) {
  // 1,861 of 2,000 answers satisfied = 93.05%, the index behind Bắc Sơn's published 18.61 of 20.
  SurveyDesign d = tiny_design();
  d.options.element_index = ElementIndex::pooled;
  d.options.overall_index = OverallIndex::pooled;
  std::vector<SurveyResponse> rs;
  for (int i = 0; i < 2000; ++i) rs.push_back({"bac-son", "p" + std::to_string(i), "a1", i < 1861 ? 5 : 2});
  auto r = aggregate(d, rs);
  auto index = overall_index(r, "bac-son");
  ASSERT_TRUE(index);
  EXPECT_NEAR(*index, 93.05, 1e-9);
  const Scorecard card = bac_son_with_survey(*index);  // kept: find() points into it
  const ScoreLine* nine = card.find(CriterionCode("9"));
  ASSERT_NE(nine, nullptr);
  EXPECT_EQ(format_fixed(nine->achieved, 2), "18.61");
  EXPECT_EQ(nine->decided_by, Decision::rule);
}

TEST(SurveyFeedsParIndex, TheSyntheticSurveyScoresFieldNine) {
  auto d = read_survey_design(source_path("data/surveys/sipas-2023-elements.json"));
  auto r = aggregate(d, read_survey_responses(source_path("examples/sipas/responses.invented.csv")));
  for (const auto& unit : r.units) {
    const double index = *overall_index(r, unit);
    const Scorecard card = bac_son_with_survey(index);
    const ScoreLine* nine = card.find(CriterionCode("9"));
    // points = index × 20 / 100, rounded to 2 decimals as the framework rounds leaves
    EXPECT_DOUBLE_EQ(nine->achieved, round_half_up(index * 20 / 100, 2)) << unit;
    EXPECT_NE(nine->explanation.find("survey index"), std::string::npos);
  }
}
