// Internal: the CSV reading the table readers share (score tables, survey responses).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parindex::csv_detail {

// One line's cells: split on the delimiter, CSV quotes honoured ("a, b" and "" inside quotes).
// Throws parindex::error (document) at `where` when a quoted cell is not closed.
std::vector<std::string> cells(std::string_view line, char delimiter, const std::string& where);

// The lines of a text one at a time, numbered from 1, without a trailing '\r' and with a UTF-8
// byte order mark dropped from the first, so errors can give the line number an editor shows.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool next(std::string_view& line);
  std::size_t number() const { return number_; }

 private:
  std::string_view text_;
  std::size_t start_ = 0;
  std::size_t number_ = 0;
};

}  // namespace parindex::csv_detail
