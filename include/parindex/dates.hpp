// Dates in ISO 8601 form ("2024-02-10"), the form every parindex document and the CLI use.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>
#include <string_view>

namespace parindex {

using Date = boost::gregorian::date;

std::string to_iso(const Date& date);
// Parses "YYYY-MM-DD" strictly. Throws parindex::error (document) naming the text.
Date parse_iso_date(std::string_view text);

}  // namespace parindex
