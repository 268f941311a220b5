#include "parindex/plans/deadline.hpp"
#include "parindex/io/json.hpp"
#include "parindex/plans/plan.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

Date d(const char* iso) { return parse_iso_date(iso); }

std::vector<std::string> isos(const std::vector<Date>& ds) {
  std::vector<std::string> out;
  for (const auto& x : ds) out.push_back(to_iso(x));
  return out;
}

const WorkCalendar& calendar() {
  static const WorkCalendar cal = vietnam_calendar(2023, 2027);
  return cal;
}

}  // namespace

// The deadline phrasings of the seeds.
TEST(Deadlines, QuarterlyByTheTwelfthOfTheLastMonth) {
  DeadlineSpec spec{deadlines::Quarterly{12}, Roll::next_working_day, "chậm nhất ngày 12 của tháng cuối quý"};
  auto due = resolve(spec, calendar(), {}, d("2024-01-01"), d("2024-12-31"));
  EXPECT_EQ(isos(due.dates), (std::vector<std::string>{"2024-03-12", "2024-06-12", "2024-09-12", "2024-12-12"}));
  // In 2026 the 12th of September is a Saturday: the period ends on the next working day
  // (Civil Code art. 148), unless the document says otherwise.
  auto y2026 = resolve(spec, calendar(), {}, d("2026-07-01"), d("2026-12-31"));
  EXPECT_EQ(isos(y2026.dates), (std::vector<std::string>{"2026-09-14", "2026-12-14"}));
  spec.roll = Roll::keep;
  EXPECT_EQ(to_iso(resolve(spec, calendar(), {}, d("2026-07-01"), d("2026-09-30")).dates.at(0)), "2026-09-12");
  spec.roll = Roll::previous_working_day;
  EXPECT_EQ(to_iso(resolve(spec, calendar(), {}, d("2026-07-01"), d("2026-09-30")).dates.at(0)), "2026-09-11");
  EXPECT_EQ(spec.describe(), "by the 12th of the last month of each quarter; a day off moves it to the previous working day");
}

TEST(Deadlines, AnnualByTwelveDecember) {
  DeadlineSpec spec{deadlines::Annual{12, 12}, Roll::next_working_day, "chậm nhất ngày 12/12"};
  EXPECT_EQ(isos(resolve(spec, calendar(), {}, d("2024-01-01"), d("2025-12-31")).dates),
            (std::vector<std::string>{"2024-12-12", "2025-12-12"}));
}

TEST(Deadlines, WithinAMonth) {
  DeadlineSpec spec{deadlines::WithinMonth{2024, 2}, Roll::previous_working_day, "ban hành trong tháng 02/2024"};
  EXPECT_EQ(isos(resolve(spec, calendar(), {}, d("2024-01-01"), d("2024-12-31")).dates), (std::vector<std::string>{"2024-02-29"}));
  // August 2026 ends on a Monday; November 2025 on a Sunday, so the last working day is the 28th.
  spec.rule = deadlines::WithinMonth{2025, 11};
  EXPECT_EQ(to_iso(resolve(spec, calendar(), {}, d("2025-01-01"), d("2025-12-31")).dates.at(0)), "2025-11-28");
}

TEST(Deadlines, DaysAfterAnEvent) {
  DeadlineSpec plans{deadlines::AfterEvent{"plan_issued", 15, false}, Roll::next_working_day,
                     "sau 15 ngày kể từ ngày Kế hoạch này ban hành"};
  auto unknown = resolve(plans, calendar(), {}, d("2023-01-01"), d("2023-12-31"));
  EXPECT_FALSE(unknown.resolved());
  EXPECT_EQ(unknown.missing_event, "plan_issued");
  EXPECT_TRUE(unknown.dates.empty());
  // Counting starts the day after the event: 20 June + 15 days = 5 July.
  EXPECT_EQ(isos(resolve(plans, calendar(), {{"plan_issued", d("2023-06-20")}}, d("2023-01-01"), d("2023-12-31")).dates),
            (std::vector<std::string>{"2023-07-05"}));
  DeadlineSpec report{deadlines::AfterEvent{"papi_published", 5, false}, Roll::next_working_day,
                      "sau 05 ngày kể từ ngày công bố kết quả Chỉ số PAPI"};
  // Published on Tuesday 2 April 2024 → Sunday 7 April → Monday 8 April.
  EXPECT_EQ(isos(resolve(report, calendar(), {{"papi_published", d("2024-04-02")}}, d("2024-01-01"), d("2024-12-31")).dates),
            (std::vector<std::string>{"2024-04-08"}));
  // N working days after: 3 working days from 7 February 2024 cross Tết.
  DeadlineSpec working{deadlines::AfterEvent{"received", 3, true}, Roll::next_working_day, ""};
  EXPECT_EQ(isos(resolve(working, calendar(), {{"received", d("2024-02-07")}}, d("2024-01-01"), d("2024-12-31")).dates),
            (std::vector<std::string>{"2024-02-19"}));
}

TEST(Deadlines, ImpossibleDatesFail) {
  DeadlineSpec spec{deadlines::Annual{30, 2}, Roll::keep, ""};
  EXPECT_PARINDEX_ERROR(resolve(spec, calendar(), {}, d("2024-01-01"), d("2024-12-31")), error_kind::argument, "30/2/2024 is not a date");
}

TEST(Plans, BacSon2024ReviewAsOfMidJune) {
  Plan plan = load_plan(source_path("examples/plans/bac-son-2024.json"));
  EXPECT_EQ(plan.actions.size(), 19u);
  auto r = review(plan, calendar(), d("2024-06-15"));
  std::vector<std::string> overdue, done;
  for (const auto& a : r.actions) {
    if (a.state == ActionState::overdue) overdue.push_back(a.action->id);
    if (a.state == ActionState::done) done.push_back(a.action->id);
  }
  EXPECT_EQ(overdue, (std::vector<std::string>{"IV.2d-VHTT", "IV.2d-VP", "IV.3"}));
  EXPECT_EQ(done, (std::vector<std::string>{"IV.2d-TP", "IV.2d-TCKH"}));
  for (const auto& a : r.actions) {
    if (a.state == ActionState::overdue) EXPECT_EQ(a.days_overdue, 107);
  }
  // Phòng Tài chính - Kế hoạch leads ten of the nineteen actions.
  auto tckh = std::find_if(r.agencies.begin(), r.agencies.end(), [](const AgencyLoad& l) { return l.agency == "Phòng Tài chính - Kế hoạch"; });
  ASSERT_NE(tckh, r.agencies.end());
  EXPECT_EQ(tckh->actions, 10);
  EXPECT_EQ(tckh->done, 1);
  // The plan keeps the seed's text exactly.
  EXPECT_NE(plan.actions[1].tasks.find("đảm bảo tỷ lệ giải quyết đúng và trước hạn trên 95% trở lên"), std::string::npos);
}

TEST(Plans, DongHaReportingSchedule2024) {
  Plan plan = load_plan(source_path("examples/plans/dong-ha-2024.json"));
  auto r = review(plan, calendar(), d("2024-06-15"));
  EXPECT_EQ(isos(r.actions[0].due_dates), (std::vector<std::string>{"2024-03-12", "2024-06-12", "2024-09-12", "2024-12-12"}));
  EXPECT_EQ(r.actions[0].state, ActionState::overdue);  // Q1 reported, Q2 not
  EXPECT_EQ(isos(r.actions[0].missed), (std::vector<std::string>{"2024-06-12"}));
  EXPECT_EQ(r.actions[1].state, ActionState::upcoming);
  auto early = review(plan, calendar(), d("2024-06-01"));
  EXPECT_EQ(early.actions[0].state, ActionState::due_soon);
  EXPECT_EQ(to_iso(*early.actions[0].next_due), "2024-06-12");
}

TEST(Plans, NoDoneWithoutEvidence) {
  Plan plan = load_plan(source_path("examples/plans/bac-son-2024.json"));
  plan.actions[0].status = ActionStatus::done;
  plan.actions[0].completed_on = d("2024-05-01");
  EXPECT_PARINDEX_ERROR(validate(plan), error_kind::validation, "action 1.6.2: is marked done without evidence");
  plan.actions[0].evidence = {"Báo cáo số 5/BC-UBND"};
  EXPECT_NO_THROW(validate(plan));
  auto& feb = plan.actions[14];
  feb.status = ActionStatus::done;
  feb.completed_on = d("2024-02-20");
  feb.evidence = {"something else"};
  EXPECT_PARINDEX_ERROR(validate(plan), error_kind::validation, "the required evidence \"Kế hoạch của phòng được ban hành\" is not among its evidence");
}

TEST(Plans, DraftFromGaps) {
  auto framework = load_framework(source_path("data/frameworks/langson-district-2023.json"));
  auto card = evaluate(framework, load_assessment(source_path("examples/langson-2023/bac-son.json")));
  Plan plan = draft_plan(gaps(card), "UBND huyện Bắc Sơn", d("2024-01-01"), d("2024-12-31"));
  ASSERT_EQ(plan.actions.size(), 19u);
  EXPECT_EQ(plan.actions[0].id, "4.2");
  EXPECT_EQ(plan.actions[0].lead_agency, "Phòng Nội vụ");
  EXPECT_EQ(plan.actions[0].note.rfind("Mất 1.67/2.00 điểm", 0), 0u);
  EXPECT_EQ(plan_from_json(to_json(plan)), plan);
}

TEST(Plans, JsonRoundTripAndErrors) {
  Plan plan = load_plan(source_path("examples/plans/dong-ha-2024.json"));
  EXPECT_EQ(plan_from_json(to_json(plan)), plan);
  EXPECT_PARINDEX_ERROR(plan_from_json(R"({"schema": "parindex.plan/1", "issuer": "X", "title": "T",
      "period": {"from": "2024-01-01", "to": "2024-12-31"},
      "actions": [{"id": "a", "lead_agency": "L", "deadline": {"kind": "quarterly", "day": 45}}]})"),
                        error_kind::document, "/actions/0/deadline/day: expected a whole number from 1 to 30");
  EXPECT_PARINDEX_ERROR(plan_from_json(R"({"schema": "parindex.plan/1", "issuer": "X", "title": "T",
      "period": {"from": "2024-01-01", "to": "2024-12-31"},
      "actions": [{"id": "a", "lead_agency": "L", "deadline": {"kind": "someday"}}]})"),
                        error_kind::document, "/actions/0/deadline/kind: unknown deadline \"someday\"");
  EXPECT_PARINDEX_ERROR(plan_from_json(R"({"schema": "parindex.plan/1", "issuer": "X", "title": "T",
      "period": {"from": "2024-01-01", "to": "2024-12-31"},
      "actions": [{"id": "a", "lead_agency": "L", "deadline": {"kind": "fixed", "date": "2024-03-01"}, "status": "done"}]})"),
                        error_kind::validation, "/actions/0 (action a): is marked done without evidence");
  EXPECT_PARINDEX_ERROR(plan_from_json(R"({"schema": "parindex.plan/1", "issuer": "X", "title": "T",
      "period": {"from": "2024-01-01", "to": "2024-12-31"},
      "actions": [{"id": "a", "lead_agency": "L", "deadline": {"kind": "fixed", "date": "2024-03-01"}},
                  {"id": "a", "lead_agency": "L", "deadline": {"kind": "fixed", "date": "2024-03-01"}}]})"),
                        error_kind::validation, "/actions/1 (action a): the id appears twice");
}
