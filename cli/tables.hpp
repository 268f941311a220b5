// Rendering rows as a terminal table, CSV or Markdown.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace parindex::cli {

enum class Format { table, csv, json, markdown };

struct Table {
  std::vector<std::string> headers;
  std::vector<bool> right_aligned;  // per column; numbers are right-aligned
  std::vector<std::vector<std::string>> rows;

  void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }
  void render(std::ostream& out, Format format) const;  // table, csv or markdown
};

// Columns a string takes in a terminal: UTF-8 code points, less combining marks.
std::size_t display_width(const std::string& s);

}  // namespace parindex::cli
