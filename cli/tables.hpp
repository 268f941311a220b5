// Rendering rows as a terminal table, CSV or Markdown.
#pragma once

#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

namespace parindex::cli {

enum class Format { table, csv, json, markdown };

// The language of the headings a report prints for people (table and markdown); csv and
// json keep the column names of the DataFrames in every language.
enum class Language { vi, en };

// One heading in both languages.
struct Words {
  const char* vi;
  const char* en;
};
inline std::string say(Language l, Words w) { return l == Language::vi ? w.vi : w.en; }
std::vector<std::string> say(Language l, std::initializer_list<Words> headings);

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
