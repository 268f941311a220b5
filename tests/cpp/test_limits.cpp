// Numeric limits as rules (issue 12): out-of-range figures get a clear error, never a silent
// wrong value; documents read back what was written.
#include <cmath>

#include "parindex/calendar/lunar.hpp"
#include "parindex/core/batch.hpp"
#include "parindex/io/json.hpp"
#include "parindex/plans/commitment.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

std::string framework_with(const std::string& criteria) {
  return R"json({"schema": "parindex.framework/2", "id": "t", "name": "t", "period": {"from": 2024}, "legal_source": "x",
             "aggregation": "sum", "criteria": [)json" + criteria + "]}";
}

}  // namespace

TEST(Limits, PointsAboveAMillionAreRefused) {
  EXPECT_PARINDEX_ERROR(framework_from_json(framework_with(R"json({"code": "1", "title": "A", "max": 1e308})json")),
                        error_kind::validation, "max points must be a number from 0 to 1,000,000");
  EXPECT_NO_THROW(framework_from_json(framework_with(R"json({"code": "1", "title": "A", "max": 1000000})json")));
}

TEST(Limits, LinearGoalpostsWhoseWidthOverflows) {
  EXPECT_PARINDEX_ERROR(
      framework_from_json(framework_with(R"json({"code": "1", "title": "A", "max": 1, "rule": {"kind": "linear", "lower": -1e308, "upper": 1e308}})json")),
      error_kind::validation, "a linear rule needs lower < upper");
}

// "[80.00001, 80.00004)" used to be written "[80, 80)", which the reader then refused.
TEST(Limits, BandBoundsReadBackExactly) {
  const Framework fw = framework_from_json(framework_with(
      R"json({"code": "1", "title": "A", "max": 1, "rule": {"kind": "bands", "bands": [
           {"range": "[0, 80.00001)", "points": 0}, {"range": "[80.00001, 80.00004)", "points": 0.5},
           {"range": "[80.00004, 100]", "points": 1}]}})json"));
  EXPECT_EQ(framework_from_json(to_json(fw)), fw);
}

// A commitment period naming a year Boost cannot hold ended in "Year is out of valid range".
TEST(Limits, CommitmentPeriodsOutsideTheCalendar) {
  Commitment c;
  c.committed_by = "UBND";
  c.committed_to = "UBND tỉnh";
  c.period_first = Date(2024, 1, 1);
  c.period_last = Date(2024, 12, 31);
  Target t;
  t.id = "t1";
  t.metric = "on_time_rate";
  t.responsible = "VP";
  t.value = 95;
  for (const char* period : {"0001", "1000-Q1", "9999"}) {
    SCOPED_TRACE(period);
    t.actuals = {{period, 90, std::nullopt, ""}};
    c.targets = {t};
    EXPECT_PARINDEX_ERROR(validate(c), error_kind::validation, "is not YYYY-Qn or YYYY with a year in 1900–2999");
  }
}

// A NaN or huge time-zone offset used to loop forever looking for its lunar month.
TEST(Limits, LunarOffsetsOutsideTimeZones) {
  for (double offset : {std::nan(""), 1e9, -15.0}) {
    EXPECT_PARINDEX_ERROR(to_lunar(Date(2024, 2, 10), offset), error_kind::argument, "expected hours from −14 to +14");
  }
  EXPECT_EQ(to_lunar(Date(2024, 2, 10), 8.0).str(), "2024-01-01");
}

TEST(Limits, UnitRegistryDatesMustBeDates) {
  const char* doc = R"json({"schema": "parindex.units/1", "country": "VN", "level": "province", "sources": ["x"],
    "units": [{"code": "01", "name": "A", "valid_from": null, "valid_to": "2025-13-01"}]})json";
  EXPECT_PARINDEX_ERROR(units_from_json(doc), error_kind::document, "/units/0/valid_to: expected a date YYYY-MM-DD or null");
}

// Whole numbers of 2^63 and above are unsigned in the JSON parser: read as signed they wrapped
// to negatives and were reported as such ("a count cannot be negative").
TEST(Limits, WholeNumbersBeyondTwoToThe63) {
  EXPECT_PARINDEX_ERROR(deadline_from_json(R"({"kind": "after_event", "event": "e", "days": 18446744073709551611})"),
                        error_kind::document, "/days: the number is out of range");
  EXPECT_PARINDEX_ERROR(input_from_json(R"({"occurrences": {"minor": 9223372036854775808}})", "/criteria/1"),
                        error_kind::document, "occurrences/minor: a count above 1000000000 (got 9223372036854775808)");
  EXPECT_EQ(std::get<OccurrenceCounts>(input_from_json(R"({"occurrences": {"minor": 1000000000}})")).at("minor"), 1000000000);
}

// Found by fuzz_evaluate: with 0 decimals a full 9.5 of 9.5 rounded to 10, above its max, and the
// parent and total with it. A node never scores above its max, rounded or not.
TEST(Limits, RoundingNeverLiftsAScoreAboveItsMax) {
  const Framework fw = framework_from_json(R"json({"schema": "parindex.framework/2", "id": "t", "name": "t",
    "period": {"from": 2024}, "legal_source": "x", "aggregation": "sum", "rounding": {"mode": "round_leaves", "decimals": 0},
    "criteria": [{"code": "1", "title": "A", "max": 12}, {"code": "1.1", "title": "B", "max": 9.5, "rule": {"kind": "manual"}},
                 {"code": "1.2", "title": "C", "max": 2.5, "rule": {"kind": "manual"}}]})json");
  const Assessment a = assessment_from_json(R"json({"schema": "parindex.assessment/1", "framework": "t",
    "unit": {"code": "u", "name": "U"}, "year": 2024,
    "criteria": {"1.1": {"appraised_score": 9.5}, "1.2": {"appraised_score": 2.5}}})json");
  const Scorecard card = evaluate(fw, a);
  EXPECT_EQ(card.find(CriterionCode::parse("1.1").value())->achieved, 9.5);
  EXPECT_EQ(card.find(CriterionCode::parse("1.2").value())->achieved, 2.5);
  EXPECT_EQ(card.find(CriterionCode::parse("1").value())->achieved, 12);
  EXPECT_EQ(card.total(), 12);
  EXPECT_EQ(card.index_percent(), 100);
  const BatchResult batch = evaluate_many(fw, std::vector<Assessment>{a});
  EXPECT_EQ(batch.scores.total[0], 12);
}
