#include "parindex/calendar/lunar.hpp"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "parindex/calendar/dates.hpp"
#include "test_support.hpp"

using namespace parindex;
using boost::gregorian::date;
using boost::gregorian::days;

namespace {

Date d(const char* iso) { return parse_iso_date(iso); }

}  // namespace

// Tết (lunar 1/1) in Vietnam, as celebrated; and the leap months of recent years.
TEST(Lunar, TetDates) {
  const std::map<int, const char*> tet = {
      {1968, "1968-01-29"}, {1969, "1969-02-16"}, {1985, "1985-01-21"}, {2000, "2000-02-05"}, {2001, "2001-01-24"},
      {2002, "2002-02-12"}, {2003, "2003-02-01"}, {2004, "2004-01-22"}, {2005, "2005-02-09"}, {2006, "2006-01-29"},
      {2007, "2007-02-17"}, {2008, "2008-02-07"}, {2009, "2009-01-26"}, {2010, "2010-02-14"}, {2011, "2011-02-03"},
      {2012, "2012-01-23"}, {2013, "2013-02-10"}, {2014, "2014-01-31"}, {2015, "2015-02-19"}, {2016, "2016-02-08"},
      {2017, "2017-01-28"}, {2018, "2018-02-16"}, {2019, "2019-02-05"}, {2020, "2020-01-25"}, {2021, "2021-02-12"},
      {2022, "2022-02-01"}, {2023, "2023-01-22"}, {2024, "2024-02-10"}, {2025, "2025-01-29"}, {2026, "2026-02-17"},
      {2027, "2027-02-06"}, {2028, "2028-01-26"}, {2029, "2029-02-13"}, {2030, "2030-02-02"}};
  for (const auto& [year, iso] : tet) {
    SCOPED_TRACE(year);
    EXPECT_EQ(to_iso(from_lunar(LunarDate{year, 1, 1, false})), iso);
    EXPECT_EQ(to_lunar(d(iso)), (LunarDate{year, 1, 1, false}));
  }
}

TEST(Lunar, LeapMonths) {
  const std::map<int, unsigned> leap = {{2001, 4}, {2004, 2}, {2006, 7}, {2009, 5}, {2012, 4}, {2014, 9},
                                        {2017, 6}, {2020, 4}, {2023, 2}, {2025, 6}, {2028, 5}, {2031, 3}};
  for (const auto& [year, month] : leap) {
    SCOPED_TRACE(year);
    EXPECT_NO_THROW(from_lunar(LunarDate{year, month, 1, true}));
    for (unsigned m = 1; m <= 12; ++m) {
      if (m != month) EXPECT_PARINDEX_ERROR(from_lunar(LunarDate{year, m, 1, true}), error_kind::argument, "no leap month");
    }
  }
  // 2023: the second month repeats; leap 2/1 is 2023-03-22.
  EXPECT_EQ(to_iso(from_lunar(LunarDate{2023, 2, 1, true})), "2023-03-22");
  EXPECT_EQ(to_lunar(d("2023-04-19")), (LunarDate{2023, 2, 29, true}));
  EXPECT_PARINDEX_ERROR(from_lunar(LunarDate{2024, 4, 1, true}), error_kind::argument, "lunar year 2024 has no leap month");
}

// Where the UTC+7 calendar parts from the Chinese one (UTC+8): a new moon between
// midnight in Hanoi and midnight in Beijing starts the month a day earlier in Vietnam.
TEST(Lunar, DiffersFromTheChineseCalendarWhereTheTimeZoneDecides) {
  EXPECT_EQ(to_iso(from_lunar(LunarDate{1968, 1, 1, false}, 8.0)), "1968-01-30");  // Tết Mậu Thân
  EXPECT_EQ(to_iso(from_lunar(LunarDate{1968, 1, 1, false}, 7.0)), "1968-01-29");
  // 1984–85: no leap month 10 in Vietnam, so Tết Ất Sửu came a month before China's.
  EXPECT_EQ(to_iso(from_lunar(LunarDate{1985, 1, 1, false}, 8.0)), "1985-02-20");
  EXPECT_EQ(to_iso(from_lunar(LunarDate{1985, 1, 1, false})), "1985-01-21");
  EXPECT_NO_THROW(from_lunar(LunarDate{1984, 10, 1, true}, 8.0));
  EXPECT_PARINDEX_ERROR(from_lunar(LunarDate{1984, 10, 1, true}), error_kind::argument, "no leap month");
  // The new moon of 2021-01-13 fell after midnight in Beijing but before it in Hanoi.
  EXPECT_EQ(to_lunar(d("2021-01-04")), (LunarDate{2020, 11, 22, false}));
  EXPECT_EQ(to_lunar(d("2021-01-04"), 8.0), (LunarDate{2020, 11, 21, false}));
  EXPECT_EQ(to_iso(from_lunar(LunarDate{2007, 1, 1, false}, 8.0)), "2007-02-18");
  EXPECT_EQ(to_iso(from_lunar(LunarDate{2007, 1, 1, false})), "2007-02-17");
}

TEST(Lunar, HolidaysOfTheLabourCode) {
  // Hùng Kings' day, 10/3 lunar.
  EXPECT_EQ(to_iso(from_lunar(LunarDate{2024, 3, 10, false})), "2024-04-18");
  EXPECT_EQ(to_iso(from_lunar(LunarDate{2025, 3, 10, false})), "2025-04-07");
  EXPECT_EQ(to_iso(from_lunar(LunarDate{2026, 3, 10, false})), "2026-04-26");
  // The eve of Tết Giáp Thìn was 30 Tết; lunar years 2024 to 2028 end on the 29th.
  EXPECT_EQ(lunar_month_length(2023, 12, false), 30);
  EXPECT_EQ(to_lunar(d("2024-02-09")), (LunarDate{2023, 12, 30, false}));
  EXPECT_EQ(to_lunar(d("2025-01-28")), (LunarDate{2024, 12, 29, false}));
  EXPECT_EQ(to_lunar(d("2026-02-16")), (LunarDate{2025, 12, 29, false}));
}

TEST(Lunar, RoundTripsEveryDay1900To2199) {
  std::size_t days_checked = 0;
  for (date day(1900, 1, 31); day <= date(2199, 12, 31); day += days(1)) {
    auto l = to_lunar(day);
    ASSERT_TRUE(l.ok()) << to_iso(day);
    ASSERT_EQ(from_lunar(l), day) << to_iso(day) << " → " << l.str();
    ++days_checked;
  }
  EXPECT_GT(days_checked, 109000u);
}

TEST(Lunar, OutsideTheValidYears) {
  EXPECT_PARINDEX_ERROR(to_lunar(d("1899-06-01")), error_kind::argument, "computed for 1900–2199 only");
  EXPECT_PARINDEX_ERROR(from_lunar(LunarDate{2200, 1, 1, false}), error_kind::argument, "1900–2199");
  EXPECT_PARINDEX_ERROR(from_lunar(LunarDate{2024, 13, 1, false}), error_kind::argument, "month 1–12");
  EXPECT_PARINDEX_ERROR(from_lunar(LunarDate{2024, 12, 30, false}), error_kind::argument, "that month has 29 days");
}

// The astronomy against a published table: the Hong Kong Observatory's conversion tables
// (UTC+8) agree on every day from 1901 to 2099 but in six months. Five begin with a new moon
// within ten minutes of Beijing midnight (1914-10, 1916-01, 1920-10 predate China's 1929 switch
// from Beijing local time, UTC+7:45:40, to UTC+8; 1933-06 and 1978-08 were computed with older
// ephemerides). In 1954-11 the table starts the month on 26 November, although the new moon
// fell at 01:47 on the 25th, Beijing time: the table's own discrepancy.
TEST(Lunar, AgreesWithTheHongKongObservatoryTables) {
  const std::set<std::string> known_differences = {"1914-10", "1916-01", "1920-10", "1933-06", "1954-11", "1978-08"};
  std::ifstream in(source_path("tests/data/lunar/hko-1901-2099.tsv"));
  std::string line;
  std::size_t months = 0;
  std::set<std::string> start_differs, length_differs;
  std::map<std::string, std::string> next_month;
  std::string previous;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("year", 0) == 0) continue;
    std::istringstream row(line);
    int year = 0, leap_month = 0;
    std::string new_year, lengths;
    row >> year >> new_year >> leap_month >> lengths;
    Date start = d(new_year.c_str());
    std::istringstream list(lengths);
    std::string length;
    unsigned month = 1;
    bool leap = false;
    while (std::getline(list, length, ',')) {
      std::string name = std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + (leap ? "L" : "");
      if (!previous.empty()) next_month[previous] = name;
      previous = name;
      if (from_lunar(LunarDate{year, month, 1, leap}, 8.0) != start) start_differs.insert(name);
      else if (lunar_month_length(year, month, leap, 8.0) != std::stoi(length)) length_differs.insert(name);
      ++months;
      start += days(std::stoi(length));
      if (!leap && static_cast<int>(month) == leap_month) {
        leap = true;
      } else {
        leap = false;
        ++month;
      }
    }
  }
  EXPECT_GT(months, 2450u);
  EXPECT_EQ(start_differs, known_differences);
  // A month that starts a day apart also changes the length of the month before it.
  for (const auto& m : length_differs) EXPECT_TRUE(known_differences.count(next_month[m])) << m;
}
