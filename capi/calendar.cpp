// Working days on Vietnam's calendar, and lunar dates.
#include "boundary.hpp"
#include "dates.hpp"
#include "handles.hpp"

using namespace parindex::capi;

extern "C" {

parindex_status parindex_calendar_vietnam(int first_year, int last_year, parindex_calendar** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    // vietnam_calendar's own range check speaks of its years; this one names the call.
    if (first_year < 2013 || last_year > parindex::lunar_last_year || first_year > last_year) {
      bad_argument("years", "expected 2013 <= first_year <= last_year <= " + std::to_string(parindex::lunar_last_year) +
                                ", got " + std::to_string(first_year) + ".." + std::to_string(last_year));
    }
    result = new parindex_calendar{parindex::vietnam_calendar(first_year, last_year)};
  });
}

void parindex_calendar_free(parindex_calendar* calendar) { delete calendar; }

parindex_status parindex_is_working_day(const parindex_calendar* calendar, parindex_date date, int* out) {
  return guarded(__func__, [&] {
    need(out, "out");
    *out = need(calendar, "calendar")->value.is_working_day(to_date(date, "date")) ? 1 : 0;
  });
}

parindex_status parindex_add_working_days(const parindex_calendar* calendar, parindex_date date, int64_t n,
                                          parindex_date* out) {
  return guarded(__func__, [&] {
    need(out, "out");
    const auto& cal = need(calendar, "calendar")->value;
    // A long is 32 bits on some platforms; no calendar holds 2^31 working days anyway.
    if (n < -1000000 || n > 1000000) bad_argument("n", "must lie within ±1000000");
    *out = from_date(cal.add_working_days(to_date(date, "date"), static_cast<long>(n)));
  });
}

parindex_status parindex_count_working_days(const parindex_calendar* calendar, parindex_date from, parindex_date to,
                                            int64_t* out) {
  return guarded(__func__, [&] {
    need(out, "out");
    const auto& cal = need(calendar, "calendar")->value;
    *out = cal.count_working_days(to_date(from, "from"), to_date(to, "to"));
  });
}

parindex_status parindex_to_lunar(parindex_date date, parindex_lunar_date* out) {
  return guarded(__func__, [&] {
    need(out, "out");
    *out = from_lunar_date(parindex::to_lunar(to_date(date, "date")));
  });
}

parindex_status parindex_from_lunar(parindex_lunar_date lunar, parindex_date* out) {
  return guarded(__func__, [&] {
    need(out, "out");
    *out = from_date(parindex::from_lunar(to_lunar_date(lunar, "lunar")));
  });
}

}  // extern "C"
