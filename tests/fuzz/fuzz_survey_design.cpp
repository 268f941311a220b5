// Survey designs (parindex.survey/1).
#include "fuzz_support.hpp"
#include "parindex/io/survey_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) { parindex::survey_design_from_json(text); });
}
