#include "parindex/calendar/dates.hpp"

#include <cstdio>

#include "parindex/core/error.hpp"

namespace parindex {

std::string to_iso(const Date& date) {
  if (date.is_special()) return "not-a-date";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(date.year()), static_cast<int>(date.month()),
                static_cast<int>(date.day()));
  return buf;
}

std::string to_iso(const DateTime& time) {
  if (time.is_special()) return "not-a-date-time";
  auto t = time.time_of_day();
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(t.hours()), static_cast<int>(t.minutes()));
  return to_iso(time.date()) + buf;
}

Date parse_iso_date(std::string_view text) {
  auto fail = [&]() -> Date {
    throw error(error_kind::document, "", "\"" + std::string(text) + "\" is not a date: expected YYYY-MM-DD");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return fail();
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  if (parts[0] < 1400 || parts[0] > 9999 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 ||
      parts[2] > boost::gregorian::gregorian_calendar::end_of_month_day(parts[0], parts[1])) {
    throw error(error_kind::document, "", "\"" + std::string(text) + "\" is not a date of the calendar");
  }
  return Date(parts[0], parts[1], parts[2]);
}

}  // namespace parindex
