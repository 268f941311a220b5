// Commitments (cam kết): quantitative targets a unit's head signs, reported on a schedule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parindex/core/assessment.hpp"
#include "parindex/plans/deadline.hpp"

namespace parindex {

enum class Comparator { at_least, more_than, at_most, less_than, equal };
const char* to_symbol(Comparator c) noexcept;  // "≥", ">", "≤", "<", "="
bool satisfies(double value, Comparator c, double target) noexcept;

// How a target's figure behaves through the year.
enum class TargetKind {
  rate,        // a share to date (online share, satisfaction): the latest figure is the best
               // estimate of the year-end one
  cumulative,  // it only grows through the year (revenue collected, initiatives adopted): the
               // year end is projected in proportion to the time elapsed
};

// A figure for one reporting period: "2024-Q1" ... "2024-Q4", or the year "2024".
struct ReportedValue {
  std::string period;
  double value = 0;
  std::optional<Date> reported_on;
  std::string source;  // where it came from: "báo cáo quý", "computed from the dossier log", "invented"
  friend bool operator==(const ReportedValue&, const ReportedValue&) = default;
};

struct Target {
  std::string id;
  std::string title;       // as the commitment words it
  std::string metric;      // "apology_coverage", "fully_online_share", ..., or any other name
  Comparator comparator = Comparator::at_least;
  double value = 0;
  std::string unit;        // "%", "sáng kiến", ...
  TargetKind kind = TargetKind::rate;
  std::string responsible;
  std::vector<DeadlineSpec> reporting;  // empty: the commitment's schedule
  std::vector<ReportedValue> actuals;
  friend bool operator==(const Target&, const Target&) = default;
};

struct Commitment {
  std::string committed_by;  // "Chủ tịch UBND thành phố Đông Hà"
  std::string committed_to;  // "Trưởng Ban Chỉ đạo CCHC tỉnh Quảng Trị"
  std::string number;        // "303/CK-BCĐCCHC"
  std::optional<Date> date;
  UnitRef unit;
  Date period_first, period_last;
  std::vector<DeadlineSpec> reporting;  // the reports every target owes
  std::string notes;
  std::vector<Target> targets;
  friend bool operator==(const Commitment&, const Commitment&) = default;
};


enum class TargetStatus {
  met,       // the period is over and the figure meets the target, or a cumulative figure already does
  on_track,  // the projection meets the target
  at_risk,   // the projection does not
  missed,    // the period is over and the figure does not meet the target
  no_data,   // no figure reported yet
};
const char* to_string(TargetStatus s) noexcept;

enum class ReportState { up_to_date, due_soon, overdue };
const char* to_string(ReportState s) noexcept;

struct TargetReview {
  const Target* target = nullptr;
  TargetStatus status = TargetStatus::no_data;
  std::optional<ReportedValue> latest;
  std::optional<double> projection;  // the year-end figure projected from the latest
  ReportState report = ReportState::up_to_date;
  std::optional<Date> next_report;    // the next report owed
  std::vector<Date> missed_reports;   // reports past due with no figure for their period
  std::string explanation;
};

struct CommitmentReview {
  Date as_of;
  std::vector<TargetReview> targets;
};

// Checks a commitment (unique ids, a metric and responsible agency per target, periods of the
// form YYYY-Qn or YYYY within the commitment's period). Throws parindex::error (validation).
void validate(const Commitment& commitment);

// Each target's status as of a date (see docs/commitments.md for the rules).
CommitmentReview review(const Commitment& commitment, const WorkCalendar& calendar, const Date& as_of,
                        int horizon_days = 14);

}  // namespace parindex
