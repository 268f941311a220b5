// Dates across the boundary: checked here, since Boost throws its own exceptions for bad ones.
#include <stdexcept>

#include "boundary.hpp"
#include "dates.hpp"

namespace parindex::capi {

namespace {

std::string shown(int year, int month, int day) {
  return std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day);
}

}  // namespace

Date to_date(const parindex_date& d, const char* argument) {
  // Checked before the casts, so that no year wraps round into a valid one.
  const bool plausible = d.year >= 1400 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31;
  if (plausible) {
    try {
      return Date(static_cast<unsigned short>(d.year), static_cast<unsigned short>(d.month),
                  static_cast<unsigned short>(d.day));
    } catch (const std::out_of_range&) {  // 30 February: Boost's own exception
    }
  }
  bad_argument(argument, "no such date " + shown(d.year, d.month, d.day));
}

parindex_date from_date(const Date& date) {
  const auto ymd = date.year_month_day();
  return parindex_date{ymd.year, ymd.month, ymd.day};
}

LunarDate to_lunar_date(const parindex_lunar_date& l, const char* argument) {
  if (l.month < 1 || l.month > 12 || l.day < 1 || l.day > 30 || (l.leap != 0 && l.leap != 1)) {
    bad_argument(argument, "expected a month 1–12, a day 1–30 and leap 0 or 1, got " + shown(l.year, l.month, l.day) +
                               (l.leap ? " leap" : ""));
  }
  return LunarDate{l.year, static_cast<unsigned>(l.month), static_cast<unsigned>(l.day), l.leap == 1};
}

parindex_lunar_date from_lunar_date(const LunarDate& l) {
  return parindex_lunar_date{l.year, static_cast<int>(l.month), static_cast<int>(l.day), l.leap ? 1 : 0};
}

}  // namespace parindex::capi
