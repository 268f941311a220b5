#include "parindex/calendar/work_calendar.hpp"

#include <set>

#include "parindex/calendar/holidays.hpp"
#include "parindex/io/json.hpp"
#include "test_support.hpp"

using namespace parindex;
using boost::gregorian::days;

namespace {

Date d(const char* iso) { return parse_iso_date(iso); }

// Checks a year day by day: a day is worked exactly when it is a weekday not in `off`, or a
// weekend day in `worked`. The lists are the official announcements, written out here
// independently of data/calendars.
void expect_year(const WorkCalendar& cal, int year, const std::set<std::string>& off, const std::set<std::string>& worked) {
  for (Date day(year, 1, 1); day.year() == year; day += days(1)) {
    auto w = day.day_of_week().as_number();
    bool weekend = w == 0 || w == 6;
    const std::string iso = to_iso(day);
    bool expected = weekend ? worked.count(iso) > 0 : off.count(iso) == 0;
    EXPECT_EQ(cal.is_working_day(day), expected) << iso;
  }
}

}  // namespace

TEST(VietnamCalendar, Official2024DayByDay) {
  // Thông báo 5015/TB-LĐTBXH; Công văn 2450/VPCP-KGVX.
  expect_year(vietnam_calendar(2024, 2024), 2024,
              {"2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-04-18",
               "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03"},
              {"2024-05-04"});
}

TEST(VietnamCalendar, Official2025DayByDay) {
  expect_year(vietnam_calendar(2025, 2025), 2025,
              {"2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07",
               "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"},
              {"2025-04-26"});
}

TEST(VietnamCalendar, Official2026DayByDay) {
  // Tết Bính Ngọ from 14 to 22 February 2026; New Year with 2/1 swapped for Saturday 10/1;
  // National Day 29/8–2/9 with Monday 31/8 swapped for Saturday 22/8.
  WorkCalendar cal = vietnam_calendar(2026, 2026);
  expect_year(cal, 2026,
              {"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
               "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"},
              {"2026-01-10", "2026-08-22"});
  std::vector<std::string> tet;
  for (const auto& off : cal.days_off(2026)) {
    if (off.name.find("Tết Nguyên đán") != std::string::npos) tet.push_back(to_iso(off.date));
  }
  ASSERT_EQ(tet.size(), 9u);
  EXPECT_EQ(tet.front(), "2026-02-14");
  EXPECT_EQ(tet.back(), "2026-02-22");
  EXPECT_FALSE(cal.day_off(d("2026-09-01"))->projected);  // the adjacent day, announced in October 2025
  EXPECT_FALSE(cal.day_off(d("2026-09-02"))->projected);
  EXPECT_EQ(cal.day_off(d("2026-03-02")), nullptr);
}

TEST(VietnamCalendar, ArithmeticAcrossTetAndYearEnds) {
  WorkCalendar cal = vietnam_calendar(2023, 2027);
  EXPECT_EQ(to_iso(cal.add_working_days(d("2024-02-07"), 1)), "2024-02-15");
  EXPECT_EQ(to_iso(cal.add_working_days(d("2024-02-15"), -1)), "2024-02-07");
  EXPECT_EQ(cal.count_working_days(d("2024-02-01"), d("2024-03-01")), 16);
  EXPECT_EQ(cal.count_working_days(d("2024-03-01"), d("2024-02-01")), -16);
  EXPECT_EQ(to_iso(cal.add_working_days(d("2025-12-31"), 1)), "2026-01-05");
  EXPECT_EQ(to_iso(cal.add_working_days(d("2026-01-09"), 1)), "2026-01-10");  // a Saturday worked
  EXPECT_EQ(to_iso(cal.add_working_days(d("2025-01-24"), 1)), "2025-02-03");   // across Tết Ất Tỵ
  EXPECT_EQ(to_iso(cal.add_working_days(d("2025-02-03"), -1)), "2025-01-24");
  EXPECT_EQ(to_iso(cal.add_working_days(d("2024-12-31"), 1)), "2025-01-02");
  EXPECT_EQ(to_iso(cal.add_working_days(d("2024-02-10"), 0)), "2024-02-10");
  EXPECT_EQ(to_iso(cal.next_working_day(d("2024-02-10"))), "2024-02-15");
  EXPECT_EQ(to_iso(cal.previous_working_day(d("2024-02-10"))), "2024-02-07");
  EXPECT_EQ(to_iso(cal.roll_forward(d("2024-02-10"))), "2024-02-15");
  EXPECT_EQ(to_iso(cal.roll_backward(d("2024-02-10"))), "2024-02-07");
  EXPECT_EQ(to_iso(cal.roll_forward(d("2024-02-15"))), "2024-02-15");
  // A whole year: 2024 had 366 days, 104 weekend days, 11 weekdays off and one Saturday worked.
  EXPECT_EQ(cal.count_working_days(d("2024-01-01"), d("2025-01-01")), 366 - 104 - 12 + 1);
  // add and count agree: from a working day, the n-th working day after it lies n working
  // days on (counting includes the start and excludes the end).
  for (long n : {1L, 5L, 20L, 100L, 250L}) {
    Date from = d("2024-01-05");
    EXPECT_EQ(cal.count_working_days(from, cal.add_working_days(from, n)), n) << n;
  }
}

TEST(VietnamCalendar, OutsideItsYearsFailsClearly) {
  WorkCalendar cal = vietnam_calendar(2024, 2025);
  EXPECT_PARINDEX_ERROR(cal.is_working_day(d("2026-01-05")), error_kind::argument,
                        "date 2026-01-05: outside calendar VN, which covers 2024–2025");
  EXPECT_PARINDEX_ERROR(cal.add_working_days(d("2025-12-30"), 5), error_kind::argument, "fall outside calendar VN");
  EXPECT_PARINDEX_ERROR(vietnam_calendar(2010, 2012), error_kind::argument, "2013");
  EXPECT_EQ(cal.count_working_days(d("2025-12-31"), d("2026-01-01")), 1);  // the end is exclusive
}

TEST(VietnamCalendar, ProjectionMatchesAnAnnouncedYear) {
  // In 2022 the announcement gave exactly the Labour Code's days, so the projection of 2022
  // (without its data) works the same days.
  CalendarRules projected;
  projected.name = "projected";
  projected.first_year = projected.last_year = 2022;
  projected.days_off = vietnam_statutory_days_off(2022);
  WorkCalendar p(projected);
  WorkCalendar announced = vietnam_calendar(2022, 2022);
  for (Date day(2022, 1, 1); day.year() == 2022; day += days(1)) {
    EXPECT_EQ(p.is_working_day(day), announced.is_working_day(day)) << to_iso(day);
  }
  for (const auto& off : vietnam_statutory_days_off(2030)) EXPECT_TRUE(off.projected);
  EXPECT_EQ(vietnam_announced_years(), (std::vector<int>{2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}));
}

TEST(VietnamCalendar, StatutoryRules) {
  auto names = [](int year) {
    std::vector<std::string> out;
    for (const auto& off : vietnam_statutory_days_off(year)) out.push_back(to_iso(off.date));
    return out;
  };
  // 2027: Tết 6/2 (Saturday): 5/2 and 6–9/2, two compensatory days for the weekend, 10–11/2.
  auto y2027 = names(2027);
  EXPECT_NE(std::find(y2027.begin(), y2027.end(), "2027-02-11"), y2027.end());
  EXPECT_NE(std::find(y2027.begin(), y2027.end(), "2027-09-03"), y2027.end());  // 2/9 Thursday → 3/9
  // Before 2021 (Labour Code 2012) National Day is one day.
  auto y2019 = names(2019);
  EXPECT_EQ(std::count_if(y2019.begin(), y2019.end(), [](const std::string& s) { return s.rfind("2019-09", 0) == 0; }), 1);
  EXPECT_PARINDEX_ERROR(vietnam_statutory_days_off(2012), error_kind::argument, "2013");
}

TEST(WorkCalendar, CompositionLeavesTheOriginalUnchanged) {
  WorkCalendar vn = vietnam_calendar(2024, 2024);
  WorkCalendar province = vn.with_days_off({{d("2024-10-10"), "Ngày giải phóng tỉnh (ví dụ)", false}}, "VN + tỉnh");
  EXPECT_FALSE(province.is_working_day(d("2024-10-10")));
  EXPECT_TRUE(vn.is_working_day(d("2024-10-10")));
  EXPECT_EQ(province.name(), "VN + tỉnh");
  // An office that works Saturdays.
  std::array<bool, 7> sundays_only{true, false, false, false, false, false, false};
  WorkCalendar saturdays = vn.with_weekend(sundays_only, "VN, Saturdays worked");
  EXPECT_TRUE(saturdays.is_working_day(d("2024-03-02")));
  EXPECT_FALSE(saturdays.is_working_day(d("2024-02-10")));  // Tết still off
  EXPECT_FALSE(vn.is_working_day(d("2024-03-02")));
  // Joint: off where either is off.
  CalendarRules extra;
  extra.name = "office";
  extra.first_year = 2023;
  extra.last_year = 2025;
  extra.days_off = {{d("2024-06-03"), "Office closure", false}};
  WorkCalendar j = joint(vn, WorkCalendar(extra));
  EXPECT_EQ(j.first_year(), 2024);
  EXPECT_EQ(j.last_year(), 2024);
  EXPECT_FALSE(j.is_working_day(d("2024-06-03")));
  EXPECT_FALSE(j.is_working_day(d("2024-02-12")));
  // Saturday 4 May 2024 is worked under the national calendar but not by this office, so the
  // joint calendar does not work it.
  EXPECT_FALSE(j.is_working_day(d("2024-05-04")));
  EXPECT_TRUE(joint(vn, vn).is_working_day(d("2024-05-04")));
}

TEST(WorkCalendar, RulesAreChecked) {
  CalendarRules r;
  r.name = "bad";
  r.first_year = 2024;
  r.last_year = 2023;
  EXPECT_PARINDEX_ERROR(WorkCalendar{r}, error_kind::validation, "years must run forwards");
  r.last_year = 2024;
  r.days_off = {{d("2025-01-01"), "x", false}};
  EXPECT_PARINDEX_ERROR(WorkCalendar{r}, error_kind::validation, "day off 2025-01-01 lies outside the calendar's years 2024");
  r.days_off = {{d("2024-05-04"), "x", false}};
  r.working_days = {{d("2024-05-04"), "y", false}};
  EXPECT_PARINDEX_ERROR(WorkCalendar{r}, error_kind::validation, "is both a day off (x) and a working day (y)");
}

TEST(Holidays, DocumentsAreStrict) {
  const char* good = R"({"schema": "parindex.holidays/1", "country": "VN", "year": 2024, "sources": ["QĐ 1/QĐ-UBND"],
    "days_off": [{"from": "2024-10-09", "to": "2024-10-10", "name": "Lễ hội tỉnh", "basis": "announced"}]})";
  auto s = holidays_from_json(good);
  ASSERT_EQ(s.days_off.size(), 2u);
  EXPECT_EQ(to_iso(s.days_off[1].date), "2024-10-10");
  EXPECT_PARINDEX_ERROR(holidays_from_json(R"({"schema": "parindex.holidays/1", "country": "VN", "year": 2024, "sources": []})"),
                        error_kind::document, "at least one source");
  EXPECT_PARINDEX_ERROR(
      holidays_from_json(R"({"schema": "parindex.holidays/1", "country": "VN", "year": 2024, "sources": ["x"],
        "days_off": [{"date": "2024-02-30", "name": "x", "basis": "announced"}]})"),
      error_kind::document, "/days_off/0/date: \"2024-02-30\" is not a date of the calendar");
  EXPECT_PARINDEX_ERROR(
      holidays_from_json(R"({"schema": "parindex.holidays/1", "country": "VN", "year": 2024, "sources": ["x"],
        "days_off": [{"date": "2024-02-03", "name": "x", "basis": "rumoured"}]})"),
      error_kind::document, "/days_off/0/basis: expected \"announced\", \"statutory\" or \"projected\"");
  EXPECT_PARINDEX_ERROR(
      holidays_from_json(R"({"schema": "parindex.holidays/1", "country": "VN", "year": 2024, "sources": ["x"],
        "days_off": [{"date": "2026-02-03", "name": "x", "basis": "announced"}]})"),
      error_kind::document, "is far from year 2024");
}

TEST(Holidays, ShippedSchedulesCiteTheirSources) {
  for (int year : vietnam_announced_years()) {
    auto s = load_holidays(source_path("data/calendars/vn/" + std::to_string(year) + ".json"));
    EXPECT_EQ(s.year, year);
    EXPECT_FALSE(s.sources.empty());
  }
}

// The library compiles data/calendars/vn in (cmake/embed_calendars.cmake); the io layer reads
// the same files. Both must see the same days.
TEST(Holidays, CompiledSchedulesEqualTheFiles) {
  for (int year : vietnam_announced_years()) {
    auto file = load_holidays(source_path("data/calendars/vn/" + std::to_string(year) + ".json"));
    auto compiled = vietnam_announced_schedule(year);
    ASSERT_TRUE(compiled) << year;
    EXPECT_EQ(compiled->days_off, file.days_off) << year;
    EXPECT_EQ(compiled->working_days, file.working_days) << year;
    EXPECT_EQ(compiled->sources, file.sources) << year;
    EXPECT_EQ(compiled->notes, file.notes) << year;
    EXPECT_EQ(compiled->applies_to, file.applies_to) << year;
  }
  EXPECT_FALSE(vietnam_announced_schedule(2013));
}
