// Helpers shared by the tests.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "parindex/core/error.hpp"
#include "parindex/core/framework.hpp"

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

// A file of the source tree, as text.
inline std::string read_source(const std::string& relative) {
  std::ifstream in(source_path(relative), std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline parindex::Criterion make_criterion(const char* code, double max,
                                          std::optional<parindex::ScoringRule> rule = std::nullopt) {
  parindex::Criterion c;
  c.code = parindex::CriterionCode(code);
  c.title = std::string("Tiêu chí ") + code;
  c.max_points = max;
  c.rule = std::move(rule);
  return c;
}
