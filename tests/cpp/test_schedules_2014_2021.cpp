// The announced day-off schedules of 2014–2021 for public bodies (Monday to Friday), pinned day
// by day. The lists below are written out from the sources named above each test, independently
// of data/calendars/vn: a weekday is worked unless it is listed as off, a weekend day is off
// unless it is listed as worked.
#include <algorithm>
#include <set>

#include "parindex/calendar/holidays.hpp"
#include "parindex/calendar/lunar.hpp"
#include "parindex/calendar/work_calendar.hpp"
#include "test_support.hpp"

using namespace parindex;
using boost::gregorian::days;

namespace {

Date d(const char* iso) { return parse_iso_date(iso); }

void expect_year(int year, const std::set<std::string>& off, const std::set<std::string>& worked) {
  const WorkCalendar cal = vietnam_calendar(year, year);
  for (Date day(year, 1, 1); day.year() == year; day += days(1)) {
    auto w = day.day_of_week().as_number();
    bool weekend = w == 0 || w == 6;
    const std::string iso = to_iso(day);
    bool expected = weekend ? worked.count(iso) > 0 : off.count(iso) == 0;
    EXPECT_EQ(cal.is_working_day(day), expected) << iso;
    // Nothing in a shipped year is projected.
    if (const DayOff* o = cal.day_off(day)) EXPECT_FALSE(o->projected) << iso << " " << o->name;
  }
  for (const auto& iso : off) EXPECT_NE(cal.day_off(d(iso.c_str())), nullptr) << iso << " has no named day off";
  for (const auto& iso : worked) EXPECT_EQ(cal.day_off(d(iso.c_str())), nullptr) << iso;
  EXPECT_EQ(cal.working_days(year).size(), worked.size()) << year;
}

// The dates of one year's days off whose name contains `what`, in order.
std::vector<std::string> named(int year, const std::string& what) {
  std::vector<std::string> out;
  for (const auto& o : vietnam_calendar(year, year).days_off(year)) {
    if (o.name.find(what) != std::string::npos) out.push_back(to_iso(o.date));
  }
  return out;
}

bool cites(int year, const std::string& text) {
  const WorkCalendar cal = vietnam_calendar(year, year);  // rules() refers into it: keep it alive
  const auto& sources = cal.rules().sources;
  return std::any_of(sources.begin(), sources.end(), [&](const std::string& s) { return s.find(text) != std::string::npos; });
}

}  // namespace

TEST(Schedules2014To2021, AllShipped) {
  const auto years = vietnam_announced_years();
  for (int year = 2014; year <= 2026; ++year) {
    EXPECT_NE(std::find(years.begin(), years.end(), year), years.end()) << year;
  }
}

// 2014. Tết and 30/4–1/5: the Prime Minister's approval of the ministry's swaps for 2014, as
// reported by Báo Đồng Tháp (18/12/2013) and Báo Lao Động; National Day: Tuổi Trẻ's report
// (work Saturday 6/9 for Monday 1/9). 27/12/2014 is worked for 2/1/2015 (the 2015 notice).
TEST(Schedules2014To2021, Year2014) {
  expect_year(2014,
              {"2014-01-01", "2014-01-28", "2014-01-29", "2014-01-30", "2014-01-31", "2014-02-03", "2014-02-04",
               "2014-02-05", "2014-04-09", "2014-04-30", "2014-05-01", "2014-05-02", "2014-09-01", "2014-09-02"},
              {"2014-01-25", "2014-02-08", "2014-04-26", "2014-09-06", "2014-12-27"});
  auto tet = named(2014, "Tết Nguyên đán");
  ASSERT_EQ(tet.size(), 9u);
  EXPECT_EQ(tet.front(), "2014-01-28");
  EXPECT_EQ(tet.back(), "2014-02-05");
}

// 2015. The ministry's notice on the 2015 swaps as reported by Xã hội (New Year 1–4/1 with
// Saturday 27/12/2014 worked; Tết 15–23/2 with Saturday 14/2 worked; 28/4–3/5 with Saturday 25/4
// worked); National Day one day (24h.com.vn).
TEST(Schedules2014To2021, Year2015) {
  expect_year(2015,
              {"2015-01-01", "2015-01-02", "2015-02-16", "2015-02-17", "2015-02-18", "2015-02-19", "2015-02-20",
               "2015-02-23", "2015-04-28", "2015-04-29", "2015-04-30", "2015-05-01", "2015-09-02"},
              {"2015-02-14", "2015-04-25"});
  auto tet = named(2015, "Tết Nguyên đán");
  ASSERT_EQ(tet.size(), 9u);
  EXPECT_EQ(tet.front(), "2015-02-15");
  EXPECT_EQ(tet.back(), "2015-02-23");
}

// 2016. Thông báo 4659/TB-LĐTBXH of 13/11/2015 (Tết 6–14/2); no swaps that year, the other
// holidays with their compensatory days (ministry, via Kiến Thức).
TEST(Schedules2014To2021, Year2016) {
  expect_year(2016,
              {"2016-01-01", "2016-02-08", "2016-02-09", "2016-02-10", "2016-02-11", "2016-02-12", "2016-04-18",
               "2016-05-02", "2016-05-03", "2016-09-02"},
              {});
  EXPECT_TRUE(cites(2016, "4659/TB-LĐTBXH"));
  auto tet = named(2016, "Tết Nguyên đán");
  EXPECT_EQ(tet.front(), "2016-02-06");
  EXPECT_EQ(tet.back(), "2016-02-14");
}

// 2017. Công văn 9794/VPCP-KGVX of 14/11/2016 and the ministry's notice of 24/11/2016 (Tết
// 26/1–1/2); no swaps, New Year's, 30 April's and National Day's compensatory days.
TEST(Schedules2014To2021, Year2017) {
  expect_year(2017,
              {"2017-01-02", "2017-01-26", "2017-01-27", "2017-01-30", "2017-01-31", "2017-02-01", "2017-04-06",
               "2017-05-01", "2017-05-02", "2017-09-04"},
              {});
  EXPECT_TRUE(cites(2017, "9794/VPCP-KGVX"));
}

// 2018. Thông báo 573/TB-VPCP of 14/12/2017 (Tết 14–20/2; 2/9 and Monday 3/9); 31/12/2018 off
// for Saturday 5/1/2019 (Công văn 6519/VPCP-KGVX of 11/7/2018).
TEST(Schedules2014To2021, Year2018) {
  expect_year(2018,
              {"2018-01-01", "2018-02-14", "2018-02-15", "2018-02-16", "2018-02-19", "2018-02-20", "2018-04-25",
               "2018-04-30", "2018-05-01", "2018-09-03", "2018-12-31"},
              {});
  EXPECT_TRUE(cites(2018, "573/TB-VPCP"));
  EXPECT_TRUE(cites(2018, "6519/VPCP-KGVX"));
}

// 2019. Công văn 6519/VPCP-KGVX of 11/7/2018 (Saturday 5/1 worked; Tết 4–8/2; 29/4 off for
// Saturday 4/5); Giỗ Tổ on Sunday 14/4 gives Monday 15/4.
TEST(Schedules2014To2021, Year2019) {
  expect_year(2019,
              {"2019-01-01", "2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08", "2019-04-15",
               "2019-04-29", "2019-04-30", "2019-05-01", "2019-09-02"},
              {"2019-01-05", "2019-05-04"});
  EXPECT_TRUE(cites(2019, "6519/VPCP-KGVX"));
}

// 2020. Tết 23–29/1 (the Prime Minister's approval reported by VNA, 9/10/2019, and the
// ministry's letter 4544 of 25/10/2019); National Day one day. Giỗ Tổ and 30/4–1/5 are the
// Labour Code's days: no notice for them could be found.
TEST(Schedules2014To2021, Year2020) {
  expect_year(2020,
              {"2020-01-01", "2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29", "2020-04-02",
               "2020-04-30", "2020-05-01", "2020-09-02"},
              {});
}

// 2021, the first year of the 2019 Labour Code. Công văn 9895/VPCP-KGVX of 26/11/2020 (Tết
// 10–16/2; National Day 2–5/9, so the adjacent day is Friday 3/9); 1 May on a Saturday gives
// Monday 3/5.
TEST(Schedules2014To2021, Year2021) {
  expect_year(2021,
              {"2021-01-01", "2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16", "2021-04-21",
               "2021-04-30", "2021-05-03", "2021-09-02", "2021-09-03"},
              {});
  EXPECT_TRUE(cites(2021, "9895/VPCP-KGVX"));
}

TEST(Schedules2014To2021, SwapsAcrossTheYearEnd) {
  // 2/1/2015 off for Saturday 27/12/2014; 31/12/2018 off for Saturday 5/1/2019.
  WorkCalendar a = vietnam_calendar(2014, 2015);
  EXPECT_TRUE(a.is_working_day(d("2014-12-27")));
  EXPECT_FALSE(a.is_working_day(d("2015-01-02")));
  EXPECT_EQ(to_iso(a.add_working_days(d("2014-12-31"), 1)), "2015-01-05");
  WorkCalendar b = vietnam_calendar(2018, 2019);
  EXPECT_FALSE(b.is_working_day(d("2018-12-31")));
  EXPECT_TRUE(b.is_working_day(d("2019-01-05")));
  EXPECT_EQ(to_iso(b.add_working_days(d("2018-12-28"), 1)), "2019-01-02");
  EXPECT_EQ(to_iso(b.add_working_days(d("2019-01-04"), 1)), "2019-01-05");
}

TEST(Schedules2014To2021, AgreeWithTheLunarCalendar) {
  // Every announced Tết span holds the first day of the lunar year, and Giỗ Tổ Hùng Vương is
  // a day off on 10/3 of the lunar calendar, in every shipped year.
  for (int year = 2014; year <= 2026; ++year) {
    WorkCalendar cal = vietnam_calendar(year, year);
    const DayOff* tet = cal.day_off(from_lunar(LunarDate{year, 1, 1, false}));
    ASSERT_NE(tet, nullptr) << year;
    EXPECT_NE(tet->name.find("Tết Nguyên đán"), std::string::npos) << year << " " << tet->name;
    const DayOff* hung = cal.day_off(from_lunar(LunarDate{year, 3, 10, false}));
    ASSERT_NE(hung, nullptr) << year;
    EXPECT_NE(hung->name.find("Giỗ Tổ Hùng Vương"), std::string::npos) << year << " " << hung->name;
  }
}

TEST(Schedules2014To2021, TheAnnouncementsDifferFromTheProjection) {
  // What the shipped years change: the projection knows neither swaps nor bridge days.
  auto projected = [](int year, const char* iso) {
    for (const auto& o : vietnam_statutory_days_off(year)) {
      if (to_iso(o.date) == iso) return true;
    }
    return false;
  };
  EXPECT_FALSE(projected(2014, "2014-01-28"));  // a swapped Tết day
  EXPECT_FALSE(projected(2021, "2021-02-10"));  // Tết 2021 began on 29 Chạp
  EXPECT_TRUE(projected(2021, "2021-02-17"));   // ... so the projection's last day was worked
  EXPECT_TRUE(vietnam_calendar(2021, 2021).is_working_day(d("2021-02-17")));
  EXPECT_FALSE(projected(2019, "2019-04-29"));
}

TEST(Schedules2014To2021, Schedule2026IsComplete) {
  // National Day 2026: Saturday 29/8 to Wednesday 2/9, Monday 31/8 swapped for Saturday 22/8
  // (the Prime Minister's decision of October 2025, announced by the Ministry of Home Affairs).
  WorkCalendar cal = vietnam_calendar(2026, 2026);
  for (const auto& o : cal.days_off(2026)) EXPECT_FALSE(o.projected) << to_iso(o.date) << " " << o.name;
  EXPECT_FALSE(cal.is_working_day(d("2026-08-31")));
  EXPECT_FALSE(cal.is_working_day(d("2026-09-01")));
  EXPECT_TRUE(cal.is_working_day(d("2026-08-22")));
  EXPECT_TRUE(cal.is_working_day(d("2026-09-03")));
  EXPECT_TRUE(cal.is_working_day(d("2026-11-24")));  // Ngày Văn hóa Việt Nam: not yet law
}
