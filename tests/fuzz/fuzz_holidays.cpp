// Holiday schedules: read, then every day off and worked day lies near its year, and a calendar
// built from them answers for each of them as the schedule says.
#include "fuzz_support.hpp"
#include "parindex/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    namespace greg = boost::gregorian;
    const parindex::HolidaySchedule s = parindex::holidays_from_json(text);
    FUZZ_CHECK(s.year >= 1900 && s.year <= 2999);
    const greg::date first(s.year - 1, 12, 1), last(s.year + 1, 1, 31);
    for (const auto& d : s.days_off) FUZZ_CHECK(d.date >= first && d.date <= last);
    for (const auto& d : s.working_days) FUZZ_CHECK(d.date >= first && d.date <= last);
    if (s.year < 2014 || s.year > 2198) return;
    static const parindex::WorkCalendar base = parindex::vietnam_calendar(2013, 2199);
    const auto cal = base.with_days_off(s.days_off, "fuzz");
    for (const auto& d : s.days_off) FUZZ_CHECK(!cal.is_working_day(d.date));
  });
}
