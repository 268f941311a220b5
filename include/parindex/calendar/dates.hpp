// Dates in ISO 8601 form ("2024-02-10"), the form every parindex document and the CLI use.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <string>
#include <string_view>

namespace parindex {

using Date = boost::gregorian::date;
// A local date-time (a dossier received at 16:40).
using DateTime = boost::posix_time::ptime;

std::string to_iso(const Date& date);
// Parses "YYYY-MM-DD" strictly. Throws parindex::error (document) naming the text.
Date parse_iso_date(std::string_view text);
// "2024-03-05 16:40" (seconds optional, 'T' may replace the space).
std::string to_iso(const DateTime& time);

}  // namespace parindex
