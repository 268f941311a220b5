// Effort tables: read or refused with a parindex::error; what is read holds valid codes and costs.
#include "fuzz_support.hpp"
#include "parindex/io/efforts_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    const auto efforts = parindex::read_efforts_csv(text, "fuzz.csv");
    for (const auto& e : efforts) {
      FUZZ_CHECK(e.code.ok());
      FUZZ_CHECK(e.cost_per_point >= 0 && e.cost_per_step >= 0);
    }
  });
}
