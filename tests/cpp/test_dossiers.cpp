#include "parindex/dossiers/dossier_log.hpp"

#include <filesystem>
#include <fstream>

#include "dossier_fixtures.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

Date d(const char* iso) { return parse_iso_date(iso); }

DateTime at(const char* iso, int hour, int minute) {
  return DateTime(parse_iso_date(iso), boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

using dossier_fixtures::calendar;
using dossier_fixtures::options;

const DossierGroup& group(const DossierMetrics& m, const std::string& key) {
  for (const auto& g : m.groups) {
    if (g.key.at(0) == key) return g;
  }
  throw std::runtime_error("no group " + key);
}

}  // namespace

TEST(DueDay, Conventions) {
  CountingConvention c;
  // Received Monday 5 Feb 2024 with 3 working days: 6, 7 and, after Tết, 15 February.
  EXPECT_EQ(to_iso(due_day(calendar(), at("2024-02-05", 9, 0), 3, c)), "2024-02-15");
  // Received on a day off: counts from the next working day.
  EXPECT_EQ(to_iso(due_day(calendar(), at("2024-02-10", 9, 0), 1, c)), "2024-02-16");
  // The day of receipt counting as the first day.
  c.receipt_day_counts = true;
  EXPECT_EQ(to_iso(due_day(calendar(), at("2024-02-05", 9, 0), 3, c)), "2024-02-07");
  // A cutoff: received at 16:40 with a 16:00 cutoff counts as received the next working day.
  c = {};
  c.cutoff_minute = 16 * 60;
  EXPECT_EQ(to_iso(due_day(calendar(), at("2024-02-07", 16, 40), 1, c)), "2024-02-16");
  EXPECT_EQ(to_iso(due_day(calendar(), at("2024-02-07", 15, 0), 1, c)), "2024-02-15");
  // No statutory time: due the day it counts as received.
  EXPECT_EQ(to_iso(due_day(calendar(), at("2024-05-06", 8, 0), 0, CountingConvention{})), "2024-05-06");
}

TEST(Dossiers, SampleLogByHand) {
  auto m = read_dossiers(source_path("tests/data/dossiers/sample.csv"), calendar(), options());
  EXPECT_EQ(m.rows_read, 16u);
  EXPECT_EQ(m.rows_used, 10u);
  EXPECT_EQ(m.rows_rejected, 6u);
  EXPECT_EQ(m.rows_read, m.rows_used + m.rows_rejected);
  const auto& a = group(m, "xa-a").counts;
  EXPECT_EQ((std::vector<long long>{a.total, a.early, a.on_time, a.late, a.pending, a.pending_overdue}),
            (std::vector<long long>{3, 1, 1, 1, 0, 0}));
  EXPECT_EQ(format_fixed(*a.on_time_rate(), 2), "66.67");
  EXPECT_EQ(*a.apology_coverage(), 100.0);
  const auto& b = group(m, "xa-b").counts;
  EXPECT_EQ(b.pending_overdue, 2);  // D004 (due 3 May, after the 30/4 break) and D005 (due Saturday 4 May, worked)
  EXPECT_EQ(*b.apology_coverage(), 0.0);
  const auto& h = group(m, "huyen").counts;
  EXPECT_EQ(h.pending, 2);  // D009 is resolved after the review date, so still pending then
  EXPECT_FALSE(h.apology_coverage().has_value());  // no late dossier: no figure, rather than an invented one
  EXPECT_EQ(m.all.total, 10);
  // Every rejection names its line and reason, in file order.
  ASSERT_EQ(m.rejections.size(), 6u);
  EXPECT_EQ(m.rejections[0].line, 11u);
  EXPECT_EQ(m.rejections[0].reason, "expected 12 columns, found 11");
  EXPECT_EQ(m.rejections[3].reason, "unknown level \"ward\"; expected province, district or commune");
  EXPECT_EQ(m.rejected_by.at("resolved before received"), 1u);
  EXPECT_EQ(m.rejected_by.at("negative processing time"), 1u);
}

TEST(Dossiers, LateListAndGrouping) {
  auto o = options({GroupKey::level, GroupKey::field});
  o.keep_late = true;
  auto m = read_dossiers(source_path("tests/data/dossiers/sample.csv"), calendar(), o);
  ASSERT_EQ(m.late.size(), 3u);
  EXPECT_EQ(m.late[0].id, "D003");
  EXPECT_EQ(m.late[0].line, 4u);
  EXPECT_EQ(m.late[0].working_days_late, 2);
  EXPECT_EQ(to_iso(m.late[0].received), "2024-03-01 08:00");
  EXPECT_EQ(to_iso(*m.late[0].resolved), "2024-03-12 09:00");
  EXPECT_EQ(m.late[1].working_days_late, 6);  // D004: 3, 4 (a Saturday worked), 6, 7, 8, 9 May
  bool quoted = false;
  for (const auto& g : m.groups) quoted = quoted || (g.key == std::vector<std::string>{"commune", "land, housing"});
  EXPECT_TRUE(quoted);
}

TEST(Dossiers, StopAtTheFirstBadRow) {
  auto o = options();
  o.stop_at_first_error = true;
  EXPECT_PARINDEX_ERROR(read_dossiers(source_path("tests/data/dossiers/sample.csv"), calendar(), o), error_kind::document,
                        "sample.csv:11: expected 12 columns, found 11");
}

TEST(Dossiers, HeaderAndOptionsAreChecked) {
  EXPECT_PARINDEX_ERROR(read_dossiers_text("id,unit\n", calendar(), options()), error_kind::document,
                        "dossier log:1: the header must be exactly: dossier_id,unit_code,level");
  DossierOptions no_date;
  EXPECT_PARINDEX_ERROR(read_dossiers_text("", calendar(), no_date), error_kind::argument, "a review date");
  EXPECT_PARINDEX_ERROR(read_dossiers("/nonexistent.csv", calendar(), options()), error_kind::io, "cannot open");
}

TEST(Dossiers, PartsAgreeWithOneReader) {
  // A larger log from the sample's rows: reading in 1, 2 or 5 parts gives the same figures and
  // the same line numbers.
  std::ifstream in(source_path("tests/data/dossiers/sample.csv"));
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  auto path = std::filesystem::temp_directory_path() / "parindex_parts_test.csv";
  {
    std::ofstream out(path);
    out << header << "\n";
    for (int i = 0; i < 3000; ++i) out << rows[static_cast<std::size_t>(i) % rows.size()] << "\n";
  }
  auto o = options({GroupKey::unit, GroupKey::month});
  o.keep_late = true;
  o.threads = 1;
  auto one = read_dossiers(path, calendar(), o);
  for (int threads : {2, 5}) {
    o.threads = threads;
    auto many = read_dossiers(path, calendar(), o);
    EXPECT_EQ(many.rows_read, one.rows_read);
    EXPECT_EQ(many.rows_rejected, one.rows_rejected);
    ASSERT_EQ(many.groups.size(), one.groups.size());
    for (std::size_t i = 0; i < one.groups.size(); ++i) {
      EXPECT_EQ(many.groups[i].key, one.groups[i].key);
      EXPECT_EQ(many.groups[i].counts.total, one.groups[i].counts.total);
      EXPECT_EQ(many.groups[i].counts.late, one.groups[i].counts.late);
    }
    ASSERT_EQ(many.late.size(), one.late.size());
    EXPECT_EQ(many.late.back().line, one.late.back().line);
    EXPECT_EQ(many.rejections.back().line, one.rejections.back().line);
  }
  EXPECT_EQ(one.rows_read, 3000u);
  EXPECT_EQ(one.rows_read, one.rows_used + one.rows_rejected);
  std::filesystem::remove(path);
}
