// parindex papi SCORES: PAPI dimensions, totals, ranks and the four groups from a table of
// sub-dimension scores, a year at a time.
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "cli.hpp"

namespace parindex::cli {

namespace papi_frameworks {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_texts();
}

Framework papi_framework(int year) {
  for (const auto& [name, text] : papi_frameworks::embedded_texts()) {
    Framework fw = framework_from_json(text, "data/frameworks/" + std::string(name));
    if (fw.info().period.contains(year)) return fw;
  }
  throw error(error_kind::argument, "year " + std::to_string(year), "no PAPI framework is shipped for it (2018–2024 are)");
}

namespace {

std::string figure(const std::optional<double>& v, int decimals, Format format) {
  if (v) return format_fixed(*v, decimals);
  return format == Format::table || format == Format::markdown ? "—" : "";
}

std::string label(const std::optional<Placing>& p) { return p ? p->label() : ""; }

std::string group(const IndexTableYear& y, const std::optional<Placing>& p) {
  return p && p->group >= 0 ? y.group_names[static_cast<std::size_t>(p->group)] : "";
}

nlohmann::ordered_json number_or_null(const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nullptr; }

void add_rows(const IndexTableYear& y, bool with_year, bool by_dimension, Format format, Table& t) {
  for (const auto& row : y.rows) {
    std::vector<std::string> lead;
    if (with_year) lead.push_back(std::to_string(y.year));
    lead.push_back(row.unit.code);
    lead.push_back(row.unit.name);
    if (by_dimension) {
      for (std::size_t f = 0; f < y.fields.size(); ++f) {
        auto cells = lead;
        cells.push_back(y.fields[f].str());
        cells.push_back(figure(row.fields[f], y.decimals, format));
        cells.push_back(label(row.field_places[f]));
        cells.push_back(group(y, row.field_places[f]));
        t.add(std::move(cells));
      }
      continue;
    }
    for (const auto& v : row.fields) lead.push_back(figure(v, y.decimals, format));
    lead.push_back(figure(row.total, y.decimals, format));
    lead.push_back(label(row.total_place));
    lead.push_back(group(y, row.total_place));
    t.add(std::move(lead));
  }
}

Table table_for(const IndexTableYear& y, bool with_year, bool by_dimension) {
  Table t;
  if (with_year) t.headers.push_back("year");
  for (const char* h : {"unit", "name"}) t.headers.push_back(h);
  if (by_dimension) {
    for (const char* h : {"dimension", "score", "rank", "group"}) t.headers.push_back(h);
  } else {
    for (std::size_t f = 0; f < y.fields.size(); ++f) t.headers.push_back("d" + y.fields[f].str());
    for (const char* h : {"total", "rank", "group"}) t.headers.push_back(h);
  }
  for (const auto& h : t.headers) t.right_aligned.push_back(h != "unit" && h != "name" && h != "group" && h != "dimension");
  return t;
}

nlohmann::ordered_json json_rows(const IndexTableYear& y) {
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : y.rows) {
    nlohmann::ordered_json j{{"year", y.year}, {"unit", row.unit.code}, {"name", row.unit.name}};
    for (std::size_t f = 0; f < y.fields.size(); ++f) j["d" + y.fields[f].str()] = number_or_null(row.fields[f]);
    j["total"] = number_or_null(row.total);
    j["rank"] = row.total_place ? nlohmann::ordered_json(label(row.total_place)) : nullptr;
    j["group"] = row.total_place ? nlohmann::ordered_json(group(y, row.total_place)) : nullptr;
    j["on_cut_point"] = row.total_place && row.total_place->on_cut_point;
    j["missing"] = nlohmann::ordered_json::array();
    for (const auto& c : row.missing) j["missing"].push_back(c.str());
    rows.push_back(std::move(j));
  }
  return rows;
}

}  // namespace

int run_papi(const Options& o) {
  if (o.args.size() != 1) throw UsageError("papi takes one table of sub-dimension scores");
  if (!o.by.empty() && o.by != "dimension") throw UsageError("papi: --by takes only \"dimension\"");
  const bool by_dimension = o.by == "dimension";
  const auto rows = read_score_table(o.args[0]);
  std::set<int> years;
  for (const auto& r : rows) {
    if (!o.year || r.year == *o.year) years.insert(r.year);
  }
  if (years.empty()) throw error(error_kind::argument, o.args[0], o.year ? "no rows for year " + std::to_string(*o.year) : "no rows");
  IndexTableOptions options;
  options.tie_decimals = o.tie_decimals;
  std::vector<IndexTableYear> results;
  for (int year : years) {
    try {
      results.push_back(evaluate_year(papi_framework(year), year, rows, options));
    } catch (const error& e) {
      throw e.located_in(o.args[0] + ": ");
    }
  }
  if (o.format == Format::json) {
    auto all = nlohmann::ordered_json::array();
    for (const auto& y : results) {
      for (auto& r : json_rows(y)) all.push_back(std::move(r));
    }
    std::cout << all.dump(2) << "\n";
    return 0;
  }
  const bool one_table = o.format == Format::csv;  // CSV: every year in one table with a year column
  const bool with_year = one_table && results.size() > 1;
  Table all = table_for(results.front(), with_year, by_dimension);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& y = results[i];
    if (one_table) {
      add_rows(y, with_year, by_dimension, o.format, all);
      continue;
    }
    Table t = table_for(y, false, by_dimension);
    add_rows(y, false, by_dimension, o.format, t);
    std::size_t ranked = 0;
    for (const auto& r : y.rows) ranked += r.total_place.has_value();
    std::cout << (i ? "\n" : "") << (o.format == Format::markdown ? "### " : "") << "PAPI " << y.year << " · " << y.framework_id
              << " · " << ranked << " provinces ranked, " << y.rows.size() - ranked << " without a total\n\n";
    t.render(std::cout, o.format);
  }
  if (one_table) all.render(std::cout, o.format);
  return 0;
}

}  // namespace parindex::cli
