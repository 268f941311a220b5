#include "parindex/io/score_table.hpp"

#include <charconv>
#include <cmath>
#include <optional>

#include "parindex/core/error.hpp"
#include "csv.hpp"
#include "strict_reader.hpp"

namespace parindex {

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& detail) { throw error(error_kind::document, where, detail); }

// "1.1", or PAPI's "SC11" (dimension 1, sub-dimension 1).
std::optional<CriterionCode> column_code(const std::string& name) {
  if (name.size() == 4 && name[0] == 'S' && name[1] == 'C' && std::isdigit(static_cast<unsigned char>(name[2])) &&
      std::isdigit(static_cast<unsigned char>(name[3]))) {
    return CriterionCode::parse(std::string(1, name[2]) + "." + name[3]);
  }
  return CriterionCode::parse(name);
}

struct Layout {
  std::size_t year = 0, unit = 0;
  std::optional<std::size_t> name;
  std::string level;
  std::vector<std::pair<std::size_t, CriterionCode>> leaves;
};

Layout layout_of(const std::vector<std::string>& header, const std::string& where) {
  Layout l;
  std::optional<std::size_t> year, unit;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& h = header[i];
    if (h == "year") year = i;
    else if (h == "unit") unit = i;
    else if (h == "province_code") {
      unit = i;
      l.level = "province";
    } else if (h == "name" || h == "province") l.name = i;
    else if (auto code = column_code(h)) l.leaves.emplace_back(i, *code);
    else fail(where + ", column " + std::to_string(i + 1), "\"" + h + "\" is neither year, unit, province_code, name, province, a criterion code nor SCdk");
  }
  if (!year) fail(where, "the header needs a year column");
  if (!unit) fail(where, "the header needs a unit (or province_code) column");
  l.year = *year;
  l.unit = *unit;
  return l;
}

double number_in(const std::string& cell, const std::string& where) {
  double v = 0;
  const char* end = cell.data() + cell.size();
  auto res = std::from_chars(cell.data(), end, v);
  if (res.ec != std::errc() || res.ptr != end || !std::isfinite(v)) fail(where, "\"" + cell + "\" is not a finite number");
  return v;
}

}  // namespace

std::vector<UnitScores> score_table_from_text(std::string_view text, const std::string& source) {
  const std::string file = source.empty() ? "table" : source;
  std::vector<UnitScores> rows;
  std::optional<Layout> layout;
  std::vector<std::string> header;
  char delimiter = ',';
  csv_detail::Lines lines(text);
  for (std::string_view line; lines.next(line);) {
    if (line.empty() || line.front() == '#') continue;
    const std::string where = file + ":" + std::to_string(lines.number());
    if (!layout) {
      delimiter = line.find('\t') != std::string_view::npos ? '\t' : ',';
      header = csv_detail::cells(line, delimiter, where);
      layout = layout_of(header, where);
      continue;
    }
    const auto cells = csv_detail::cells(line, delimiter, where);
    if (cells.size() != header.size()) {
      fail(where, std::to_string(cells.size()) + " cells where the header has " + std::to_string(header.size()));
    }
    UnitScores r;
    const double year = number_in(cells[layout->year], where + ", column year");
    if (year != std::floor(year) || year < 1900 || year > 2999) fail(where + ", column year", "expected a year from 1900 to 2999");
    r.year = static_cast<int>(year);
    r.unit.code = cells[layout->unit];
    if (r.unit.code.empty()) fail(where, "the unit's code is empty");
    if (layout->name) r.unit.name = cells[*layout->name];
    r.unit.level = layout->level;
    for (const auto& [column, code] : layout->leaves) {
      if (cells[column].empty()) continue;  // missing: listed as such, never filled in
      r.values[code] = number_in(cells[column], where + ", column " + header[column]);
    }
    rows.push_back(std::move(r));
  }
  if (!layout) fail(file, "no header line");
  return rows;
}

std::vector<UnitScores> read_score_table(const std::filesystem::path& path) {
  return score_table_from_text(json_detail::read_text_file(path), path.string());
}

}  // namespace parindex
