// The one exception type of parindex.
#pragma once

#include <stdexcept>
#include <string>

namespace parindex {

// What went wrong, coarsely, so callers (and the Python bindings) can react by category.
enum class error_kind {
  document,    // malformed JSON, wrong type, unknown key, unsupported schema
  validation,  // a well-formed document that breaks a rule: sums, duplicates, scores above max
  argument,    // a call that cannot be honoured: ranking scorecards of different frameworks
  io,          // a file that cannot be read or written
};

// Every error names where it happened (file, line, JSON pointer, criterion code) and what
// was expected; what() is "where: detail".
class error : public std::runtime_error {
 public:
  error(error_kind kind, std::string where, std::string detail)
      : std::runtime_error(where.empty() ? detail : where + ": " + detail),
        kind_(kind),
        where_(std::move(where)),
        detail_(std::move(detail)) {}

  error_kind kind() const noexcept { return kind_; }
  const std::string& where() const noexcept { return where_; }
  const std::string& detail() const noexcept { return detail_; }

  // The same error with a prefix added to its location, e.g. the file it came from.
  error located_in(const std::string& outer) const {
    return error(kind_, where_.empty() ? outer : outer + where_, detail_);
  }

 private:
  error_kind kind_;
  std::string where_;
  std::string detail_;
};

}  // namespace parindex
