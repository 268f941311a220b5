#include "csv.hpp"

#include "parindex/core/error.hpp"
#include "parindex/core/utf8.hpp"

namespace parindex::csv_detail {

std::vector<std::string> cells(std::string_view line, char delimiter, const std::string& where) {
  if (const std::size_t bad = invalid_utf8_at(line); bad != std::string_view::npos) {
    throw error(error_kind::document, where, "byte " + std::to_string(bad + 1) + " of the line is not valid UTF-8");
  }
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"' && out.back().empty()) {
      quoted = true;
    } else if (c == delimiter) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  if (quoted) throw error(error_kind::document, where, "a quoted cell is not closed");
  return out;
}

bool Lines::next(std::string_view& line) {
  if (start_ >= text_.size()) return false;
  std::size_t end = text_.find('\n', start_);
  if (end == std::string_view::npos) end = text_.size();
  line = text_.substr(start_, end - start_);
  start_ = end + 1;
  ++number_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (number_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  return true;
}

}  // namespace parindex::csv_detail
