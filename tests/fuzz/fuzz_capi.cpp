// The C interface's JSON loaders: the input is a framework, a NUL byte, then an assessment
// (without the NUL, a framework alone). Each is loaded through the C calls and, when both load,
// evaluated one at a time and as a batch, ranked and written back. A failure must carry a
// parindex status (never INTERNAL: that is an exception the library did not expect) and a
// non-empty message; a success must leave no error behind.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_support.hpp"
#include "parindex/parindex.h"

namespace {

// The status of a call, with the boundary's promises checked.
bool succeeded(parindex_status status) {
  FUZZ_CHECK(status == parindex_last_error_status());
  if (status == PARINDEX_OK) {
    FUZZ_CHECK(*parindex_last_error_message() == '\0');
    return true;
  }
  FUZZ_CHECK(status != PARINDEX_ERROR_INTERNAL);
  FUZZ_CHECK(*parindex_last_error_message() != '\0');
  FUZZ_CHECK(*parindex_last_error_detail() != '\0');
  return false;
}

void write_out(parindex_status status, char* text) {
  if (succeeded(status)) FUZZ_CHECK(text != nullptr && *text == '{');
  else FUZZ_CHECK(text == nullptr);
  parindex_string_free(text);
}

void evaluate(const parindex_framework* framework, const parindex_assessment* assessment) {
  parindex_scorecard* card = nullptr;
  if (!succeeded(parindex_evaluate(framework, assessment, &card))) {
    FUZZ_CHECK(card == nullptr);
    return;
  }
  parindex_totals totals;
  FUZZ_CHECK(succeeded(parindex_scorecard_totals(card, &totals)));
  FUZZ_CHECK(totals.total >= 0);
  // Each call before its check: the order a function's arguments are evaluated in is the
  // compiler's choice (g++ reads `text` before the call sets it, clang after).
  char* text = nullptr;
  parindex_status status = parindex_scorecard_json(card, &text);
  write_out(status, text);
  text = nullptr;
  status = parindex_gaps_json(card, &text);
  write_out(status, text);
  text = nullptr;
  status = parindex_rank_json(&card, 1, PARINDEX_GROUPS_QUARTILES, -1, &text);
  write_out(status, text);

  // The batch kernel agrees with the one-at-a-time evaluation.
  parindex_batch* batch = nullptr;
  FUZZ_CHECK(succeeded(parindex_evaluate_many(framework, &assessment, 1, &batch)));
  parindex_totals batch_totals;
  FUZZ_CHECK(succeeded(parindex_batch_totals(batch, 0, &batch_totals)));
  FUZZ_CHECK(batch_totals.total == totals.total && batch_totals.max_points == totals.max_points);
  parindex_batch_free(batch);
  parindex_scorecard_free(card);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const char* text = reinterpret_cast<const char*>(data);
  const void* nul = std::memchr(data, 0, size);
  const std::size_t framework_size = nul ? static_cast<std::size_t>(static_cast<const std::uint8_t*>(nul) - data) : size;

  parindex_framework* framework = nullptr;
  if (!succeeded(parindex_framework_from_json(text, framework_size, "fuzz", &framework))) {
    FUZZ_CHECK(framework == nullptr);
    return 0;
  }
  if (nul) {
    parindex_assessment* assessment = nullptr;
    const std::size_t rest = size - framework_size - 1;
    if (succeeded(parindex_assessment_from_json(text + framework_size + 1, rest, "fuzz", &assessment))) {
      evaluate(framework, assessment);
    } else {
      FUZZ_CHECK(assessment == nullptr);
    }
    parindex_assessment_free(assessment);
  }
  parindex_framework_free(framework);
  return 0;
}
