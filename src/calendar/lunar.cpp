#include "parindex/calendar/lunar.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

#include "astronomy.hpp"
#include "parindex/calendar/dates.hpp"
#include "parindex/core/error.hpp"

namespace parindex {

namespace {

namespace greg = boost::gregorian;

constexpr double synodic_month = 29.530588853;
constexpr long jdn_1970 = 2440588;

// A Julian Day Number (the integer day) and its date.
long jdn_of(const greg::date& d) { return static_cast<long>(d.julian_day()); }
greg::date date_of(long jdn) { return greg::date(1970, 1, 1) + greg::days(jdn - jdn_1970); }

// The computations for one time zone.
class Lunisolar {
 public:
  // Time zones lie within ±14 hours; anything else (NaN above all) would never find its month.
  explicit Lunisolar(double utc_offset_hours) : zone_(utc_offset_hours / 24.0) {
    if (!(utc_offset_hours >= -14 && utc_offset_hours <= 14)) {
      throw error(error_kind::argument, "UTC offset", "expected hours from −14 to +14, got " + std::to_string(utc_offset_hours));
    }
  }

  // The local day on which new moon k falls: that is the first day of its month.
  long new_moon_day(long k) const {
    return static_cast<long>(std::floor(astronomy::tt_to_ut(astronomy::new_moon_jde(k)) + 0.5 + zone_));
  }

  // Which 30° sector the Sun is in at the start (local midnight) of a day. A major solar
  // term (trung khí) falls in a month exactly when the sector changes between the first day
  // of that month and the first day of the next.
  int sector_at_start_of(long jdn) const {
    return static_cast<int>(std::floor(astronomy::sun_longitude(static_cast<double>(jdn) - 0.5 - zone_) / 30.0));
  }

  // The new moon that begins the month holding the winter solstice (month 11) of a year.
  long month11(int year) const {
    long dec31 = jdn_of(greg::date(year, 12, 31));
    long k = static_cast<long>(std::floor((dec31 - 2451550.1) / synodic_month));
    // Sector 9 begins at 270°, the winter solstice.
    while (sector_at_start_of(new_moon_day(k)) >= 9) --k;
    while (sector_at_start_of(new_moon_day(k + 1)) < 9) ++k;
    return k;
  }

  // In a 13-month span from month 11 to the next, the offset of the leap month: the first
  // month without a major solar term.
  std::optional<long> leap_offset(long k11, long next_k11) const {
    if (next_k11 - k11 != 13) return std::nullopt;
    for (long i = 1; i < 13; ++i) {
      if (sector_at_start_of(new_moon_day(k11 + i)) == sector_at_start_of(new_moon_day(k11 + i + 1))) return i;
    }
    return std::nullopt;  // not reached for real years; treated as no leap month
  }

  // The new moon number whose month contains a day.
  long month_of_day(long jdn) const {
    long k = static_cast<long>(std::floor((jdn - 2451550.1) / synodic_month));
    while (new_moon_day(k) > jdn) --k;
    while (new_moon_day(k + 1) <= jdn) ++k;
    return k;
  }

 private:
  double zone_;
};

void check_year(int year, const std::string& what) {
  if (year < lunar_first_year || year > lunar_last_year) {
    throw error(error_kind::argument, what,
                "the lunar calendar is computed for " + std::to_string(lunar_first_year) + "–" +
                    std::to_string(lunar_last_year) + " only");
  }
}

unsigned month_number(long offset) {
  long m = offset + 11;
  while (m > 12) m -= 12;
  return static_cast<unsigned>(m);
}

// The new moon number of a lunar month; throws when the month does not exist that year.
long month_start(const Lunisolar& cal, int year, unsigned month, bool leap, const std::string& where) {
  if (month < 1 || month > 12) throw error(error_kind::argument, where, "a lunar month runs from 1 to 12");
  const long ka = month < 11 ? cal.month11(year - 1) : cal.month11(year);
  const long kb = month < 11 ? cal.month11(year) : cal.month11(year + 1);
  long offset = static_cast<long>(month) - 11;
  if (offset < 0) offset += 12;
  auto leap_at = cal.leap_offset(ka, kb);
  if (leap_at) {
    unsigned leap_month = month_number(*leap_at - 1);
    if (leap && month != leap_month) {
      throw error(error_kind::argument, where,
                  "lunar year " + std::to_string(year) + " has no leap month " + std::to_string(month) +
                      "; its leap month is " + std::to_string(leap_month));
    }
    if (leap || offset >= *leap_at) ++offset;
  } else if (leap) {
    throw error(error_kind::argument, where, "lunar year " + std::to_string(year) + " has no leap month");
  }
  return ka + offset;
}

}  // namespace

std::string LunarDate::str() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u%s-%02u", year, month, leap ? "L" : "", day);
  return buf;
}

LunarDate to_lunar(const greg::date& date, double utc_offset_hours) {
  if (date.is_special()) throw error(error_kind::argument, "to_lunar", "not a date");
  const std::string where = "lunar date of " + to_iso(date);
  check_year(date.year(), where);
  const Lunisolar cal(utc_offset_hours);
  const long day = jdn_of(date);
  const long k = cal.month_of_day(day);
  const int y = date.year();
  long ka = cal.month11(y), kb = 0;
  int year_of_a = y;
  if (k >= ka) {
    kb = cal.month11(y + 1);
  } else {
    kb = ka;
    ka = cal.month11(y - 1);
    year_of_a = y - 1;
  }
  const long diff = k - ka;
  LunarDate out;
  out.day = static_cast<unsigned>(day - cal.new_moon_day(k) + 1);
  auto leap_at = cal.leap_offset(ka, kb);
  if (leap_at && diff >= *leap_at) {
    out.month = month_number(diff - 1);
    out.leap = diff == *leap_at;
  } else {
    out.month = month_number(diff);
  }
  out.year = (out.month >= 11 && diff < 4) ? year_of_a : year_of_a + 1;
  return out;
}

greg::date from_lunar(const LunarDate& lunar, double utc_offset_hours) {
  const std::string where = "lunar date " + lunar.str();
  check_year(lunar.year, where);
  if (!lunar.ok()) throw error(error_kind::argument, where, "expected a month 1–12 and a day 1–30");
  const Lunisolar cal(utc_offset_hours);
  const long k = month_start(cal, lunar.year, lunar.month, lunar.leap, where);
  const long first = cal.new_moon_day(k);
  const long length = cal.new_moon_day(k + 1) - first;
  if (lunar.day > length) {
    throw error(error_kind::argument, where, "that month has " + std::to_string(length) + " days");
  }
  return date_of(first + lunar.day - 1);
}

LunarDate to_lunar(const greg::date& date) { return to_lunar(date, 7.0); }
greg::date from_lunar(const LunarDate& lunar) { return from_lunar(lunar, 7.0); }

int lunar_month_length(int year, unsigned month, bool leap, double utc_offset_hours) {
  LunarDate first{year, month, 1, leap};
  const std::string where = "lunar month " + first.str().substr(0, first.str().size() - 3);
  check_year(year, where);
  const Lunisolar cal(utc_offset_hours);
  const long k = month_start(cal, year, month, leap, where);
  return static_cast<int>(cal.new_moon_day(k + 1) - cal.new_moon_day(k));
}

}  // namespace parindex
