// PAPI 2018–2024 from the shipped sub-dimension table, against figures PAPI and the press
// printed. Each test cites where; docs/research/papi-sipas.md §4 lists them all.
#include <algorithm>
#include <cmath>

#include "parindex/core/comparison.hpp"
#include "parindex/core/index_table.hpp"
#include "parindex/io/json.hpp"
#include "parindex/io/score_table.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

const std::vector<UnitScores>& table() {
  static const auto rows = read_score_table(source_path("data/papi/papi-subdimensions-2018-2024.tsv"));
  return rows;
}

IndexTableYear papi(int year) {
  const char* file = year == 2018 ? "papi-2018" : year <= 2020 ? "papi-2019" : "papi-2021";
  return evaluate_year(load_framework(source_path(std::string("data/frameworks/") + file + ".json")), year, table());
}

const IndexTableRow& row(const IndexTableYear& y, const std::string& name) {
  auto it = std::find_if(y.rows.begin(), y.rows.end(), [&](const IndexTableRow& r) { return r.unit.name == name; });
  if (it == y.rows.end()) throw std::runtime_error("no row for " + name);
  return *it;
}

std::string shown(const std::optional<double>& v, int decimals) { return v ? format_fixed(*v, decimals) : "missing"; }

std::string dimension(const IndexTableRow& r, int d, int decimals) { return shown(r.fields[static_cast<std::size_t>(d - 1)], decimals); }

std::vector<int> group_sizes(const IndexTableYear& y) {
  std::vector<int> sizes(4, 0);
  for (const auto& r : y.rows) {
    if (r.total_place) ++sizes[static_cast<std::size_t>(r.total_place->group)];
  }
  return sizes;
}

}  // namespace

TEST(Papi, TableReadsEveryRow) {
  EXPECT_EQ(table().size(), 441u);  // 63 provinces × 7 years
  std::size_t years = 0;
  for (int y = 2018; y <= 2024; ++y) years += papi(y).rows.size() == 63;
  EXPECT_EQ(years, 7u);
}

// VGP, 14/04/2021, http://news.gov.vn/print/quang-ninh-leads-in-papi-2020-rankings-11140879.htm:
// Quảng Ninh 48.811, first; D2 6.499, D4 8.286, D6 7.713, each first; Đồng Tháp 46.961 (2nd),
// D7 5.202; Thái Nguyên 46.471 (3rd), D1 6.216.
TEST(Papi, Year2020Leaders) {
  const auto y = papi(2020);
  const auto& qn = row(y, "Quang Ninh");
  EXPECT_EQ(shown(qn.total, 3), "48.811");
  EXPECT_EQ(qn.total_place->label(), "01/63");
  EXPECT_EQ(dimension(qn, 2, 3), "6.499");
  EXPECT_EQ(dimension(qn, 4, 3), "8.286");
  EXPECT_EQ(dimension(qn, 6, 3), "7.713");
  for (int d : {2, 4, 6}) EXPECT_EQ(qn.field_places[static_cast<std::size_t>(d - 1)]->rank, 1) << d;
  const auto& dt = row(y, "Dong Thap");
  EXPECT_EQ(shown(dt.total, 3), "46.961");
  EXPECT_EQ(dt.total_place->rank, 2);
  EXPECT_EQ(dimension(dt, 7, 3), "5.202");
  const auto& tn = row(y, "Thai Nguyen");
  EXPECT_EQ(shown(tn.total, 3), "46.471");
  EXPECT_EQ(tn.total_place->rank, 3);
  EXPECT_EQ(dimension(tn, 1, 3), "6.216");
}

// Hà Nội 2020: 41.629, rank 48 of 63; D5 7.169, D6 6.870, D4 6.598, D2 5.244, D1 5.059,
// D3 4.812, D7 2.959, D8 2.918 (https://hanoicapital.chinhphu.vn/ha-noi-moves-up-five-places-in-papi).
TEST(Papi, Year2020HaNoi) {
  const auto y = papi(2020);  // kept: row() returns a reference into it
  const auto& hn = row(y, "Hanoi");
  EXPECT_EQ(shown(hn.total, 3), "41.629");
  EXPECT_EQ(hn.total_place->label(), "48/63");
  const char* printed[] = {"5.059", "5.244", "4.812", "6.598", "7.169", "6.870", "2.959", "2.918"};
  for (int d = 1; d <= 8; ++d) EXPECT_EQ(dimension(hn, d, 3), printed[d - 1]) << "D" << d;
}

// Báo Thừa Thiên Huế on PAPI 2019: Bến Tre 46.74 (1), Đồng Tháp 46.72 (2), Quảng Ninh 46.66 (3),
// Bắc Giang 46.04 (4), Thừa Thiên Huế 45.86 (5); Huế's D1–D8 5.24, 5.29, 5.46, 6.72, 7.20, 7.52,
// 4.11, 4.31 (http://news.baothuathienhue.vn/hue-ranks-in-the-top-group-of-the-viet-nam-provincial-
// governance-and-public-administration-performance-index-papi-2019-a86077.html).
TEST(Papi, Year2019TopFive) {
  const auto y = papi(2019);
  const std::pair<const char*, const char*> top[] = {
      {"Ben Tre", "46.74"}, {"Dong Thap", "46.72"}, {"Quang Ninh", "46.66"}, {"Bac Giang", "46.04"}, {"Thua Thien Hue", "45.86"}};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(y.rows[static_cast<std::size_t>(i)].unit.name, top[i].first);
    EXPECT_EQ(shown(y.rows[static_cast<std::size_t>(i)].total, 2), top[i].second);
    EXPECT_EQ(y.rows[static_cast<std::size_t>(i)].total_place->rank, i + 1);
  }
  const char* hue[] = {"5.24", "5.29", "5.46", "6.72", "7.20", "7.52", "4.11", "4.31"};
  for (int d = 1; d <= 8; ++d) EXPECT_EQ(dimension(row(y, "Thua Thien Hue"), d, 2), hue[d - 1]) << "D" << d;
}

// Group sizes: 16/16/15/16 in 2019 (ddcilaocai.vn, citing CECODES/UNDP/VFF-CRT) and 2020
// (vietnamnews.vn, 15/04/2021); 2021 ranked 60 provinces, 15 a group. PAPI's rule: highest from
// the 75th percentile up, high-average 50th–75th, low-average 25th–50th, lowest below the 25th
// (PAPI data page legend, http://origin.papi.org.vn/du-lieu?y=2014).
TEST(Papi, GroupsByPercentiles) {
  EXPECT_EQ(group_sizes(papi(2019)), (std::vector<int>{16, 16, 15, 16}));
  EXPECT_EQ(group_sizes(papi(2020)), (std::vector<int>{16, 16, 15, 16}));
  EXPECT_EQ(group_sizes(papi(2021)), (std::vector<int>{15, 15, 15, 15}));
  // 2021: Hải Dương 25th and high-average (haiduongnews.com); HCMC 46th, lowest (sggpnews.org.vn).
  const auto y2021 = papi(2021);
  EXPECT_EQ(row(y2021, "Hai Duong").total_place->label(), "25/60");
  EXPECT_EQ(y2021.group_names[static_cast<std::size_t>(row(y2021, "Hai Duong").total_place->group)], "high-average");
  const auto& hcm = row(y2021, "Ho Chi Minh City");
  EXPECT_EQ(hcm.total_place->rank, 46);
  EXPECT_EQ(y2021.group_names[static_cast<std::size_t>(hcm.total_place->group)], "lowest");
  EXPECT_EQ(shown(hcm.total, 2), "40.68");
}

// PAPI 2023 (chatluongvacuocsong.vn; vietnam-briefing.com): Thừa Thiên Huế 46.0415, first;
// Thái Nguyên 45.78 (2), Bắc Ninh 45.7 (3); Hà Nội 43.9603; HCMC 41.7754. The report prints
// Quảng Ninh without data (PAPI 2023 report, Table 3.6), and Bình Dương has none either.
TEST(Papi, Year2023AndProvincesWithoutData) {
  const auto y = papi(2023);
  EXPECT_EQ(y.rows[0].unit.name, "Thua Thien Hue");
  EXPECT_EQ(shown(y.rows[0].total, 4), "46.0415");
  EXPECT_EQ(y.rows[0].total_place->label(), "01/61");
  EXPECT_EQ(shown(row(y, "Thai Nguyen").total, 2), "45.79");
  EXPECT_EQ(row(y, "Thai Nguyen").total_place->rank, 2);
  EXPECT_EQ(shown(row(y, "Bac Ninh").total, 1), "45.7");
  EXPECT_EQ(row(y, "Bac Ninh").total_place->rank, 3);
  EXPECT_EQ(shown(row(y, "Hanoi").total, 4), "43.9603");
  EXPECT_EQ(shown(row(y, "Ho Chi Minh City").total, 4), "41.7754");
  for (const char* name : {"Quang Ninh", "Binh Duong"}) {
    const auto& r = row(y, name);
    EXPECT_FALSE(r.total) << name;
    EXPECT_FALSE(r.total_place) << name;
    EXPECT_EQ(r.missing.size(), 28u) << name;  // every sub-dimension, listed and never filled in
  }
  EXPECT_FALSE(y.rows.back().total);  // provinces without a total come last
}

// Quảng Ninh 2022: 47.8763, first, and first in D2 6.37, D3 4.58, D5 7.65, D8 3.70, every
// dimension in the highest group (en.doanhnghiephoinhap.vn; investinquangninh.vn). The article
// cuts the dimensions to two decimals rather than rounding them: 7.6551 is printed 7.65 and
// 3.7099 is printed 3.70, so the test cuts them as it did.
TEST(Papi, Year2022QuangNinh) {
  const auto y = papi(2022);
  const auto& qn = row(y, "Quang Ninh");
  EXPECT_EQ(shown(qn.total, 4), "47.8763");
  EXPECT_EQ(qn.total_place->rank, 1);
  const std::pair<int, const char*> firsts[] = {{2, "6.37"}, {3, "4.58"}, {5, "7.65"}, {8, "3.70"}};
  for (auto [d, v] : firsts) {
    const double score = *qn.fields[static_cast<std::size_t>(d - 1)];
    EXPECT_EQ(format_fixed(std::floor(score * 100) / 100, 2), v) << "D" << d;
    EXPECT_EQ(qn.field_places[static_cast<std::size_t>(d - 1)]->rank, 1);
  }
  for (const auto& p : qn.field_places) EXPECT_EQ(p->group, 0);
  // Bắc Giang and Bắc Ninh lack some dimensions in 2022: no total, but ranked on the others.
  const auto& bn = row(y, "Bac Ninh");
  EXPECT_FALSE(bn.total);
  EXPECT_FALSE(bn.fields[1]);      // D2 missing
  EXPECT_TRUE(bn.field_places[0]);  // D1 present and ranked
}

// Quảng Ninh 2024: 47.82, first; D6 8.42, the highest; 7 of 8 dimensions in the highest group
// (vietnamlawmagazine.vn; vietnam.vn). Tây Ninh second, Bình Thuận third.
TEST(Papi, Year2024) {
  const auto y = papi(2024);
  const auto& qn = row(y, "Quang Ninh");
  EXPECT_EQ(shown(qn.total, 2), "47.82");
  EXPECT_EQ(qn.total_place->label(), "01/61");
  EXPECT_EQ(dimension(qn, 6, 2), "8.42");
  EXPECT_EQ(qn.field_places[5]->rank, 1);
  EXPECT_EQ(std::count_if(qn.field_places.begin(), qn.field_places.end(), [](const auto& p) { return p->group == 0; }), 7);
  EXPECT_EQ(y.rows[1].unit.name, "Tay Ninh");
  EXPECT_EQ(y.rows[2].unit.name, "Binh Thuan");
}

// 2018: dimension 8 has two sub-dimensions; Thừa Thiên Huế 43.2, 43rd (gilimexip.com), which is
// its rank among the 61 provinces with every dimension (Quảng Ninh and Đồng Tháp lack D2 and D4).
TEST(Papi, Year2018) {
  const auto y = papi(2018);
  EXPECT_EQ(shown(row(y, "Thua Thien Hue").total, 1), "43.2");
  EXPECT_EQ(row(y, "Thua Thien Hue").total_place->label(), "43/61");
  EXPECT_FALSE(row(y, "Quang Ninh").total);
  EXPECT_FALSE(row(y, "Dong Thap").total);
}

TEST(Papi, BadTablesNameLineAndColumn) {
  EXPECT_PARINDEX_ERROR(score_table_from_text("year\tprovince_code\tSC11\n2020\tP01\tabc\n", "t.tsv"), error_kind::document,
                        "t.tsv:2, column SC11: \"abc\" is not a finite number");
  EXPECT_PARINDEX_ERROR(score_table_from_text("year,unit,colour\n", "t.csv"), error_kind::document,
                        "t.csv:1, column 3: \"colour\" is neither");
  EXPECT_PARINDEX_ERROR(score_table_from_text("year,unit,1.1\n2020,a\n", "t.csv"), error_kind::document,
                        "t.csv:2: 2 cells where the header has 3");
  EXPECT_PARINDEX_ERROR(score_table_from_text("unit,1.1\n", "t.csv"), error_kind::document, "needs a year column");
  const auto fw = load_framework(source_path("data/frameworks/papi-2021.json"));
  EXPECT_PARINDEX_ERROR(evaluate_year(fw, 2021, score_table_from_text("year,unit,1.1\n2021,a,9\n")), error_kind::validation,
                        "assessment of a, criterion 1.1: a manual score must lie in [0, 2.50], got 9");
  EXPECT_PARINDEX_ERROR(evaluate_year(fw, 2021, score_table_from_text("year,unit,9.9\n2021,a,1\n")), error_kind::validation,
                        "unit a 2021, criterion 9.9: not in framework papi-2021");
}

// PAPI 2023 → 2024: Hà Giang fell from 11th to 30th, "down 19" (en.baohagiang.vn, 05/2025).
TEST(Papi, MovementsBetweenYears) {
  const auto t = compare(papi(2023), papi(2024));
  auto it = std::find_if(t.units.begin(), t.units.end(), [](const Movement& m) { return m.unit.name == "Ha Giang"; });
  ASSERT_NE(it, t.units.end());
  EXPECT_EQ(it->place_before->rank, 11);
  EXPECT_EQ(it->place_after->rank, 30);
  EXPECT_EQ(*it->rank_change(), -19);
  EXPECT_EQ(t.units.front().unit.name, "Quang Ninh");  // first in 2024, without data in 2023
  EXPECT_FALSE(t.units.front().total_before);
}

// The 63 provinces until 30/06/2025 and the 34 from 01/07/2025 (Nghị quyết 202/2025/QH15).
TEST(Units, RegistryAcrossTheReorganisation) {
  const auto registry = load_units(source_path("data/units/vn-provinces.json"));
  auto count_on = [&](const std::string& date) {
    return std::count_if(registry.units().begin(), registry.units().end(), [&](const auto& u) { return u.valid_on(date); });
  };
  EXPECT_EQ(count_on("2025-06-30"), 63);
  EXPECT_EQ(count_on("2025-07-01"), 34);
  const auto* ha_giang = registry.find("Ha Giang", "2024-12-31");
  ASSERT_TRUE(ha_giang);
  EXPECT_EQ(ha_giang->code, "02");
  const auto* next = registry.successor(*ha_giang, "2025-12-31");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->code, "08");  // Tuyên Quang, formed from Hà Giang and Tuyên Quang
  // Every province of the PAPI table is known by its English name.
  for (const auto& row : table()) EXPECT_TRUE(registry.find(row.unit.name, "2024-12-31")) << row.unit.name;
}

TEST(Units, ComparisonAcrossAMergerIsRefusedWithoutTheMapping) {
  const auto registry = load_units(source_path("data/units/vn-provinces.json"));
  FrameworkInfo info;
  info.id = "two-years";
  info.name = "A two-year index";
  info.period = {2024, 2025};
  info.legal_source = "invented for a test";
  info.rounding = {RoundingPolicy::Mode::exact, 2};
  const Framework fw(info, {make_criterion("1", 10), make_criterion("1.1", 10, rules::Manual{})});
  auto row = [](int year, const char* code, const char* name, double v) {
    UnitScores s;
    s.year = year;
    s.unit = {code, name, "province"};
    s.values[CriterionCode("1.1")] = v;
    return s;
  };
  const std::vector<UnitScores> rows{row(2024, "02", "Ha Giang", 5), row(2024, "08", "Tuyen Quang", 6),
                                     row(2025, "08", "Tuyen Quang", 7)};
  const auto before = evaluate_year(fw, 2024, rows), after = evaluate_year(fw, 2025, rows);
  MovementOptions o{&registry, false};
  EXPECT_PARINDEX_ERROR(compare(before, after, o), error_kind::argument,
                        "Tỉnh Hà Giang (02) ceased on 2025-06-30, merged into Tỉnh Tuyên Quang (08)");
  EXPECT_PARINDEX_ERROR(compare(before, after, o), error_kind::argument, "2 unit(s) changed between the years");
  o.across_mergers = true;
  const auto t = compare(before, after, o);
  auto hg = std::find_if(t.units.begin(), t.units.end(), [](const Movement& m) { return m.unit.code == "02"; });
  ASSERT_NE(hg, t.units.end());
  EXPECT_EQ(hg->note, "merged into 08");
  EXPECT_EQ(*hg->total_after, 7);
}

// Sa Đéc's plan aims to put Đồng Tháp's PAPI in the high-average group (seed 004).
TEST(Papi, TargetsOnGroupsAndRanks) {
  const auto y2023 = papi(2023);
  const auto dt = std::find_if(y2023.rows.begin(), y2023.rows.end(), [](const auto& r) { return r.unit.name == "Dong Thap"; });
  const auto c = check(y2023, dt->unit.code, RankTarget{std::nullopt, "high-average"});
  EXPECT_FALSE(c.met);  // 41.3226, low-average in 2023
  EXPECT_NEAR(*c.points_short, y2023.total_cut_points[1] - *dt->total, 1e-12);
  EXPECT_GT(c.units_to_pass, 0);
  EXPECT_NE(c.explanation.find("points below the high-average boundary"), std::string::npos);
  const auto y2024 = papi(2024);
  const auto dt24 = std::find_if(y2024.rows.begin(), y2024.rows.end(), [](const auto& r) { return r.unit.name == "Dong Thap"; });
  EXPECT_TRUE(check(y2024, dt24->unit.code, RankTarget{std::nullopt, "high-average"}).met);  // 26th, high-average
  const auto top10 = check(y2024, dt24->unit.code, RankTarget{10, std::nullopt});
  EXPECT_FALSE(top10.met);
  EXPECT_EQ(top10.units_to_pass, 16);  // ranks 10 to 25
}
