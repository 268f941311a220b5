// parindex gaps: criteria and fields below their max, most points lost first.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

std::string fixed(double v, int decimals) { return format_fixed(v, decimals); }

void print_gaps(const std::vector<GapTable>& tables, const Options& o) {
  if (o.format == Format::json) {
    std::vector<std::string> docs;
    for (const auto& g : tables) docs.push_back(to_json(g));
    print_json_list(docs);
    return;
  }
  if (o.format == Format::csv) {
    Table t{{"unit", "code", "field", "title", "max", "achieved", "lost", "lead_agency", "cause"}, {}, {}};
    for (const auto& g : tables) {
      for (const auto& x : g.gaps) {
        t.add({g.unit.code, x.code.str(), x.field.str(), x.title, fixed(x.max_points, g.decimals),
               fixed(x.achieved, g.decimals), fixed(x.lost, g.decimals), x.lead_agency, x.cause});
      }
    }
    t.render(std::cout, o.format);
    return;
  }
  bool first = true;
  for (const auto& g : tables) {
    int d = g.decimals;
    if (!first) std::cout << "\n";
    first = false;
    const std::string h = o.format == Format::markdown ? "### " : "";
    std::cout << h << unit_heading(g.unit, g.framework_id, g.year) << ": " << fixed(g.total_lost, d)
              << say(o.lang, {" điểm chưa đạt", " points lost"}) << "\n\n";
    Table fields{say(o.lang, {{"Lĩnh vực", "Field"}, {"Tên lĩnh vực", "Title"}, {"Điểm tối đa", "Max"},
                              {"Điểm đạt", "Achieved"}, {"Điểm chưa đạt", "Lost"},
                              {"Số tiêu chí chưa đạt tối đa", "Criteria below max"}}),
                 {false, false, true, true, true, true}, {}};
    for (const auto& f : g.fields) {
      fields.add({f.field.str(), f.title, fixed(f.max_points, d), fixed(f.achieved, d), fixed(f.lost, d),
                  std::to_string(f.criteria_below_max)});
    }
    fields.render(std::cout, o.format);
    std::cout << "\n";
    Table t{say(o.lang, {{"Mã", "Code"}, {"Tiêu chí", "Criterion"}, {"Điểm tối đa", "Max"}, {"Điểm đạt", "Achieved"},
                         {"Điểm chưa đạt", "Lost"}, {"Cơ quan chủ trì", "Lead agency"}, {"Nguyên nhân", "Cause"}}),
            {false, false, true, true, true, false, false}, {}};
    for (const auto& x : g.gaps) {
      t.add({x.code.str(), x.title, fixed(x.max_points, d), fixed(x.achieved, d), fixed(x.lost, d), x.lead_agency, x.cause});
    }
    t.render(std::cout, o.format);
  }
}

}  // namespace

int run_gaps(const Options& o) {
  std::vector<GapTable> tables;
  for (const auto& c : score_arguments(o).cards) tables.push_back(gaps(c));
  print_gaps(tables, o);
  return 0;
}

}  // namespace parindex::cli
