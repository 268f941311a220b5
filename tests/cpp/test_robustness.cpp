// Bad input never crashes: every truncation and many byte mutations of the real documents
// either load or fail with parindex::error.
#include <fstream>
#include <sstream>

#include "parindex/io/json.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

// Loads and evaluates; returns false when a parindex::error was thrown. Any other exception
// escapes and fails the test.
bool try_load(const Framework& reference, const std::string& framework_text, const std::string& assessment_text) {
  try {
    auto f = framework_from_json(framework_text);
    auto a = assessment_from_json(assessment_text);
    evaluate(f.id() == reference.id() ? f : reference, a);
    return true;
  } catch (const error&) {
    return false;
  }
}

}  // namespace

TEST(Robustness, TruncationsAndMutations) {
  const std::string fw = read_source("data/frameworks/langson-district-2023.json");
  const std::string as = read_source("examples/langson-2023/bac-son.json");
  const Framework reference = framework_from_json(fw);
  ASSERT_TRUE(try_load(reference, fw, as));
  std::size_t failures = 0, trials = 0;
  for (std::size_t cut = 0; cut < as.size(); cut += 7) {
    failures += !try_load(reference, fw, as.substr(0, cut));
    ++trials;
  }
  const char replacements[] = {'"', '{', '}', '[', ']', ',', ':', '-', '9', 'e', '.', '\\', '\0', '\xff'};
  std::uint32_t seed = 12345;
  auto next = [&]() { return seed = seed * 1664525u + 1013904223u; };
  for (int i = 0; i < 3000; ++i) {
    std::string f = fw, a = as;
    std::string& target = (i % 2) ? f : a;
    target[next() % target.size()] = replacements[next() % sizeof replacements];
    failures += !try_load(reference, f, a);
    ++trials;
  }
  // Most mutations must be caught; a few land in free text and are harmless.
  EXPECT_GT(failures, trials / 2);
}
