// Dossier logs at their edges (issue 12): group keys kept apart whatever bytes a value holds,
// and header, BOM, CRLF and line counting exact wherever a read buffer ends.
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "parindex/core/rounding.hpp"
#include "parindex/core/utf8.hpp"
#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/dossiers/dossier_tally.hpp"
#include "dossier_fixtures.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

using dossier_fixtures::calendar;
using dossier_fixtures::options;

std::string header() {
  std::string h;
  for (const auto& c : dossier_columns()) h += (h.empty() ? "" : ",") + c;
  return h;
}

std::filesystem::path write(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

}  // namespace

// Joined with 0x1F, ("a\x1Fb", "c") and ("a", "b\x1Fc") were one group; an empty leading value
// shifted the rest. As tuples they are three groups, each key exactly as written.
TEST(DossierKeys, ValuesHoldingTheOldSeparatorStayApart) {
  const std::string text = header() + "\n" +
                           "D1,a\x1f" "b,district,P1,c,2024-03-04,5,2024-03-05,0,0,0,0\n"
                           "D2,a,district,P1,b\x1f" "c,2024-03-04,5,2024-03-05,0,0,0,0\n"
                           "D3,b,district,P1,,2024-03-04,5,2024-03-05,0,0,0,0\n";
  const auto m = read_dossiers_text(text, calendar(), options({GroupKey::field, GroupKey::unit}));
  ASSERT_EQ(m.groups.size(), 3u);
  EXPECT_EQ(m.groups[0].key, (std::vector<std::string>{"", "b"}));
  EXPECT_EQ(m.groups[1].key, (std::vector<std::string>{"b\x1f" "c", "a"}));
  EXPECT_EQ(m.groups[2].key, (std::vector<std::string>{"c", "a\x1f" "b"}));
  for (const auto& g : m.groups) EXPECT_EQ(g.counts.total, 1);
}

// The same log, with a BOM, CRLF line ends, blank lines and bad rows, read in 1 to 3 parts with
// every buffer size from 1 to 64 bytes: the same figures and the same line numbers each time.
TEST(DossierChunks, EveryTinyBufferGivesTheSameAnswer) {
  std::string text = "\xEF\xBB\xBF" + header() + "\r\n";
  for (int i = 0; i < 12; ++i) {
    text += "D" + std::to_string(i) + ",u" + std::to_string(i % 3) + ",commune,P1,land,2024-03-0" + std::to_string(4 + i % 5) +
            " 09:00,3,2024-03-2" + std::to_string(i % 10) + ",1,0,1,0\r\n";
    if (i % 4 == 1) text += "\r\n\n";                        // blank lines, in both styles
    if (i % 5 == 2) text += "bad,row\r\n";                   // a wrong column count
    if (i % 6 == 3) text += "D,u,ward,P,f,2024-03-04,3,,0,0,0,0\n";  // an unknown level
  }
  text += "D99,u9,district,P1,land,2024-03-04,3,,0,0,0,0";  // the last row without a line end
  const auto path = write("parindex_chunks_test.csv", text);
  const auto reference = read_dossiers_text(text, calendar(), options());
  ASSERT_EQ(reference.rows_read, 12u + 2u + 2u + 1u);
  ASSERT_EQ(reference.rows_rejected, 4u);
  ASSERT_EQ(reference.rejections.front().line, 7u);  // header, 2 rows, 2 blank lines, a row, then the bad one
  for (int threads = 1; threads <= 3; ++threads) {
    for (std::size_t buffer = 1; buffer <= 64; ++buffer) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", buffer " + std::to_string(buffer));
      auto o = options();
      o.threads = threads;
      o.buffer_bytes = buffer;
      const auto m = read_dossiers(path, calendar(), o);
      ASSERT_EQ(m.rows_read, reference.rows_read);
      ASSERT_EQ(m.rows_rejected, reference.rows_rejected);
      ASSERT_EQ(m.groups.size(), reference.groups.size());
      for (std::size_t i = 0; i < m.groups.size(); ++i) {
        EXPECT_EQ(m.groups[i].key, reference.groups[i].key);
        EXPECT_EQ(m.groups[i].counts.total, reference.groups[i].counts.total);
      }
      for (std::size_t i = 0; i < m.rejections.size(); ++i) {
        EXPECT_EQ(m.rejections[i].line, reference.rejections[i].line);
        EXPECT_EQ(m.rejections[i].reason, reference.rejections[i].reason);
      }
      o.stop_at_first_error = true;
      EXPECT_PARINDEX_ERROR(read_dossiers(path, calendar(), o), error_kind::document,
                            "parindex_chunks_test.csv:7: expected 12 columns, found 2");
    }
  }
  std::filesystem::remove(path);
}

// A header-only log without a final newline has no rows (its header was counted as a
// rejected row); a first byte 0xEF that does not start a BOM is not dropped.
// Figures of parts read apart merge into the figures of the whole: every count per group, the
// rows read, used and rejected, the kinds of rejection and the late dossiers.
TEST(DossierMerge, PartsAddUpToTheWhole) {
  std::vector<std::string> rows;
  for (int i = 0; i < 40; ++i) {
    rows.push_back("D" + std::to_string(i) + ",u" + std::to_string(i % 4) + "," + (i % 7 == 0 ? "ward" : "commune") +
                   ",P1,land,2024-03-0" + std::to_string(1 + i % 9) + " 09:00," + std::to_string(i % 6) + "," +
                   (i % 5 == 0 ? "" : "2024-03-1" + std::to_string(i % 10)) + ",1,0," + std::to_string(i % 2) + ",1");
  }
  auto o = options({GroupKey::unit, GroupKey::month});
  o.keep_late = true;
  std::string whole_text = header();
  for (const auto& r : rows) whole_text += "\n" + r;
  const auto whole = read_dossiers_text(whole_text, calendar(), o);
  ASSERT_GT(whole.rows_rejected, 0u);
  ASSERT_GT(whole.late.size(), 0u);
  std::vector<DossierMetrics> parts;
  for (std::size_t start = 0; start < rows.size(); start += 13) {
    std::string text = header();
    for (std::size_t i = start; i < std::min(rows.size(), start + 13); ++i) text += "\n" + rows[i];
    parts.push_back(read_dossiers_text(text, calendar(), o));
  }
  const auto merged = merge_dossier_metrics(parts);
  EXPECT_EQ(merged.rows_read, whole.rows_read);
  EXPECT_EQ(merged.rows_used, whole.rows_used);
  EXPECT_EQ(merged.rows_rejected, whole.rows_rejected);
  EXPECT_EQ(merged.rejected_by, whole.rejected_by);
  ASSERT_EQ(merged.groups.size(), whole.groups.size());
  for (std::size_t i = 0; i < merged.groups.size(); ++i) {
    const auto &a = merged.groups[i].counts, &b = whole.groups[i].counts;
    EXPECT_EQ(merged.groups[i].key, whole.groups[i].key);
    EXPECT_EQ(std::tie(a.total, a.early, a.on_time, a.late, a.pending, a.pending_overdue, a.digitised, a.apologised),
              std::tie(b.total, b.early, b.on_time, b.late, b.pending, b.pending_overdue, b.digitised, b.apologised));
  }
  EXPECT_EQ(merged.all.total, whole.all.total);
  ASSERT_EQ(merged.late.size(), whole.late.size());
  for (std::size_t i = 0; i < merged.late.size(); ++i) EXPECT_EQ(merged.late[i].id, whole.late[i].id);
  // Parts grouped differently do not merge.
  parts.push_back(read_dossiers_text(whole_text, calendar(), options()));
  EXPECT_PARINDEX_ERROR(merge_dossier_metrics(parts), error_kind::argument, "the parts are grouped by different keys");
}

TEST(DossierChunks, HeaderOnlyAndFalseBom) {
  const auto path = write("parindex_header_only.csv", header());
  for (std::size_t buffer : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 22}) {
    auto o = options();
    o.buffer_bytes = buffer;
    const auto m = read_dossiers(path, calendar(), o);
    EXPECT_EQ(m.rows_read, 0u);
    EXPECT_EQ(m.rows_rejected, 0u);
  }
  std::filesystem::remove(path);
  EXPECT_PARINDEX_ERROR(read_dossiers_text("\xEF" + header().substr(2) + "\n", calendar(), options()), error_kind::document,
                        "dossier log:1: the header must be exactly");
}

TEST(DossierOptions, OutOfRangeOptionsAreRefused) {
  const std::string text = header() + "\n";
  auto o = options();
  o.threads = -1;
  EXPECT_PARINDEX_ERROR(read_dossiers_text(text, calendar(), o), error_kind::argument, "expected 1 to 64 parts, got -1");
  o.threads = 1000000;
  EXPECT_PARINDEX_ERROR(read_dossiers_text(text, calendar(), o), error_kind::argument, "expected 1 to 64 parts, got 1000000");
  o = options();
  o.buffer_bytes = 0;
  EXPECT_PARINDEX_ERROR(read_dossiers_text(text, calendar(), o), error_kind::argument, "expected at least 1 byte");
  o = options();
  o.convention.cutoff_minute = -60;
  EXPECT_PARINDEX_ERROR(read_dossiers_text(text, calendar(), o), error_kind::argument,
                        "cutoff_minute: expected a minute of the day from 0 to 1440, got -60");
  const DateTime received(parse_iso_date("2024-03-04"), boost::posix_time::hours(9));
  EXPECT_PARINDEX_ERROR(due_day(calendar(), received, -5, {}), error_kind::argument, "expected 0 to 3650 working days, got -5");
  CountingConvention late;
  late.cutoff_minute = -1;
  EXPECT_PARINDEX_ERROR(due_day(calendar(), received, 5, late), error_kind::argument, "got -1");
}

// Invalid UTF-8 is refused where it enters, so no JSON writer ever meets it.
TEST(DossierText, InvalidUtf8IsARejectedRow) {
  const std::string text = header() + "\nD1,x\xC3\x28,district,P1,f,2024-03-04,5,,0,0,0,0\n";
  const auto m = read_dossiers_text(text, calendar(), options());
  ASSERT_EQ(m.rows_rejected, 1u);
  EXPECT_EQ(m.rejections[0].reason, "byte 5 of the line is not valid UTF-8");
  EXPECT_EQ(invalid_utf8_at("Bắc Sơn"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_at("\xED\xA0\x80"), 0u);      // a surrogate
  EXPECT_EQ(invalid_utf8_at("ab\xF4\x90\x80\x80"), 2u);  // above U+10FFFF
  EXPECT_EQ(invalid_utf8_at("ab\xE2\x82"), 2u);         // cut short
}

TEST(FormatFixed, DecimalsOutOfRangeAndHugeNumbers) {
  EXPECT_PARINDEX_ERROR(format_fixed(1.0, -5), error_kind::argument, "decimals must be a whole number from 0 to 17, got -5");
  EXPECT_PARINDEX_ERROR(format_fixed(1.0, 18), error_kind::argument, "got 18");
  const std::string huge = format_fixed(1e308, 2);
  EXPECT_EQ(huge.size(), 312u);  // 309 digits, the point and two decimals, not cut at 63
  EXPECT_EQ(huge.substr(huge.size() - 3), ".00");
  EXPECT_EQ(format_fixed(84.585, 2), "84.59");
}

// The due day in one lookup (add_working_days_rolled) against the composition it replaced:
// roll forward, the next working day after the cutoff, then N (or N - 1) working days. Every
// day of three years with worked weekends and Tết, statutory times 0 to 30, both conventions,
// received before and after a 17:00 cutoff; and the refusal past the calendar's end.
TEST(DossierDueDay, OneLookupEqualsTheComposition) {
  const WorkCalendar& cal = calendar();
  auto composed = [&](const Date& received, int minute, int n, const CountingConvention& c) {
    Date start = cal.roll_forward(received);
    if (start == received && c.cutoff_minute && minute >= *c.cutoff_minute) start = cal.next_working_day(received);
    return n == 0 ? start : cal.add_working_days(start, c.receipt_day_counts ? n - 1 : n);
  };
  std::size_t compared = 0;
  for (Date d(2023, 1, 1); d <= Date(2025, 10, 31); d += boost::gregorian::days(1)) {
    for (bool counts : {false, true}) {
      for (std::optional<int> cutoff : {std::optional<int>{}, std::optional<int>{17 * 60}}) {
        CountingConvention c{counts, cutoff};
        for (int minute : {8 * 60, 17 * 60, 23 * 60 + 59}) {
          for (int n = 0; n <= 30; ++n) {
            ASSERT_EQ(due_day(cal, d, minute, n, c), composed(d, minute, n, c)) << to_iso(d) << " n=" << n;
            ++compared;
          }
        }
      }
    }
  }
  EXPECT_EQ(compared, 1035u * 2 * 2 * 3 * 31);  // days × conventions × cutoffs × minutes × times
  EXPECT_THROW(due_day(cal, Date(2025, 12, 30), 0, 10, CountingConvention{}), error);
  EXPECT_THROW(cal.add_working_days_rolled(Date(2023, 1, 2), -1), error);
}
