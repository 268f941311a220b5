// Dossier logs as text and as files read in parts with tiny buffers: read = used + rejected,
// groups add up to the whole and are in key order, and a file read in 1 to 4 parts with a
// 1- to 64-byte buffer gives exactly what the text reader gives (rows, groups, line numbers
// of rejected rows and of the first error). The input is run as it is (header checks) and
// after the required header (the rows).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <unistd.h>

#include "fuzz_support.hpp"
#include "parindex/dossiers/dossier_log.hpp"

namespace {

using namespace parindex;

bool same(const DossierCounts& a, const DossierCounts& b) {
  return a.total == b.total && a.early == b.early && a.on_time == b.on_time && a.late == b.late && a.pending == b.pending &&
         a.pending_overdue == b.pending_overdue && a.fully_online == b.fully_online && a.paid_online == b.paid_online &&
         a.digitised == b.digitised && a.apologised == b.apologised;
}

bool same(const DossierMetrics& a, const DossierMetrics& b) {
  if (a.rows_read != b.rows_read || a.rows_used != b.rows_used || a.rows_rejected != b.rows_rejected) return false;
  if (a.groups.size() != b.groups.size() || !same(a.all, b.all) || a.rejected_by != b.rejected_by) return false;
  for (std::size_t i = 0; i < a.groups.size(); ++i) {
    if (a.groups[i].key != b.groups[i].key || !same(a.groups[i].counts, b.groups[i].counts)) return false;
  }
  if (a.rejections.size() != b.rejections.size() || a.late.size() != b.late.size()) return false;
  for (std::size_t i = 0; i < a.rejections.size(); ++i) {
    if (a.rejections[i].line != b.rejections[i].line || a.rejections[i].reason != b.rejections[i].reason) return false;
  }
  for (std::size_t i = 0; i < a.late.size(); ++i) {
    const auto &x = a.late[i], &y = b.late[i];
    if (x.id != y.id || x.line != y.line || x.due != y.due || x.status != y.status || x.working_days_late != y.working_days_late) {
      return false;
    }
  }
  return true;
}

void check_invariants(const DossierMetrics& m, const DossierOptions& options) {
  FUZZ_CHECK(m.rows_read == m.rows_used + m.rows_rejected);
  FUZZ_CHECK(static_cast<std::size_t>(m.all.total) == m.rows_used);
  std::size_t kinds = 0;
  for (const auto& [kind, n] : m.rejected_by) kinds += n;
  FUZZ_CHECK(kinds == m.rows_rejected);
  FUZZ_CHECK(m.rejections.size() == std::min<std::size_t>(m.rows_rejected, 1000));
  long long total = 0;
  for (std::size_t i = 0; i < m.groups.size(); ++i) {
    FUZZ_CHECK(m.groups[i].key.size() == options.group_by.size());
    FUZZ_CHECK(m.groups[i].counts.total > 0);
    if (i > 0) FUZZ_CHECK(m.groups[i - 1].key < m.groups[i].key);
    total += m.groups[i].counts.total;
  }
  FUZZ_CHECK(total == m.all.total);
  for (std::size_t i = 1; i < m.rejections.size(); ++i) FUZZ_CHECK(m.rejections[i - 1].line < m.rejections[i].line);
  for (auto metric : all_dossier_metrics) {
    if (auto v = m.all.metric(metric)) FUZZ_CHECK(*v >= 0 && *v <= 100);
  }
}

// The error message of a read, or empty when it succeeds (then `out` holds the figures).
template <class Read>
std::string attempt(Read&& read, std::optional<DossierMetrics>& out) {
  try {
    out = read();
    return {};
  } catch (const parindex::error& e) {
    return e.what();
  }
}

void run(std::string_view csv, std::size_t seed) {
  static const WorkCalendar calendar = vietnam_calendar(2013, 2199);
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("parindex-fuzz-dossiers-" + std::to_string(::getpid()) + ".csv");
  static const std::vector<std::vector<GroupKey>> groupings{
      {GroupKey::unit}, {GroupKey::unit, GroupKey::level}, {GroupKey::field, GroupKey::unit}, {GroupKey::level, GroupKey::month},
      {GroupKey::procedure, GroupKey::quarter, GroupKey::year}};
  DossierOptions options;
  options.as_of = boost::gregorian::date(2024, 12, 31);
  options.group_by = groupings[seed % groupings.size()];
  options.keep_late = seed % 2 == 0;
  if (seed % 3 == 0) options.convention.cutoff_minute = 16 * 60;
  options.convention.receipt_day_counts = seed % 5 == 0;

  std::optional<DossierMetrics> text, parts;
  const std::string text_error = attempt([&] { return read_dossiers_text(csv, calendar, options); }, text);
  if (text) check_invariants(*text, options);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(csv.data(), static_cast<std::streamsize>(csv.size()));
  }
  options.threads = 1 + static_cast<int>(seed % 4);
  options.buffer_bytes = 1 + seed % 64;
  const std::string file_error = attempt([&] { return read_dossiers(file, calendar, options); }, parts);
  // The same messages, but the file's name where the text reader says "dossier log".
  FUZZ_CHECK(text_error.empty() == file_error.empty());
  if (!text_error.empty()) {
    FUZZ_CHECK(text_error.substr(text_error.find(':')) == file_error.substr(file_error.find(':', file.string().size())));
    return;
  }
  FUZZ_CHECK(same(*text, *parts));

  // Stopping at the first error names the first rejected row's line, in both readers.
  options.stop_at_first_error = true;
  std::optional<DossierMetrics> strict;
  const std::string strict_error = attempt([&] { return read_dossiers(file, calendar, options); }, strict);
  if (text->rows_rejected == 0) {
    FUZZ_CHECK(strict_error.empty() && same(*strict, *text));
  } else {
    const std::string where = file.string() + ":" + std::to_string(text->rejections[0].line) + ": ";
    FUZZ_CHECK(strict_error.rfind(where, 0) == 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [size](std::string_view text) {
    run(text, size);
    std::string with_header;
    for (const auto& c : dossier_columns()) with_header += (with_header.empty() ? "" : ",") + c;
    if (text.rfind(with_header, 0) == 0) return;  // already has it
    with_header += '\n';
    with_header.append(text);
    run(with_header, size / 3);
  });
}
