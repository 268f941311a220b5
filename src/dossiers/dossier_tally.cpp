// Row-by-row tallies of dossiers, and the exact merge of partial figures.
#include "parindex/dossiers/dossier_tally.hpp"

#include <cstdio>
#include <iterator>
#include <map>

#include "parindex/core/error.hpp"

namespace parindex {

namespace greg = boost::gregorian;

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& value) {
  value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

bool parse_dossier_time(std::string_view s, Date& date, int& minute) {
  int y, m, d, hh = 0, mm = 0, ss = 0;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) {
    return false;
  }
  if (s.size() > 10) {
    if ((s[10] != ' ' && s[10] != 'T') || s.size() < 16 || s[13] != ':' || !digits(s, 11, 2, hh) || !digits(s, 14, 2, mm)) {
      return false;
    }
    if (s.size() > 16 && (s.size() != 19 || s[16] != ':' || !digits(s, 17, 2, ss))) return false;
    if (hh > 23 || mm > 59 || ss > 59) return false;
  }
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 || d > greg::gregorian_calendar::end_of_month_day(y, m)) return false;
  date = Date(y, m, d);
  minute = hh * 60 + mm;
  return true;
}

bool parse_dossier_flag(std::string_view s, bool& v) {
  if (s == "1" || s == "true") return v = true, true;
  if (s == "0" || s == "false") return v = false, true;
  return false;
}

RowProblem check_names(std::string_view id, std::string_view unit, std::string_view level, std::string_view procedure) {
  if (id.empty()) return {"missing id", "the dossier id is empty"};
  if (unit.empty()) return {"missing unit", "the unit code is empty"};
  if (procedure.empty()) return {"missing procedure", "the procedure code is empty"};
  if (level != "province" && level != "district" && level != "commune") {
    return {"unknown level", "unknown level \"" + std::string(level) + "\"; expected province, district or commune"};
  }
  return {};
}

RowProblem check_processing_days(long long days) {
  if (days < 0) return {"negative processing time", "processing_days is negative (" + std::to_string(days) + ")"};
  if (days > 3650) return {"bad processing time", "processing_days " + std::to_string(days) + " exceeds 3650"};
  return {};
}

RowProblem check_resolution_order(const DossierRecord& r, std::string_view received_text, std::string_view resolved_text) {
  if (r.resolved && (*r.resolved < r.received || (*r.resolved == r.received && r.resolved_minute < r.received_minute))) {
    // Readers of typed columns pass no text: the times are shown as parindex writes them.
    const std::string received = received_text.empty()
                                     ? to_iso(DateTime(r.received, boost::posix_time::minutes(r.received_minute)))
                                     : std::string(received_text);
    const std::string resolved = resolved_text.empty()
                                     ? to_iso(DateTime(*r.resolved, boost::posix_time::minutes(r.resolved_minute)))
                                     : std::string(resolved_text);
    return {"resolved before received", "resolved_at " + resolved + " is before received_at " + received};
  }
  return {};
}

std::size_t DossierTally::KeyHash::operator()(const Key& key) const noexcept {
  std::size_t h = key.size();
  for (const auto& part : key) h = h * 1000003u ^ (std::hash<std::string>{}(part) + 0x9e3779b9u + (h << 6) + (h >> 2));
  return h;
}

DossierTally::DossierTally(const WorkCalendar& calendar, const DossierOptions& options)
    : calendar_(calendar), options_(options) {}

bool DossierTally::reject(std::size_t row, RowProblem p) {
  ++read_;
  ++rejected_;
  ++rejected_by_[p.kind];
  if (rejections_.size() < kept_rejections) rejections_.push_back({row, p.detail});
  if (options_.stop_at_first_error) {
    first_error_ = RejectedRow{row, std::move(p.detail)};
    return false;
  }
  return true;
}

bool DossierTally::add(const DossierRecord& record, std::size_t row) {
  if (RowProblem p = tally(record, row)) return reject(row, std::move(p));
  ++read_;
  return true;
}

RowProblem DossierTally::tally(const DossierRecord& r, std::size_t row) {
  if (!calendar_.covers(r.received)) {
    return {"outside the calendar", "received_at " + to_iso(r.received) + " lies outside the calendar's years (" +
                                        std::to_string(calendar_.first_year()) + "–" + std::to_string(calendar_.last_year()) + ")"};
  }
  Date due;
  try {
    due = due_day(calendar_, r.received, r.received_minute, r.processing_days, options_.convention);
  } catch (const error&) {
    return {"outside the calendar", "the due day lies beyond the calendar's years (" + std::to_string(calendar_.first_year()) +
                                        "–" + std::to_string(calendar_.last_year()) + ")"};
  }

  DossierStatus status;
  if (r.resolved && *r.resolved <= options_.as_of) {
    status = *r.resolved < due ? DossierStatus::early : *r.resolved == due ? DossierStatus::on_time : DossierStatus::late;
  } else {
    status = options_.as_of <= due ? DossierStatus::pending : DossierStatus::pending_overdue;
  }

  key_.resize(options_.group_by.size());
  for (std::size_t i = 0; i < options_.group_by.size(); ++i) {
    std::string& part = key_[i];
    switch (options_.group_by[i]) {
      case GroupKey::unit: part.assign(r.unit); break;
      case GroupKey::level: part.assign(r.level); break;
      case GroupKey::procedure: part.assign(r.procedure); break;
      case GroupKey::field: part.assign(r.field); break;
      case GroupKey::year: part = std::to_string(r.received.year()); break;
      case GroupKey::quarter:
        part = std::to_string(r.received.year()) + "-Q" + std::to_string((r.received.month() - 1) / 3 + 1);
        break;
      case GroupKey::month: {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(r.received.year()), static_cast<int>(r.received.month()));
        part = buf;
        break;
      }
    }
  }
  auto it = groups_.find(key_);
  if (it == groups_.end()) it = groups_.emplace(key_, DossierCounts{}).first;
  DossierCounts& c = it->second;
  ++c.total;
  switch (status) {
    case DossierStatus::early: ++c.early; break;
    case DossierStatus::on_time: ++c.on_time; break;
    case DossierStatus::late: ++c.late; break;
    case DossierStatus::pending: ++c.pending; break;
    case DossierStatus::pending_overdue: ++c.pending_overdue; break;
  }
  c.fully_online += r.fully_online;
  c.paid_online += r.paid_online;
  const bool is_resolved = status == DossierStatus::early || status == DossierStatus::on_time || status == DossierStatus::late;
  const bool is_late = status == DossierStatus::late || status == DossierStatus::pending_overdue;
  if (is_resolved) c.digitised += r.digitised;
  if (is_late) c.apologised += r.apology_issued;
  if (is_late && options_.keep_late) {
    LateDossier l{std::string(r.id), std::string(r.unit), std::string(r.level), std::string(r.procedure), std::string(r.field),
                  DateTime(r.received, boost::posix_time::minutes(r.received_minute)), due, std::nullopt, status, 0,
                  r.apology_issued, row};
    if (status == DossierStatus::late) l.resolved = DateTime(*r.resolved, boost::posix_time::minutes(r.resolved_minute));
    Date until = status == DossierStatus::late ? *r.resolved : options_.as_of;
    l.working_days_late = calendar_.covers(until) ? calendar_.count_working_days(due, until) : 0;
    late_.push_back(std::move(l));
  }
  return {};
}

DossierMetrics DossierTally::metrics(std::size_t row_offset) && {
  DossierMetrics out;
  out.group_by = options_.group_by;
  out.rows_read = read_;
  out.rows_rejected = rejected_;
  out.rows_used = read_ - rejected_;
  out.rejected_by = std::move(rejected_by_);
  out.rejections = std::move(rejections_);
  for (auto& r : out.rejections) r.line += row_offset;
  out.late = std::move(late_);
  for (auto& l : out.late) l.line += row_offset;
  std::map<Key, DossierCounts> sorted(std::make_move_iterator(groups_.begin()), std::make_move_iterator(groups_.end()));
  out.groups.reserve(sorted.size());
  for (auto& [k, c] : sorted) {
    out.all.add(c);
    out.groups.push_back(DossierGroup{k, c});
  }
  return out;
}

DossierMetrics merge_dossier_metrics(const std::vector<DossierMetrics>& parts) {
  DossierMetrics out;
  if (parts.empty()) return out;
  out.group_by = parts.front().group_by;
  std::map<std::vector<std::string>, DossierCounts> merged;
  for (const auto& p : parts) {
    if (p.group_by != out.group_by) {
      throw error(error_kind::argument, "merge_dossier_metrics", "the parts are grouped by different keys");
    }
    out.rows_read += p.rows_read;
    out.rows_used += p.rows_used;
    out.rows_rejected += p.rows_rejected;
    for (const auto& [k, n] : p.rejected_by) out.rejected_by[k] += n;
    for (const auto& r : p.rejections) {
      if (out.rejections.size() < kept_rejections) out.rejections.push_back(r);
    }
    for (const auto& g : p.groups) merged[g.key].add(g.counts);
    out.late.insert(out.late.end(), p.late.begin(), p.late.end());
  }
  out.groups.reserve(merged.size());
  for (auto& [k, c] : merged) {
    out.all.add(c);
    out.groups.push_back(DossierGroup{k, c});
  }
  return out;
}

}  // namespace parindex
