// The ministries' PAR INDEX 2023, as the Ministry of Home Affairs published it on 17/04/2024:
// Chinhphu.vn, "PAR INDEX 2023: Chi tiết bảng xếp hạng của các bộ, cơ quan ngang bộ",
// https://xaydungchinhsach.chinhphu.vn/chi-tiet-bang-xep-hang-par-index-2023-cua-cac-bo-co-quan-ngang-bo-119240417175319406.htm
// The shipped files (data/parindex/ministries-2023*.tsv) copy its every figure; these tests
// re-derive its totals, index, ranks and groups through the library.
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "parindex/core/index_table.hpp"
#include "parindex/core/rounding.hpp"
#include "parindex/io/json.hpp"
#include "parindex/io/score_table.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

struct Printed {
  int rank = 0;
  double total = 0;
  double index = 0;
};

// The printed result columns, by unit code (the file's own header says which column is which).
std::map<std::string, Printed> printed() {
  std::istringstream in(read_source("data/parindex/ministries-2023-published.tsv"));
  std::map<std::string, Printed> out;
  bool header = true;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    if (header) {
      EXPECT_EQ(line, "unit\trank\ttotal\tindex");
      header = false;
      continue;
    }
    std::istringstream cells(line);
    std::string unit, rank, total, index;
    std::getline(cells, unit, '\t');
    std::getline(cells, rank, '\t');
    std::getline(cells, total, '\t');
    std::getline(cells, index, '\t');
    out[unit] = Printed{std::stoi(rank), std::stod(total), std::stod(index)};
  }
  return out;
}

IndexTableYear evaluated() {
  auto framework = load_framework(source_path("data/frameworks/par-index-ministries-published-876.json"));
  auto rows = read_score_table(source_path("data/parindex/ministries-2023.tsv"));
  IndexTableOptions options;
  options.grouping = ThresholdGroups::national_par_index();
  return evaluate_year(framework, 2023, rows, options);
}

}  // namespace

// 17 ministries and ministerial agencies, every one with both columns, so every one ranked.
TEST(Ministries2023, EveryRowRanked) {
  const auto y = evaluated();
  ASSERT_EQ(y.rows.size(), 17u);
  EXPECT_EQ(printed().size(), 17u);
  for (const auto& r : y.rows) {
    ASSERT_TRUE(r.total) << r.unit.code;
    EXPECT_TRUE(r.missing.empty()) << r.unit.code;
  }
}

// The table rounds each column on its own: the printed total is within 0.01 of the sum of the
// two printed columns (MOJ: 61.86 + 28.10 = 89.96, printed 89.95), never further.
TEST(Ministries2023, TotalsWithinTheTablesRounding) {
  const auto y = evaluated();
  const auto p = printed();
  int exact = 0;
  for (const auto& r : y.rows) {
    const Printed& want = p.at(r.unit.code);
    EXPECT_LE(std::fabs(*r.total - want.total), 0.01 + 1e-9) << r.unit.code;
    exact += format_fixed(*r.total, 2) == format_fixed(want.total, 2);
    // The index is the total on the 100-point scale: the two printed columns agree.
    EXPECT_EQ(format_fixed(want.index, 2), format_fixed(want.total, 2)) << r.unit.code;
  }
  EXPECT_EQ(exact, 8);  // MOF, MOC, MOT, MIC, MOET, MPI, MOH, MOIT
}

// The ranks printed, from the library's ranking of the evaluated totals: the ±0.01 of the
// rounding moves no ministry past another.
TEST(Ministries2023, RanksFromTheEvaluatedTotals) {
  const auto y = evaluated();
  const auto p = printed();
  for (const auto& r : y.rows) EXPECT_EQ(r.total_place->rank, p.at(r.unit.code).rank) << r.unit.code;
  EXPECT_EQ(y.rows.front().unit.name, "Bộ Tư pháp");
  EXPECT_EQ(y.rows.front().total_place->label(), "01/17");
  EXPECT_EQ(y.rows.back().unit.name, "Bộ Công Thương");
}

// The same ranks from the printed index itself (no two ministries tie at two decimals, so every
// rank is distinct: 1 to 17).
TEST(Ministries2023, RanksFromThePrintedIndex) {
  const auto p = printed();
  std::vector<double> index;
  std::vector<int> want;
  for (const auto& [unit, row] : p) {
    index.push_back(row.index);
    want.push_back(row.rank);
  }
  const auto ranked = rank_values(index, 2, ThresholdGroups::national_par_index());
  for (std::size_t i = 0; i < index.size(); ++i) EXPECT_EQ(ranked.rank[i], want[i]) << i;
}

// The same article: "02 nhóm điểm", 14 above 80% (MOJ … MPI) and 3 below (MOH, MOFA, MOIT);
// none reaches group A's 90%. The VGP English report of 17/04/2024
// (https://en.baochinhphu.vn/moj-quang-ninh-province-lead-public-administrative-reform-index-111240417164329841.htm)
// names the same three below 80%.
TEST(Ministries2023, Groups) {
  const auto y = evaluated();
  ASSERT_EQ(y.group_names, (std::vector<std::string>{"A", "B"}));
  std::map<int, std::vector<std::string>> members;
  for (const auto& r : y.rows) members[r.total_place->group].push_back(r.unit.code);
  EXPECT_EQ(members[0].size(), 0u);
  EXPECT_EQ(members[1].size(), 14u);
  EXPECT_EQ(members[-1], (std::vector<std::string>{"MOH", "MOFA", "MOIT"}));
}

// The table's last line: the average index of the 17 is 84.38 (also the VGP report's figure),
// whether averaged over the printed index or over the evaluated totals.
TEST(Ministries2023, Average) {
  double printed_sum = 0, evaluated_sum = 0;
  for (const auto& [unit, row] : printed()) printed_sum += row.index;
  for (const auto& r : evaluated().rows) evaluated_sum += *r.total;
  EXPECT_EQ(format_fixed(printed_sum / 17, 2), "84.38");
  EXPECT_EQ(format_fixed(evaluated_sum / 17, 2), "84.38");
}

// Every printed column stays within the maxima 876/QĐ-BNV gives: 31.50 by survey of 100.
TEST(Ministries2023, FrameworkMaxima) {
  auto framework = load_framework(source_path("data/frameworks/par-index-ministries-published-876.json"));
  double max = 0, survey = 0;
  for (const auto& c : framework.criteria()) {
    if (c.code.depth() != 1) continue;
    max += c.max_points;
    if (c.source == PointSource::survey) survey += c.max_points;
  }
  EXPECT_EQ(format_fixed(max, 2), "100.00");
  EXPECT_EQ(format_fixed(survey, 2), "31.50");
}
