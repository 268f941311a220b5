// Shared by the fuzz harnesses: run a reader on the input; a parindex::error is a fine answer,
// anything else escaping (a dependency's exception, a crash, a sanitizer report) is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>

#include "parindex/core/error.hpp"

template <class F>
int fuzz_one(const std::uint8_t* data, std::size_t size, F&& f) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    f(text);
  } catch (const parindex::error& e) {
    // PARINDEX_FUZZ_ERRORS=1 prints them: a seed that fails where it should load is a weak seed.
    static const bool report = std::getenv("PARINDEX_FUZZ_ERRORS") != nullptr;
    if (report) std::fprintf(stderr, "parindex::error: %s\n", e.what());
  }
  return 0;
}

// Two documents in one input, separated by the first NUL byte; `second` is empty without one.
inline std::pair<std::string_view, std::string_view> fuzz_split(std::string_view text) {
  const std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return {text, {}};
  return {text.substr(0, nul), text.substr(nul + 1)};
}

// An invariant the harness checks: breaking it names the check and aborts, which libFuzzer
// (or the replay driver's test) reports.
#define FUZZ_CHECK(condition)                                                                    \
  do {                                                                                           \
    if (!(condition)) {                                                                          \
      std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n", __FILE__, __LINE__, #condition); \
      __builtin_trap();                                                                          \
    }                                                                                            \
  } while (0)
