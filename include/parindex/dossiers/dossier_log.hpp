// One-stop dossier logs (hồ sơ thủ tục hành chính): statuses on the work calendar, and the
// ratios the indices and commitments are made of.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parindex/calendar/work_calendar.hpp"

namespace parindex {

// How a statutory time in working days becomes a due day. Vietnamese practice varies by
// province and procedure, so each choice is explicit.
struct CountingConvention {
  // Whether the day of receipt is the first of the N working days. When false (the default),
  // counting starts the next working day, as periods do under the Civil Code (art. 147).
  bool receipt_day_counts = false;
  // A dossier received at or after this minute of the day (e.g. 17 * 60 for 17:00) counts as
  // received on the next working day. Empty: the time of day does not matter.
  std::optional<int> cutoff_minute;
  // A dossier received on a day off always counts as received on the next working day.
};

// The day a dossier received at `received` with `working_days` of statutory time is due,
// under a convention.
Date due_day(const WorkCalendar& calendar, const DateTime& received, int working_days,
             const CountingConvention& convention);
// The same for a day and a minute of the day (0 to 1439): readers call it once a row, and a
// Boost date-time's day costs a calendar conversion.
Date due_day(const WorkCalendar& calendar, const Date& received, int received_minute, int working_days,
             const CountingConvention& convention);

enum class DossierStatus {
  early,            // resolved before its due day (trước hạn)
  on_time,          // resolved on its due day (đúng hạn)
  late,             // resolved after its due day (trễ hạn)
  pending,          // not resolved as of the review date, not yet past its due day
  pending_overdue,  // not resolved, past its due day (quá hạn)
};
const char* to_string(DossierStatus status) noexcept;

// The ratios a dossier log yields, named once: documents, bindings, commitments and the
// command line all use these names.
enum class DossierMetric { on_time_rate, fully_online_share, paid_online_share, digitised_share, apology_coverage };
inline constexpr DossierMetric all_dossier_metrics[] = {
    DossierMetric::on_time_rate, DossierMetric::fully_online_share, DossierMetric::paid_online_share,
    DossierMetric::digitised_share, DossierMetric::apology_coverage};
const char* to_string(DossierMetric metric) noexcept;
std::optional<DossierMetric> dossier_metric_from_string(std::string_view name) noexcept;
// "on_time_rate, fully_online_share, paid_online_share, digitised_share or apology_coverage"
std::string dossier_metric_names();

enum class GroupKey { unit, level, procedure, field, year, quarter, month };
const char* to_string(GroupKey key) noexcept;

struct DossierOptions {
  Date as_of;                          // the review date; resolutions after it count as pending
  CountingConvention convention;
  std::vector<GroupKey> group_by{GroupKey::unit};
  bool stop_at_first_error = false;    // else skip bad rows and count them
  bool keep_late = false;              // list the late and overdue dossiers
  int threads = 2;                     // the file is read in this many parts at once (1 to 64)
  std::size_t buffer_bytes = std::size_t{1} << 22;  // each part reads this many bytes at a time (at least 1)
};

// The figures of one group. Shares are over the dossiers they concern: on-time over resolved,
// digitised over resolved, apology over late and overdue, online and paid over all.
struct DossierCounts {
  long long total = 0, early = 0, on_time = 0, late = 0, pending = 0, pending_overdue = 0;
  long long fully_online = 0, paid_online = 0, digitised = 0, apologised = 0;

  long long resolved() const noexcept { return early + on_time + late; }
  long long late_or_overdue() const noexcept { return late + pending_overdue; }
  // Each ratio is empty when its denominator is 0, so no figure is invented.
  std::optional<double> on_time_rate() const noexcept;         // (early + on time) / resolved, in %
  std::optional<double> fully_online_share() const noexcept;   // fully online / total, in %
  std::optional<double> paid_online_share() const noexcept;    // paid online / total, in %
  std::optional<double> digitised_share() const noexcept;      // digitised / resolved, in %
  std::optional<double> apology_coverage() const noexcept;     // apologised / (late + overdue), in %
  std::optional<double> metric(DossierMetric metric) const noexcept;
  void add(const DossierCounts& other) noexcept;
};

struct DossierGroup {
  std::vector<std::string> key;  // one value per DossierOptions::group_by entry, kept apart (any bytes)
  DossierCounts counts;
};

struct LateDossier {
  std::string id, unit, level, procedure, field;
  DateTime received;
  Date due;
  std::optional<DateTime> resolved;  // empty while pending
  DossierStatus status = DossierStatus::late;
  long working_days_late = 0;    // working days after the due day, to resolution or the review date
  bool apologised = false;
  std::size_t line = 0;
};

struct RejectedRow {
  std::size_t line = 0;
  std::string reason;
};

struct DossierMetrics {
  std::vector<GroupKey> group_by;
  std::vector<DossierGroup> groups;  // sorted by key
  DossierCounts all;
  std::vector<LateDossier> late;     // with keep_late, in file order
  // Rows: every data row is used or rejected; read = used + rejected.
  std::size_t rows_read = 0, rows_used = 0, rows_rejected = 0;
  std::vector<RejectedRow> rejections;             // the first 1000, in file order
  std::map<std::string, std::size_t> rejected_by;  // count per kind of problem
};

// Reads a log in the documented CSV layout (docs/dossiers.md). With stop_at_first_error,
// throws parindex::error (document) naming the file, line and problem; otherwise bad rows are
// skipped and counted. Memory grows with the number of groups, not of rows (and with the late
// dossiers when they are kept).
DossierMetrics read_dossiers(const std::filesystem::path& csv, const WorkCalendar& calendar, const DossierOptions& options);

// The same for CSV text in memory (tests, small inputs).
DossierMetrics read_dossiers_text(std::string_view csv, const WorkCalendar& calendar, const DossierOptions& options);

// Throws parindex::error (argument) when options cannot be honoured (no review date, no
// grouping key, threads outside 1 to 64, a cutoff outside the day...).
void check_dossier_options(const DossierOptions& options);

// The CSV header the layout requires, in order.
const std::vector<std::string>& dossier_columns();

}  // namespace parindex
