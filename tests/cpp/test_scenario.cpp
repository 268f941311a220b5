// What-if scenarios on the Lạng Sơn units: inputs replace appraised scores, ranks move.
#include <filesystem>

#include "parindex/core/scenario.hpp"
#include "parindex/io/json.hpp"
#include "langson.hpp"

using namespace parindex;

namespace {

std::vector<Assessment> four_units() {
  std::vector<Assessment> out;
  for (const char* f : {"bac-son.json", "huu-lung.invented.json", "chi-lang.invented.json", "dinh-lap.invented.json"}) {
    out.push_back(load_assessment(source_path(std::string("examples/langson-2023/") + f)));
  }
  return out;
}

ScenarioChange input(std::vector<std::string> units, const char* code, InputValue v) {
  ScenarioChange c;
  c.units = std::move(units);
  c.code = CriterionCode(code);
  c.input = std::move(v);
  return c;
}

const ScenarioOutcome& outcome(const ScenarioResult& r, const std::string& code) {
  return *std::find_if(r.units.begin(), r.units.end(), [&](const ScenarioOutcome& o) { return o.unit.code == code; });
}

}  // namespace

TEST(Scenario, CommuneRatesAt95LiftBacSonByAQuarterPoint) {
  const Scenario s{"communes-95", {input({"bac-son"}, "3.5.3", 95.0)}};
  RankOptions o;
  o.grouping = ThresholdGroups::national_par_index();
  const auto results = what_if(langson(), four_units(), std::span<const Scenario>(&s, 1), o);
  ASSERT_EQ(results.size(), 1u);
  const auto& b = outcome(results[0], "bac-son");
  EXPECT_DOUBLE_EQ(b.base_total, 84.87);
  EXPECT_DOUBLE_EQ(b.total, 85.12);  // 3.5.3: 0.25 → 0.50
  EXPECT_NEAR(b.total_change(), 0.25, 1e-9);
  EXPECT_EQ(b.base_rank, 2);
  EXPECT_EQ(b.rank, 2);
  EXPECT_EQ(b.group, "B");
  EXPECT_EQ(outcome(results[0], "huu-lung").total_change(), 0.0);
}

TEST(Scenario, AnInputSetsAsideTheAppraisedScoreAndNotApplicableDropsTheMax) {
  const auto units = four_units();
  Scenario s{"", {input({}, "1.6.2", true)}};
  ScenarioChange na;
  na.units = {"bac-son"};
  na.code = CriterionCode("6.4");
  na.kind = ScenarioChange::Kind::not_applicable;
  s.changes.push_back(na);
  const auto changed = apply(langson(), s, units);
  for (const auto& a : changed) {
    const auto& e = a.entries.at(CriterionCode("1.6.2"));
    EXPECT_EQ(std::get<bool>(*e.value), true);
    EXPECT_FALSE(e.appraised_score.has_value());
  }
  const auto results = what_if(langson(), units, std::span<const Scenario>(&s, 1));
  const auto& b = outcome(results[0], "bac-son");
  EXPECT_DOUBLE_EQ(b.total, 85.37);                       // + 1.6.2's 0.50
  EXPECT_NEAR(b.index_percent, 85.37 / 98.5 * 100, 1e-9);  // 6.4's 1.00 leaves the scale
  // Chi Lăng's 1.6.2 is not applicable in its assessment; the scenario's input brings it back.
  EXPECT_NEAR(outcome(results[0], "chi-lang").index_percent, outcome(results[0], "chi-lang").total / 99.5 * 100, 1e-9);
}

TEST(Scenario, UnknownUnitsAndCodesAreNamed) {
  const auto units = four_units();
  const Scenario bad_unit{"x", {input({"nowhere"}, "3.5.3", 95.0)}};
  EXPECT_PARINDEX_ERROR(apply(langson(), bad_unit, units), error_kind::argument, "scenario x, change #1 (3.5.3): unit nowhere");
  const Scenario bad_code{"y", {input({}, "3.9.9", 95.0)}};
  EXPECT_PARINDEX_ERROR(apply(langson(), bad_code, units), error_kind::argument, "criterion 3.9.9 is not in");
  const Scenario parent{"z", {input({}, "3", 95.0)}};
  EXPECT_PARINDEX_ERROR(apply(langson(), parent, units), error_kind::argument, "has sub-criteria");
  const Scenario wrong_kind{"w", {input({"bac-son"}, "3.5.3", std::string("excellent"))}};
  EXPECT_PARINDEX_ERROR(what_if(langson(), units, std::span<const Scenario>(&wrong_kind, 1)), error_kind::validation,
                        "scenario w, ");
}
