// parindex compare: every unit's move between two years of an index table, or the change of
// each criterion between two assessments.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

std::string figure(const std::optional<double>& v, int decimals) { return v ? format_fixed(v.value(), decimals) : ""; }

std::string signed_figure(const std::optional<double>& v, int decimals) {
  if (!v) return "";
  std::string s = format_fixed(*v, decimals);
  return (*v > 0 && s.find_first_not_of("0.") != std::string::npos ? "+" : "") + s;
}

int compare_years(const Options& o) {
  if (o.args.size() != 1 || !o.from_year || !o.to_year) throw UsageError("compare SCORES takes --from YEAR and --to YEAR");
  const auto rows = read_score_table(o.args[0]);
  std::optional<UnitRegistry> registry;
  if (!o.units_file.empty()) registry = load_units(o.units_file);
  MovementOptions options{registry ? &*registry : nullptr, o.across_mergers};
  MovementTable t;
  try {
    const auto before = evaluate_year(papi_framework(*o.from_year), *o.from_year, rows);
    const auto after = evaluate_year(papi_framework(*o.to_year), *o.to_year, rows);
    t = compare(before, after, options);
  } catch (const error& e) {
    throw e.located_in(o.args[0] + ": ");
  }
  const std::string b = std::to_string(t.before_year), a = std::to_string(t.after_year);
  Table out{{"unit", "name", "total_" + b, "total_" + a, "change", "rank_" + b, "rank_" + a, "rank_change", "group_" + b,
             "group_" + a, "note"},
            {false, false, true, true, true, true, true, true, false, false, false}, {}};
  for (const auto& m : t.units) {
    std::optional<double> change;
    if (m.total_before && m.total_after) change = *m.total_after - *m.total_before;
    auto rc = m.rank_change();
    out.add({m.unit.code, m.unit.name, figure(m.total_before, 4), figure(m.total_after, 4), signed_figure(change, 4),
             m.place_before ? m.place_before->label() : "", m.place_after ? m.place_after->label() : "",
             rc ? (*rc > 0 ? "+" : "") + std::to_string(*rc) : "", m.group_before, m.group_after, m.note});
  }
  if (o.format == Format::json) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& row : out.rows) {
      nlohmann::ordered_json r;
      for (std::size_t i = 0; i < out.headers.size(); ++i) r[out.headers[i]] = row[i];
      j.push_back(std::move(r));
    }
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  if (o.format != Format::csv) std::cout << (o.format == Format::markdown ? "### " : "") << "PAPI " << b << " → " << a << "\n\n";
  out.render(std::cout, o.format);
  return 0;
}

CodeMapping read_mapping(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw error(error_kind::io, path, "is a directory, not a mapping file");
  std::ifstream in(path);
  if (!in) throw error(error_kind::io, path, "cannot open the file for reading");
  CodeMapping m;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (n == 1 || line.empty()) continue;  // header: before,after
    auto comma = line.find(',');
    auto before = CriterionCode::parse(line.substr(0, comma == std::string::npos ? 0 : comma));
    auto after = comma == std::string::npos ? std::nullopt : CriterionCode::parse(line.substr(comma + 1));
    if (!before || !after) throw error(error_kind::document, path + ":" + std::to_string(n), "expected two criterion codes: before,after");
    m[*before] = *after;
  }
  return m;
}

int compare_scorecards(const Options& o) {
  if (o.args.size() != 3 && o.args.size() != 4) {
    throw UsageError("compare takes FRAMEWORK BEFORE AFTER [FRAMEWORK_AFTER], or SCORES --from Y1 --to Y2");
  }
  const Framework before_fw = load_framework(o.args[0]);
  const Framework after_fw = o.args.size() == 4 ? load_framework(o.args[3]) : before_fw;
  const Scorecard before = evaluate(before_fw, load_assessment(o.args[1]));
  const Scorecard after = evaluate(after_fw, load_assessment(o.args[2]));
  const auto c = compare(before, after, o.mapping_file.empty() ? CodeMapping{} : read_mapping(o.mapping_file));
  const int d = before.rounding.decimals;
  Table out{{"code", "criterion", "max_before", "max_after", "before", "after", "change"}, {false, false, true, true, true, true, true}, {}};
  for (const auto& n : c.nodes) {
    const std::string code = n.code_before == n.code_after ? n.code_after.str() : n.code_before.str() + " → " + n.code_after.str();
    out.add({code, n.title, figure(n.max_before, d), figure(n.max_after, d), figure(n.achieved_before, d),
             figure(n.achieved_after, d), signed_figure(n.change(), d)});
  }
  if (o.format != Format::csv) {
    std::cout << before.unit.name << " " << before.year << " → " << after.unit.name << " " << after.year << ": "
              << format_fixed(c.total_before, d) << " → " << format_fixed(c.total_after, d) << " ("
              << format_fixed(c.index_before, d) << "% → " << format_fixed(c.index_after, d) << "%)\n\n";
  }
  out.render(std::cout, o.format == Format::json ? Format::csv : o.format);
  for (const auto& code : c.only_before) std::cout << "only before: " << code.str() << "\n";
  for (const auto& code : c.only_after) std::cout << "only after: " << code.str() << "\n";
  return 0;
}

}  // namespace

int run_compare(const Options& o) { return o.from_year || o.to_year ? compare_years(o) : compare_scorecards(o); }

}  // namespace parindex::cli
