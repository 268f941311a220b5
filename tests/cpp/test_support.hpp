// Helpers shared by the tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "parindex/error.hpp"

// Expects `statement` to throw parindex::error of `kind` whose message contains `text`.
#define EXPECT_PARINDEX_ERROR(statement, error_kind_value, text)                                   \
  do {                                                                                             \
    try {                                                                                          \
      statement;                                                                                   \
      ADD_FAILURE() << "expected a parindex::error containing \"" << (text) << "\"";              \
    } catch (const parindex::error& e) {                                                           \
      EXPECT_EQ(e.kind(), (error_kind_value)) << e.what();                                         \
      EXPECT_NE(std::string(e.what()).find(text), std::string::npos)                              \
          << "message: " << e.what() << "\nexpected to contain: " << (text);                       \
    }                                                                                              \
  } while (0)

inline std::string source_path(const std::string& relative) {
  return std::string(PARINDEX_SOURCE_DIR) + "/" + relative;
}
