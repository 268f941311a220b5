#include "parindex/io/json.hpp"

#include <fstream>
#include <sstream>

#include "test_support.hpp"

using namespace parindex;

namespace {

const char* minimal_framework = R"({
  "schema": "parindex.framework/1", "id": "t", "name": "Khung thử", "period": {"from": 2024},
  "legal_source": "none",
  "criteria": [
    {"code": "1", "title": "Lĩnh vực 1", "max": 2},
    {"code": "1.1", "title": "Tiêu chí 1.1", "max": 1, "rule": {"kind": "graded", "levels": [{"name": "tốt", "share": 1}, {"name": "đạt", "share": 0.5}]}},
    {"code": "1.2", "title": "Tiêu chí 1.2", "max": 1, "rule": {"kind": "comparison", "same": 0.5}}
  ]
})";

}  // namespace

TEST(Json, FrameworkRoundTrips) {
  auto f = load_framework(source_path("data/frameworks/langson-district-2023.json"));
  auto again = framework_from_json(to_json(f));
  EXPECT_EQ(f, again);
  EXPECT_EQ(to_json(again), to_json(f));
  EXPECT_EQ(f.info().legal_source.find("Decision 1926/QĐ-UBND"), 0u);
  EXPECT_EQ(f.at(CriterionCode("9")).source, PointSource::survey);
}

TEST(Json, AssessmentRoundTrips) {
  auto a = load_assessment(source_path("examples/langson-2023/bac-son.json"));
  auto again = assessment_from_json(to_json(a));
  EXPECT_EQ(a, again);
  EXPECT_EQ(std::get<Progress>(*a.entries.at(CriterionCode("4.2")).value), (Progress{1, 6}));
  EXPECT_EQ(std::get<OccurrenceCounts>(*a.entries.at(CriterionCode("6.1.2")).value).at("violation"), 1);
  EXPECT_EQ(a.entries.at(CriterionCode("3.5.3")).cause.rfind("Có UBND cấp xã", 0), 0u);
}

TEST(Json, EveryRuleKindRoundTrips) {
  auto f = framework_from_json(minimal_framework);
  EXPECT_EQ(f, framework_from_json(to_json(f)));
  EXPECT_EQ(f.info().period.last_year, std::nullopt);
  EXPECT_EQ(f.info().rounding.mode, RoundingPolicy::Mode::round_leaves);
  Assessment a = assessment_from_json(R"({"schema": "parindex.assessment/1", "framework": "t",
    "unit": {"code": "x", "name": "Xã X"}, "year": 2024,
    "criteria": {"1.1": {"value": "đạt"}, "1.2": {"value": {"current": 12, "previous": 12}}}})");
  auto card = evaluate(f, a);
  EXPECT_EQ(card.scale_achieved, 1.0);
  EXPECT_EQ(a, assessment_from_json(to_json(a)));
}

TEST(Json, SchemaIsWrittenFirst) {
  auto f = framework_from_json(minimal_framework);
  EXPECT_EQ(to_json(f).rfind("{\n  \"schema\": \"parindex.framework/2\"", 0), 0u);
}

TEST(Json, ScorecardDocumentMatchesGolden) {
  auto f = load_framework(source_path("data/frameworks/langson-district-2023.json"));
  auto card = evaluate(f, load_assessment(source_path("examples/langson-2023/bac-son.json")));
  EXPECT_EQ(to_json(card), read_source("tests/golden/bac-son.scorecard.json"));
}

TEST(Json, ErrorsNameTheFile) {
  EXPECT_PARINDEX_ERROR(load_framework(source_path("tests/malformed/08-unknown-key.framework.json")), error_kind::document,
                        "08-unknown-key.framework.json: /criteria/0/maximum: unknown key \"maximum\"; allowed here: code, parent, title");
  EXPECT_PARINDEX_ERROR(load_framework("/nonexistent/x.json"), error_kind::io, "/nonexistent/x.json: cannot open the file");
}
