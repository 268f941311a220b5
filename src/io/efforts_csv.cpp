// Reading effort tables: named columns, every cell checked, errors at file:line and column.
#include "parindex/io/efforts_csv.hpp"

#include <cmath>
#include <cstdlib>
#include <algorithm>
#include <set>

#include "csv.hpp"
#include "parindex/core/error.hpp"
#include "strict_reader.hpp"

namespace parindex {

namespace {

const std::vector<std::string> known_columns{"code", "cost_per_point", "cost_per_step", "max_input", "max_points", "out_of_reach"};

double number_cell(const std::string& cell, const std::string& where, bool non_negative) {
  char* end = nullptr;
  const double v = std::strtod(cell.c_str(), &end);
  if (cell.empty() || end != cell.c_str() + cell.size() || !std::isfinite(v) || (non_negative && v < 0)) {
    throw error(error_kind::document, where, std::string("expected a finite number") + (non_negative ? " of at least 0" : "") + ", got \"" + cell + "\"");
  }
  return v;
}

bool flag_cell(const std::string& cell, const std::string& where) {
  if (cell == "yes" || cell == "true" || cell == "1") return true;
  if (cell == "no" || cell == "false" || cell == "0") return false;
  throw error(error_kind::document, where, "expected yes/no, true/false or 1/0, got \"" + cell + "\"");
}

void set_cell(CriterionEffort& e, const std::string& column, const std::string& cell, const std::string& where) {
  if (column == "code") {
    auto code = CriterionCode::parse(cell);
    if (!code) throw error(error_kind::document, where, "expected a criterion code such as 3.5.3, got \"" + cell + "\"");
    e.code = *code;
  } else if (column == "cost_per_point") {
    e.cost_per_point = number_cell(cell, where, true);
  } else if (column == "cost_per_step") {
    e.cost_per_step = number_cell(cell, where, true);
  } else if (column == "max_input") {
    e.max_input = number_cell(cell, where, false);
  } else if (column == "max_points") {
    e.max_points = number_cell(cell, where, true);
  } else {
    e.out_of_reach = flag_cell(cell, where);
  }
}

std::vector<std::string> header(csv_detail::Lines& lines, const std::string& source) {
  std::string_view line;
  if (!lines.next(line)) throw error(error_kind::document, source, "empty: expected a header line starting with code");
  auto columns = csv_detail::cells(line, ',', source + ":1");
  std::set<std::string> seen;
  for (const auto& c : columns) {
    if (std::find(known_columns.begin(), known_columns.end(), c) == known_columns.end()) {
      throw error(error_kind::document, source + ":1", "unknown column \"" + c + "\"; expected code, cost_per_point, cost_per_step, max_input, max_points, out_of_reach");
    }
    if (!seen.insert(c).second) throw error(error_kind::document, source + ":1", "column \"" + c + "\" appears twice");
  }
  if (!seen.count("code")) throw error(error_kind::document, source + ":1", "no code column");
  return columns;
}

}  // namespace

std::vector<CriterionEffort> read_efforts_csv(std::string_view text, const std::string& source) {
  csv_detail::Lines lines(text);
  const auto columns = header(lines, source);
  std::vector<CriterionEffort> out;
  std::set<CriterionCode> codes;
  std::string_view line;
  while (lines.next(line)) {
    if (line.empty()) continue;
    const std::string at = source + ":" + std::to_string(lines.number());
    const auto cells = csv_detail::cells(line, ',', at);
    if (cells.size() != columns.size()) {
      throw error(error_kind::document, at, "expected " + std::to_string(columns.size()) + " cells, got " + std::to_string(cells.size()));
    }
    CriterionEffort e;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (!cells[i].empty()) set_cell(e, columns[i], cells[i], at + ", column " + columns[i]);
    }
    if (!e.code.ok()) throw error(error_kind::document, at + ", column code", "every line needs a criterion code");
    if (!codes.insert(e.code).second) throw error(error_kind::document, at, "criterion " + e.code.str() + " appears twice");
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<CriterionEffort> load_efforts(const std::filesystem::path& path) {
  return read_efforts_csv(json_detail::read_text_file(path), path.string());
}

}  // namespace parindex
