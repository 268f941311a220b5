// Holiday schedules as documents: one year's days off and worked weekend days, with sources.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parindex/calendar/work_calendar.hpp"

namespace parindex {

// One year's schedule (data/calendars/vn/2024.json is one). Each entry says its basis:
// "announced" (a government notice), "statutory" (the Labour Code itself), or "projected".
struct HolidaySchedule {
  std::string country;
  int year = 0;
  std::string applies_to;
  std::vector<std::string> sources;
  std::vector<DayOff> days_off;
  std::vector<WorkingDay> working_days;
  std::string notes;
};

// The schedule shipped for a year (data/calendars/vn, compiled in), if that year's was announced.
std::optional<HolidaySchedule> vietnam_announced_schedule(int year);

}  // namespace parindex
