// Remediation plans: read, written and read back equal, then reviewed on the Vietnamese work
// calendar (one review per action, every agency's load adding up to the plan's actions).
#include "fuzz_support.hpp"
#include "parindex/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    const parindex::Plan plan = parindex::plan_from_json(text);
    FUZZ_CHECK(parindex::plan_from_json(parindex::to_json(plan)) == plan);
    static const parindex::WorkCalendar calendar = parindex::vietnam_calendar(2013, 2199);
    const auto r = parindex::review(plan, calendar, plan.period_first + boost::gregorian::days(100));
    FUZZ_CHECK(r.actions.size() == plan.actions.size());
    std::size_t counted = 0;
    for (const auto& load : r.agencies) counted += static_cast<std::size_t>(load.actions);
    FUZZ_CHECK(counted == plan.actions.size());
    (void)parindex::to_json(r);
  });
}
