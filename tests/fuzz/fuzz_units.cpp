// Unit registries: read, and every unit found again by its code on its first valid day.
#include "fuzz_support.hpp"
#include "parindex/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    const auto registry = parindex::units_from_json(text);
    for (const auto& u : registry.units()) {
      const std::string day = u.valid_from.value_or("1900-01-01");
      if (u.valid_on(day)) FUZZ_CHECK(registry.find(u.code, day) != nullptr);
    }
  });
}
