// Commitments: read, written and read back equal, then reviewed on the work calendar (one
// review per target).
#include "fuzz_support.hpp"
#include "parindex/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    const parindex::Commitment c = parindex::commitment_from_json(text);
    FUZZ_CHECK(parindex::commitment_from_json(parindex::to_json(c)) == c);
    static const parindex::WorkCalendar calendar = parindex::vietnam_calendar(2013, 2199);
    namespace greg = boost::gregorian;
    for (const greg::date as_of : {greg::date(2024, 9, 30), greg::date(2013, 1, 1), greg::date(2199, 12, 31)}) {
      const auto r = parindex::review(c, calendar, as_of);
      FUZZ_CHECK(r.targets.size() == c.targets.size());
      (void)parindex::to_json(r);
    }
  });
}
