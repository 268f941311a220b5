// Tallying dossiers row by row, whatever the reader (CSV text, Arrow columns), and merging
// the partial figures of parts read apart (threads, Spark partitions, files).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/dossiers/group_table.hpp"

namespace parindex {

// One dossier as a reader found it, its fields parsed. The strings point into the reader's
// memory and are only read during DossierTally::add.
struct DossierRecord {
  std::string_view id, unit, level, procedure, field;
  Date received;
  int received_minute = 0;  // minute of the day
  int processing_days = 0;
  std::optional<Date> resolved;  // empty while pending
  int resolved_minute = 0;
  bool fully_online = false, paid_online = false, digitised = false, apology_issued = false;
};

// Why a row is not used: the kind of problem (the key counted in rejected_by) and a detail
// naming the field. No kind: nothing wrong.
struct RowProblem {
  // Nothing wrong. User-provided, so `return {}` on a good row does not zero the whole struct
  // first (GCC did so with a `rep stos`, a fifth of a row's parsing).
  RowProblem() noexcept {}
  RowProblem(const char* problem_kind, std::string problem_detail) : kind(problem_kind), detail(std::move(problem_detail)) {}

  const char* kind = nullptr;
  std::string detail;
  explicit operator bool() const noexcept { return kind != nullptr; }
};

// The layout's text forms: "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM:SS" (years
// 1400 to 9999), and a flag "0", "1", "false" or "true". False when the text is not one.
bool parse_dossier_time(std::string_view text, Date& date, int& minute);
bool parse_dossier_flag(std::string_view text, bool& value);

// The domain's checks of a row, shared by the readers, which run them in this order between
// their own parsing: the names, the processing time, then the resolution's order.
RowProblem check_names(std::string_view id, std::string_view unit, std::string_view level, std::string_view procedure);
RowProblem check_processing_days(long long days);
// `received_text` and `resolved_text` are how the reader shows the two times in the detail
// (empty: as parindex writes date-times).
RowProblem check_resolution_order(const DossierRecord& record, std::string_view received_text = {},
                                  std::string_view resolved_text = {});

// Row-by-row figures of one part of a log. Rows are numbered by the reader (a CSV line, an
// Arrow row); numbers must increase.
class DossierTally {
 public:
  DossierTally(const WorkCalendar& calendar, const DossierOptions& options);

  // Counts a record that passed the checks above; the calendar's checks happen here. Returns
  // false when reading must stop (stop_at_first_error and a rejected row).
  bool add(const DossierRecord& record, std::size_t row);
  // Counts a row the reader rejected. Returns false when reading must stop.
  bool reject(std::size_t row, RowProblem problem);

  // The first rejected row when stop_at_first_error stopped the reading.
  const std::optional<RejectedRow>& first_error() const noexcept { return first_error_; }
  // The figures, groups in key order; row numbers (rejections, late dossiers, first error)
  // shifted by `row_offset`.
  DossierMetrics metrics(std::size_t row_offset = 0) &&;

 private:
  RowProblem tally(const DossierRecord& record, std::size_t row);

  const WorkCalendar& calendar_;
  const DossierOptions& options_;
  std::size_t read_ = 0, rejected_ = 0;
  std::optional<RejectedRow> first_error_;
  std::vector<RejectedRow> rejections_;
  std::map<std::string, std::size_t> rejected_by_;
  detail::GroupTable groups_;  // by the row's key as encode_key writes it
  std::vector<LateDossier> late_;
  std::string key_;
};

// The figures of a log read in parts, exactly: groups with the same key add their counts,
// rows read, used and rejected add, rejections (up to the first 1000) and late dossiers follow
// in the parts' order. All parts must be grouped by the same keys. Row numbers stay as each
// part gave them (a part read apart numbers its own rows).
DossierMetrics merge_dossier_metrics(const std::vector<DossierMetrics>& parts);

// How many rejected rows a result keeps with their reasons; the rest are only counted.
inline constexpr std::size_t kept_rejections = 1000;

}  // namespace parindex
