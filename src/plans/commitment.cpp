#include "parindex/plans/commitment.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "parindex/core/error.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

namespace greg = boost::gregorian;

const char* to_symbol(Comparator c) noexcept {
  switch (c) {
    case Comparator::at_least: return "≥";
    case Comparator::more_than: return ">";
    case Comparator::at_most: return "≤";
    case Comparator::less_than: return "<";
    case Comparator::equal: return "=";
  }
  return "?";
}

bool satisfies(double v, Comparator c, double t) noexcept {
  // Figures are decimals as reported; compare them at a millionth.
  const double eps = 1e-9 * std::max(1.0, std::fabs(t));
  switch (c) {
    case Comparator::at_least: return v >= t - eps;
    case Comparator::more_than: return v > t + eps;
    case Comparator::at_most: return v <= t + eps;
    case Comparator::less_than: return v < t - eps;
    case Comparator::equal: return std::fabs(v - t) <= eps;
  }
  return false;
}

const char* to_string(TargetStatus s) noexcept {
  switch (s) {
    case TargetStatus::met: return "met";
    case TargetStatus::on_track: return "on_track";
    case TargetStatus::at_risk: return "at_risk";
    case TargetStatus::missed: return "missed";
    case TargetStatus::no_data: return "no_data";
  }
  return "?";
}

const char* to_string(ReportState s) noexcept {
  switch (s) {
    case ReportState::up_to_date: return "up_to_date";
    case ReportState::due_soon: return "due_soon";
    case ReportState::overdue: return "overdue";
  }
  return "?";
}

namespace {

std::string quarter_of(const Date& d) {
  return std::to_string(d.year()) + "-Q" + std::to_string((d.month() - 1) / 3 + 1);
}

// The last day of a period label; empty when the label is malformed.
// The last day of a period label; empty when the label is malformed or its year lies outside
// 1900–2999 (Boost's dates stop at 1400, and no commitment reaches that far).
std::optional<Date> period_end(const std::string& p) {
  auto year_of = [&]() -> std::optional<int> {
    if (p.size() < 4 || !std::all_of(p.begin(), p.begin() + 4, ::isdigit)) return std::nullopt;
    const int y = std::stoi(p.substr(0, 4));
    return y >= 1900 && y <= 2999 ? std::optional<int>(y) : std::nullopt;
  };
  auto year = year_of();
  if (!year) return std::nullopt;
  if (p.size() == 4) return Date(static_cast<unsigned short>(*year), 12, 31);
  if (p.size() == 7 && p[4] == '-' && p[5] == 'Q' && p[6] >= '1' && p[6] <= '4') {
    const int q = p[6] - '0';
    return Date(static_cast<unsigned short>(*year), static_cast<unsigned short>(q * 3), 1).end_of_month();
  }
  return std::nullopt;
}

// The period a report due on `due` answers: its quarter for a quarterly schedule, its year otherwise.
std::string period_for(const DeadlineSpec& spec, const Date& due) {
  if (std::holds_alternative<deadlines::Quarterly>(spec.rule)) return quarter_of(due);
  return std::to_string(due.year());
}

}  // namespace

void validate(const Commitment& c) {
  const std::string where_c = "commitment " + (c.number.empty() ? c.committed_by : c.number);
  if (c.committed_by.empty() || c.committed_to.empty()) {
    throw error(error_kind::validation, where_c, "who committed and to whom must both be named");
  }
  if (c.period_first.is_special() || c.period_last.is_special() || c.period_last < c.period_first) {
    throw error(error_kind::validation, where_c, "the period must run forwards");
  }
  std::set<std::string> ids;
  for (const auto& t : c.targets) {
    const std::string where = "target " + t.id;
    if (t.id.empty()) throw error(error_kind::validation, where_c, "every target needs an id");
    if (!ids.insert(t.id).second) throw error(error_kind::validation, where, "the id appears twice");
    if (t.metric.empty()) throw error(error_kind::validation, where, "needs a metric");
    if (t.responsible.empty()) throw error(error_kind::validation, where, "needs a responsible agency");
    if (!std::isfinite(t.value)) throw error(error_kind::validation, where, "the target value must be finite");
    std::set<std::string> periods;
    for (const auto& a : t.actuals) {
      auto end = period_end(a.period);
      if (!end) throw error(error_kind::validation, where, "period \"" + a.period + "\" is not YYYY-Qn or YYYY with a year in 1900–2999");
      if (*end < c.period_first || *end > c.period_last + greg::days(366)) {
        throw error(error_kind::validation, where, "period " + a.period + " lies outside the commitment's period");
      }
      if (!periods.insert(a.period).second) throw error(error_kind::validation, where, "period " + a.period + " is reported twice");
      if (!std::isfinite(a.value)) throw error(error_kind::validation, where, "the figure for " + a.period + " must be finite");
    }
  }
}

CommitmentReview review(const Commitment& c, const WorkCalendar& calendar, const Date& as_of, int horizon_days) {
  validate(c);
  CommitmentReview out;
  out.as_of = as_of;
  const double period_days = static_cast<double>((c.period_last - c.period_first).days() + 1);
  for (const auto& t : c.targets) {
    TargetReview r;
    r.target = &t;
    // The latest figure known on the review date.
    for (const auto& a : t.actuals) {
      Date end = *period_end(a.period);
      bool known = a.reported_on ? *a.reported_on <= as_of : end <= as_of;
      if (!known) continue;
      if (!r.latest || end > *period_end(r.latest->period)) r.latest = a;
    }
    const bool over = as_of > c.period_last;
    const std::string target_text = std::string(to_symbol(t.comparator)) + " " + format_shortest(t.value) + t.unit;
    if (!r.latest) {
      r.status = TargetStatus::no_data;
      r.explanation = "no figure reported yet";
    } else {
      const double v = r.latest->value;
      const std::string latest_text = format_shortest(v) + t.unit + " (" + r.latest->period + ")";
      Date end = std::min(*period_end(r.latest->period), as_of);
      double elapsed = static_cast<double>((end - c.period_first).days() + 1);
      if (t.kind == TargetKind::cumulative && elapsed > 0 && elapsed < period_days) {
        r.projection = v * period_days / elapsed;
      } else {
        r.projection = v;
      }
      // A figure is final when its period reaches the end of the commitment and is over.
      const Date latest_end = *period_end(r.latest->period);
      const bool final_figure = latest_end >= c.period_last && latest_end <= as_of;
      const bool grows = t.kind == TargetKind::cumulative &&
                         (t.comparator == Comparator::at_least || t.comparator == Comparator::more_than);
      if (over || final_figure) {
        r.status = satisfies(v, t.comparator, t.value) ? TargetStatus::met : TargetStatus::missed;
        r.explanation = latest_text + " against " + target_text;
      } else if (grows && satisfies(v, t.comparator, t.value)) {
        r.status = TargetStatus::met;
        r.explanation = latest_text + " already meets " + target_text + " and can only grow";
      } else {
        r.status = satisfies(*r.projection, t.comparator, t.value) ? TargetStatus::on_track : TargetStatus::at_risk;
        r.explanation = latest_text + ", projected " + format_fixed(*r.projection, 2) + t.unit + " at year end, against " +
                        target_text;
      }
    }
    // Reports owed: every due date of the schedule, each answered by a figure for its period.
    const auto& schedule = t.reporting.empty() ? c.reporting : t.reporting;
    std::vector<std::pair<Date, std::string>> owed;
    for (const auto& spec : schedule) {
      DueDates due;
      try {
        due = resolve(spec, calendar, {}, c.period_first, c.period_last);
      } catch (const error& e) {
        throw e.located_in("target " + t.id + ", reports: ");
      }
      for (const auto& d : due.dates) owed.emplace_back(d, period_for(spec, d));
    }
    std::sort(owed.begin(), owed.end());
    for (const auto& report : owed) {
      const Date& d = report.first;
      const std::string& period = report.second;
      bool answered = std::any_of(t.actuals.begin(), t.actuals.end(), [&](const ReportedValue& a) {
        return a.period == period && (!a.reported_on || *a.reported_on <= as_of);
      });
      if (answered) continue;
      if (d < as_of) {
        r.missed_reports.push_back(d);
      } else if (!r.next_report) {
        r.next_report = d;
      }
    }
    if (!r.missed_reports.empty()) {
      r.report = ReportState::overdue;
    } else if (r.next_report && (*r.next_report - as_of).days() <= horizon_days) {
      r.report = ReportState::due_soon;
    }
    out.targets.push_back(std::move(r));
  }
  return out;
}

}  // namespace parindex
