// Internal: boost::gregorian::date <-> datetime.date.
#pragma once

#include <datetime.h>
#include <pybind11/pybind11.h>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <string>

#include "parindex/calendar/dates.hpp"
#include "parindex/core/error.hpp"

namespace pybind11::detail {

// Boost's dates run from 1400 to 9999; Python's from year 1. Say so rather than let Boost's
// out_of_range surface as an IndexError.
inline void check_date_year(handle src) {
  const int year = PyDateTime_GET_YEAR(src.ptr());
  if (year < 1400 || year > 9999) {
    throw parindex::error(parindex::error_kind::argument, "date " + str(src).cast<std::string>(),
                          "parindex handles dates from the year 1400 to 9999");
  }
}

template <>
struct type_caster<boost::gregorian::date> {
 public:
  PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));

  // Any date-like: datetime.date or datetime (pandas Timestamps are datetimes), an ISO string
  // "2024-06-15", or a numpy datetime64 (a datetime64 column's element).
  bool load(handle src, bool) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    if (!src) return false;
    if (PyDate_Check(src.ptr())) {
      check_date_year(src);
      value = boost::gregorian::date(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                                     PyDateTime_GET_DAY(src.ptr()));
      return true;
    }
    if (isinstance<str>(src)) return load_text(src.cast<std::string>());
    if (type::of(src).attr("__name__").cast<std::string>() == "datetime64") {
      return load_text(str(src.attr("astype")("datetime64[D]")).cast<std::string>());
    }
    return false;
  }

  bool load_text(const std::string& text) {
    try {
      value = parindex::parse_iso_date(text);
    } catch (const parindex::error& e) {
      throw parindex::error(parindex::error_kind::argument, "date \"" + text + "\"", e.detail());
    }
    return true;
  }

  static handle cast(const boost::gregorian::date& d, return_value_policy, handle) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    if (d.is_special()) return none().release();
    return PyDate_FromDate(static_cast<int>(d.year()), static_cast<int>(d.month()), static_cast<int>(d.day()));
  }
};

}  // namespace pybind11::detail

namespace pybind11::detail {

template <>
struct type_caster<boost::posix_time::ptime> {
 public:
  PYBIND11_TYPE_CASTER(boost::posix_time::ptime, const_name("datetime.datetime"));

  bool load(handle src, bool) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    if (!src || !PyDateTime_Check(src.ptr())) return false;
    check_date_year(src);
    value = boost::posix_time::ptime(
        boost::gregorian::date(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()), PyDateTime_GET_DAY(src.ptr())),
        boost::posix_time::hours(PyDateTime_DATE_GET_HOUR(src.ptr())) +
            boost::posix_time::minutes(PyDateTime_DATE_GET_MINUTE(src.ptr())) +
            boost::posix_time::seconds(PyDateTime_DATE_GET_SECOND(src.ptr())));
    return true;
  }

  static handle cast(const boost::posix_time::ptime& t, return_value_policy, handle) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    if (t.is_special()) return none().release();
    auto d = t.date();
    auto tod = t.time_of_day();
    return PyDateTime_FromDateAndTime(static_cast<int>(d.year()), static_cast<int>(d.month()), static_cast<int>(d.day()),
                                      static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()),
                                      static_cast<int>(tod.seconds()), 0);
  }
};

}  // namespace pybind11::detail
