// Frameworks of any version: read, compiled, written and read back equal.
#include "fuzz_support.hpp"
#include "parindex/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    const parindex::Framework fw = parindex::framework_from_json(text);
    FUZZ_CHECK(parindex::framework_from_json(parindex::to_json(fw)) == fw);
  });
}
