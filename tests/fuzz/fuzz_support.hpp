// Shared by the fuzz harnesses: run a reader on the input; a parindex::error is a fine answer,
// anything else escaping (a dependency's exception, a crash, a sanitizer report) is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parindex/core/error.hpp"

template <class F>
int fuzz_one(const std::uint8_t* data, std::size_t size, F&& f) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    f(text);
  } catch (const parindex::error&) {
  }
  return 0;
}

// An invariant the harness checks: breaking it aborts, which libFuzzer reports.
#define FUZZ_CHECK(condition) \
  do {                        \
    if (!(condition)) __builtin_trap(); \
  } while (0)
