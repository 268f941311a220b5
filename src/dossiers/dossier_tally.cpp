// Row-by-row tallies of dossiers, and the exact merge of partial figures.
#include "parindex/dossiers/dossier_tally.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>

#include "parindex/core/error.hpp"

namespace parindex {

namespace {

bool is_text(GroupKey k) noexcept {
  return k == GroupKey::unit || k == GroupKey::level || k == GroupKey::procedure || k == GroupKey::field;
}

std::string_view text_part(GroupKey k, const DossierRecord& r) noexcept {
  switch (k) {
    case GroupKey::unit: return r.unit;
    case GroupKey::level: return r.level;
    case GroupKey::procedure: return r.procedure;
    case GroupKey::field: return r.field;
    default: return {};
  }
}

// A key of one text part (grouping by unit, the usual case) is that text itself: there is
// nothing to tell apart, and no byte is copied.
bool sole_text(const std::vector<GroupKey>& group_by) noexcept { return group_by.size() == 1 && is_text(group_by[0]); }

// A row's group key as bytes: each text part after its length (4 bytes), a year as 2 bytes and
// a quarter or month as 1 more, so building it costs no formatting and no allocation; `hash`
// is the key's, taken from the parts where they lie (reading back the bytes just written
// would stall on the stores). The key may be `out` or point into the record.
std::string_view encode_key(const std::vector<GroupKey>& group_by, const DossierRecord& r, std::string& out,
                            std::uint64_t& key_hash) {
  detail::KeyHash hash;
  if (sole_text(group_by)) {
    const std::string_view key = text_part(group_by[0], r);
    hash.add(key);
    key_hash = hash.value();
    return key;
  }
  out.clear();
  auto text = [&](std::string_view s) {
    const auto n = static_cast<std::uint32_t>(s.size());
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    out.append(s);
    hash.add(s);
  };
  auto year = [&] {
    const auto y = static_cast<std::uint16_t>(r.received.year());
    out.append(reinterpret_cast<const char*>(&y), sizeof y);
    hash.add(y);
  };
  auto part = [&](int value) {
    out.push_back(static_cast<char>(value));
    hash.add(static_cast<std::uint64_t>(value));
  };
  for (GroupKey k : group_by) {
    if (is_text(k)) {
      text(text_part(k, r));
      continue;
    }
    year();
    if (k == GroupKey::quarter) part((r.received.month() - 1) / 3 + 1);
    if (k == GroupKey::month) part(r.received.month());
  }
  key_hash = hash.value();
  return out;
}

// The key's parts as the figures show them: texts as they came, "2023", "2023-Q1", "2023-01".
std::vector<std::string> decode_key(const std::vector<GroupKey>& group_by, std::string_view bytes) {
  if (sole_text(group_by)) return {std::string(bytes)};
  std::vector<std::string> key;
  key.reserve(group_by.size());
  auto take = [&](std::size_t n) {
    std::string_view part = bytes.substr(0, n);
    bytes.remove_prefix(n);
    return part;
  };
  auto year = [&] {
    std::uint16_t y;
    std::memcpy(&y, take(sizeof y).data(), sizeof y);
    return static_cast<int>(y);
  };
  for (GroupKey k : group_by) {
    char buf[16];
    switch (k) {
      case GroupKey::unit:
      case GroupKey::level:
      case GroupKey::procedure:
      case GroupKey::field: {
        std::uint32_t n;
        std::memcpy(&n, take(sizeof n).data(), sizeof n);
        key.emplace_back(take(n));
        break;
      }
      case GroupKey::year: key.push_back(std::to_string(year())); break;
      case GroupKey::quarter: {
        const int y = year();
        std::snprintf(buf, sizeof buf, "%04d-Q%d", y, static_cast<int>(take(1)[0]));
        key.emplace_back(buf);
        break;
      }
      case GroupKey::month: {
        const int y = year();
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, static_cast<int>(take(1)[0]));
        key.emplace_back(buf);
        break;
      }
    }
  }
  return key;
}

}  // namespace

bool parse_dossier_flag(std::string_view s, bool& v) {
  if (s.size() == 1 && (s[0] == '0' || s[0] == '1')) return v = s[0] == '1', true;
  if (s == "true") return v = true, true;
  if (s == "false") return v = false, true;
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
  // The group's slot is asked for now, and comes from memory while the due day is worked out
  // (a key by year, quarter or month needs a date the calendar covers).
  std::uint64_t key_hash = 0;
  const std::string_view key = encode_key(options_.group_by, r, key_, key_hash);
  groups_.prefetch(key_hash);
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

  DossierCounts& c = groups_.find_or_add(key, key_hash);
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
  out.groups.reserve(groups_.size());
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    out.all.add(groups_.counts(g));
    out.groups.push_back(DossierGroup{decode_key(options_.group_by, groups_.key(g)), groups_.counts(g)});
  }
  std::sort(out.groups.begin(), out.groups.end(), [](const DossierGroup& a, const DossierGroup& b) { return a.key < b.key; });
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
