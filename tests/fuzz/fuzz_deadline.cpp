// Deadline rules: read, written and read back equal, then resolved over three years on the work
// calendar: due dates in order and inside the calendar.
#include <algorithm>

#include "fuzz_support.hpp"
#include "parindex/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    namespace greg = boost::gregorian;
    const parindex::DeadlineSpec spec = parindex::deadline_from_json(text);
    FUZZ_CHECK(parindex::deadline_from_json(parindex::to_json(spec)) == spec);
    (void)spec.describe();
    static const parindex::WorkCalendar calendar = parindex::vietnam_calendar(2013, 2199);
    const parindex::EventDates events{{"plan_issued", greg::date(2024, 3, 1)}, {"papi_published", greg::date(2025, 4, 20)}};
    const auto due = parindex::resolve(spec, calendar, events, greg::date(2024, 1, 1), greg::date(2026, 12, 31));
    FUZZ_CHECK(std::is_sorted(due.dates.begin(), due.dates.end()));
    for (const auto& d : due.dates) FUZZ_CHECK(calendar.covers(d));
    if (!due.resolved()) FUZZ_CHECK(due.dates.empty());
  });
}
