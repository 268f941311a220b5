// Assessments: read, written and read back equal, then evaluated against the Lạng Sơn district
// framework (data/frameworks, compiled in): a scorecard's points stay finite and within [0, max].
#include <cmath>

#include "fuzz_framework_text.hpp"
#include "fuzz_support.hpp"
#include "parindex/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    const parindex::Assessment a = parindex::assessment_from_json(text);
    FUZZ_CHECK(parindex::assessment_from_json(parindex::to_json(a)) == a);
    static const parindex::Framework fw = parindex::framework_from_json(fuzz_framework_text);
    const parindex::Scorecard card = parindex::evaluate(fw, a);
    for (const auto& line : card.lines) {
      FUZZ_CHECK(std::isfinite(line.achieved) && std::isfinite(line.max_points));
      FUZZ_CHECK(line.achieved >= 0 && line.achieved <= line.max_points + 1e-9);
    }
    FUZZ_CHECK(std::isfinite(card.total()) && card.total() >= 0);
  });
}
