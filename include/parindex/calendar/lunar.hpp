// The Vietnamese lunisolar calendar (âm lịch), computed from astronomy for UTC+7.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>

namespace parindex {

// A lunar date. `year` is the Gregorian year in which that lunar year begins (Tết); a leap
// month (tháng nhuận) repeats the number of the month before it.
struct LunarDate {
  int year = 0;
  unsigned month = 0;  // 1..12
  unsigned day = 0;    // 1..30
  bool leap = false;

  // Plausible on its face; whether the month has that day or is a leap month that year is
  // known only by converting (from_lunar checks it).
  bool ok() const noexcept { return month >= 1 && month <= 12 && day >= 1 && day <= 30; }
  std::string str() const;  // "2024-03-10", "2023-02L-15" for a leap month
  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// The years the conversion is valid for: the astronomy here (Meeus's series, the Espenak–Meeus
// ΔT polynomials) is accurate enough to place new moons and solar terms on the right day
// across this range.
inline constexpr int lunar_first_year = 1900;
inline constexpr int lunar_last_year = 2199;

// Converts a Gregorian date. Throws parindex::error (argument) outside the valid years.
LunarDate to_lunar(const boost::gregorian::date& date);
// Converts a lunar date. Throws parindex::error (argument) when that lunar date does not
// exist: no such leap month that year, or day 30 of a 29-day month.
boost::gregorian::date from_lunar(const LunarDate& lunar);

// The same computations for another time zone (hours east of UTC), e.g. 8 for the Chinese
// calendar. Vietnam's calendar is the one at UTC+7; the two differ in some years.
LunarDate to_lunar(const boost::gregorian::date& date, double utc_offset_hours);
boost::gregorian::date from_lunar(const LunarDate& lunar, double utc_offset_hours);

// The number of days in a lunar month (29 or 30).
int lunar_month_length(int year, unsigned month, bool leap, double utc_offset_hours = 7.0);

}  // namespace parindex
