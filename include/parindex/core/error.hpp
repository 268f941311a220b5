// The one exception type of parindex.
#pragma once

#include <exception>
#include <new>
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

// The exception boundary: called from a catch (...) handler, rethrows the exception being
// handled as a parindex::error located at `where`. A parindex::error passes through as it is;
// std::bad_alloc becomes an io error ("out of memory"); std::out_of_range (Boost.Date_Time's
// bad_year, bad_month and bad_day_of_month among them) an argument error; any other exception
// (nlohmann::json's, the standard library's) a document error with its message.
[[noreturn]] inline void rethrow_as_error(const std::string& where) {
  try {
    throw;
  } catch (const error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw error(error_kind::io, where, "out of memory");
  } catch (const std::out_of_range& e) {
    throw error(error_kind::argument, where, std::string("a value out of range: ") + e.what());
  } catch (const std::exception& e) {
    throw error(error_kind::document, where, e.what());
  } catch (...) {
    throw error(error_kind::document, where, "an unknown failure");
  }
}

}  // namespace parindex
