// parindex rank: units ranked by index %, ties sharing a rank, optionally grouped.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

std::string fixed(double v, int decimals) { return format_fixed(v, decimals); }

void print_ranking(const Ranking& r, const Options& o) {
  if (o.format == Format::json) {
    std::cout << to_json(r);
    return;
  }
  if (o.format == Format::csv) {  // the columns of Python's Ranking.to_frame()
    Table t{{"rank", "of", "label", "unit", "name", "max", "total", "index_percent", "group"}, {}, {}};
    for (const auto& u : r.units) {
      t.add({std::to_string(u.rank), std::to_string(u.of), u.rank_label(), u.unit.code, u.unit.name, fixed(u.max_points, 2),
             fixed(u.total, 2), fixed(u.index_percent, 2), u.group});
    }
    t.render(std::cout, o.format);
    return;
  }
  bool grouped = !std::holds_alternative<std::monostate>(o.grouping);
  Table t{say(o.lang, {{"Xếp hạng", "Rank"}, {"Mã đơn vị", "Unit"}, {"Đơn vị", "Name"}, {"Điểm tối đa", "Max"},
                       {"Tổng điểm", "Total"}, {"Chỉ số %", "Index %"}}),
          {true, false, false, true, true, true}, {}};
  if (grouped) t.headers.push_back(say(o.lang, {"Nhóm", "Group"}));
  for (const auto& u : r.units) {
    std::vector<std::string> row{u.rank_label(), u.unit.code, u.unit.name, fixed(u.max_points, 2), fixed(u.total, 2),
                                 fixed(u.index_percent, 2)};
    if (grouped) row.push_back(u.group);
    t.add(std::move(row));
  }
  if (o.format != Format::csv) {
    std::cout << (o.format == Format::markdown ? "### " : "") << r.framework_id << " · " << r.year << "\n\n";
  }
  t.render(std::cout, o.format);
}

}  // namespace

int run_rank(const Options& o) {
  print_ranking(rank(score_arguments(o).cards, RankOptions{o.tie_decimals, o.grouping}), o);
  return 0;
}

}  // namespace parindex::cli
