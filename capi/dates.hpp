// Internal: dates across the boundary.
#pragma once

#include "parindex/calendar/dates.hpp"
#include "parindex/calendar/lunar.hpp"
#include "parindex/parindex.h"

namespace parindex::capi {

// Throws parindex::error (argument) naming the argument for a date that does not exist.
Date to_date(const parindex_date& date, const char* argument);
parindex_date from_date(const Date& date);

LunarDate to_lunar_date(const parindex_lunar_date& lunar, const char* argument);
parindex_lunar_date from_lunar_date(const LunarDate& lunar);

}  // namespace parindex::capi
