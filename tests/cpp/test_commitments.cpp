#include "parindex/inputs/dossier_inputs.hpp"
#include "parindex/plans/commitment.hpp"
#include "parindex/io/json.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

Date d(const char* iso) { return parse_iso_date(iso); }

const WorkCalendar& calendar() {
  static const WorkCalendar cal = vietnam_calendar(2023, 2025);
  return cal;
}

const TargetReview& find(const CommitmentReview& r, const std::string& id) {
  for (const auto& t : r.targets) {
    if (t.target->id == id) return t;
  }
  throw std::runtime_error("no target " + id);
}

}  // namespace

TEST(Commitments, DongHaAsOfSeptember2024) {
  Commitment c = load_commitment(source_path("examples/commitments/dong-ha-2024.json"));
  ASSERT_EQ(c.targets.size(), 10u);
  auto r = review(c, calendar(), d("2024-09-30"));
  EXPECT_EQ(find(r, "apology").status, TargetStatus::at_risk);       // 96.3% against ≥ 100%
  EXPECT_EQ(find(r, "digitised").status, TargetStatus::on_track);    // 99.4% against > 99%
  EXPECT_EQ(find(r, "fully-online").status, TargetStatus::at_risk);  // 67.9% against ≥ 70%
  EXPECT_EQ(find(r, "initiatives").status, TargetStatus::met);       // 2 already: a count only grows
  // Revenue is cumulative: 69.8% by 30 September projects to 69.8 × 366/274 = 93.24% → at risk.
  const auto& revenue = find(r, "budget-revenue");
  EXPECT_EQ(revenue.status, TargetStatus::at_risk);
  EXPECT_EQ(format_fixed(*revenue.projection, 2), "93.24");
  // The Q3 investment report (due 12 September) is missing.
  const auto& investment = find(r, "investment");
  EXPECT_EQ(investment.report, ReportState::overdue);
  ASSERT_EQ(investment.missed_reports.size(), 1u);
  EXPECT_EQ(to_iso(investment.missed_reports[0]), "2024-09-12");
  EXPECT_EQ(investment.latest->period, "2024-Q2");
  EXPECT_EQ(to_iso(*find(r, "apology").next_report), "2024-12-12");
  EXPECT_EQ(find(r, "apology").report, ReportState::up_to_date);
}

TEST(Commitments, StatusOverTime) {
  Commitment c = load_commitment(source_path("examples/commitments/dong-ha-2024.json"));
  // Before any report: no data; a report due within the horizon.
  auto early = review(c, calendar(), d("2024-03-01"));
  EXPECT_EQ(find(early, "apology").status, TargetStatus::no_data);
  EXPECT_EQ(find(early, "apology").report, ReportState::due_soon);
  // A figure reported on 11 June is not known on 10 June.
  auto june = review(c, calendar(), d("2024-06-10"));
  EXPECT_EQ(find(june, "fully-online").latest->period, "2024-Q1");
  // After the year: the last figure decides, met or missed; Q4 and the annual report are overdue.
  auto after = review(c, calendar(), d("2025-01-15"));
  EXPECT_EQ(find(after, "fully-online").status, TargetStatus::missed);
  EXPECT_EQ(find(after, "paid-online").status, TargetStatus::met);
  EXPECT_EQ(find(after, "paid-online").report, ReportState::overdue);
}

TEST(Commitments, FiguresFromDossiers) {
  Commitment c = load_commitment(source_path("examples/commitments/dong-ha-2024.json"));
  DossierCounts counts;
  counts.total = 200;
  counts.early = 150;
  counts.on_time = 30;
  counts.late = 20;
  counts.fully_online = 150;
  counts.paid_online = 100;
  counts.digitised = 199;
  counts.apologised = 20;
  record_dossier_actuals(c, counts, d("2024-11-20"));
  auto r = review(c, calendar(), d("2024-11-20"));
  EXPECT_EQ(find(r, "fully-online").latest->period, "2024-Q4");
  EXPECT_EQ(find(r, "fully-online").latest->value, 75.0);
  EXPECT_EQ(find(r, "fully-online").status, TargetStatus::on_track);
  EXPECT_EQ(find(r, "apology").latest->value, 100.0);
  EXPECT_EQ(find(r, "satisfaction").latest->period, "2024-Q3");  // not a dossier metric: untouched
  EXPECT_NE(find(r, "fully-online").latest->source.find("dossier log"), std::string::npos);
}

TEST(Commitments, ComparatorsAndDocuments) {
  EXPECT_TRUE(satisfies(70, Comparator::at_least, 70));
  EXPECT_FALSE(satisfies(70, Comparator::more_than, 70));
  EXPECT_TRUE(satisfies(99.0000000001, Comparator::at_most, 99));
  Commitment c = load_commitment(source_path("examples/commitments/dong-ha-2024.json"));
  EXPECT_EQ(commitment_from_json(to_json(c)), c);
  const std::string head = R"({"schema": "parindex.commitment/1", "committed_by": "A", "committed_to": "B",
      "unit": {"code": "u", "name": "U"}, "period": {"from": "2024-01-01", "to": "2024-12-31"}, "targets": [)";
  EXPECT_PARINDEX_ERROR(commitment_from_json(head + R"({"id": "x", "title": "t", "metric": "m", "comparator": "=>", "value": 1, "responsible": "r"}]})"),
                        error_kind::document, "/targets/0/comparator: expected >=, >, <=, < or =");
  EXPECT_PARINDEX_ERROR(commitment_from_json(head + R"({"id": "x", "title": "t", "metric": "m", "comparator": ">=", "value": 1, "responsible": "r",
      "actuals": [{"period": "2024-Q5", "value": 1}]}]})"),
                        error_kind::validation, "/targets/0 (target x): period \"2024-Q5\" is not YYYY-Qn or YYYY");
  EXPECT_PARINDEX_ERROR(commitment_from_json(head + R"({"id": "x", "title": "t", "metric": "m", "comparator": ">=", "value": 1, "responsible": "r",
      "actuals": [{"period": "2024-Q1", "value": 1}, {"period": "2024-Q1", "value": 2}]}]})"),
                        error_kind::validation, "period 2024-Q1 is reported twice");
}

TEST(DossierBindings, BacSonFromAnInventedLog) {
  auto framework = load_framework(source_path("data/frameworks/langson-district-2023.json"));
  auto assessment = load_assessment(source_path("examples/dossiers/bac-son-2023-assessment.invented.json"));
  EXPECT_PARINDEX_ERROR(evaluate(framework, assessment), error_kind::validation, "takes its value from a dossier log");
  DossierOptions o;
  o.as_of = d("2023-12-31");
  o.group_by = {GroupKey::unit, GroupKey::level};
  auto log = read_dossiers(source_path("examples/dossiers/bac-son-2023.invented.csv"), vietnam_calendar(2022, 2024), o);
  EXPECT_EQ(log.rows_read, log.rows_used + log.rows_rejected);
  auto card = evaluate(framework, assessment, log);
  const ScoreLine* c353 = card.find(CriterionCode("3.5.3"));
  EXPECT_EQ(c353->decided_by, Decision::rule);
  EXPECT_EQ(c353->dossier_units, (std::vector<std::string>{"xa-nhat-tien"}));
  EXPECT_EQ(format_fixed(c353->achieved, 2), "0.25");
  EXPECT_NE(c353->explanation.find("lowest on_time_rate of 21 commune units: xa-nhat-tien"), std::string::npos);
  const ScoreLine* c72 = card.find(CriterionCode("7.2"));
  EXPECT_EQ(format_fixed(c72->achieved, 2), "0.88");
  EXPECT_EQ(c72->dossier_units.size(), 22u);
  EXPECT_EQ(format_fixed(card.total(), 2), "84.87");
  // A binding that matches nothing is an error, not a zero.
  auto wrong = assessment;
  wrong.entries[CriterionCode("7.2")].from_dossiers->level = "province";
  EXPECT_PARINDEX_ERROR(evaluate(framework, wrong, log), error_kind::validation, "the dossier log has no dossiers of province units");
  o.group_by = {GroupKey::unit};
  auto by_unit = read_dossiers(source_path("examples/dossiers/bac-son-2023.invented.csv"), vietnam_calendar(2022, 2024), o);
  EXPECT_PARINDEX_ERROR(evaluate(framework, assessment, by_unit), error_kind::argument, "grouped by unit and level");
}
