// Reading one-stop dossier logs and aggregating their figures.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <exception>
#include <fstream>
#include <functional>
#include <thread>
#include <unordered_map>

#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/core/error.hpp"
#include "parindex/core/utf8.hpp"

namespace parindex {

namespace greg = boost::gregorian;

const std::vector<std::string>& dossier_columns() {
  static const std::vector<std::string> columns{"dossier_id", "unit_code",   "level",          "procedure_code",
                                                "field",      "received_at", "processing_days", "resolved_at",
                                                "fully_online", "paid_online", "digitised",    "apology_issued"};
  return columns;
}

const char* to_string(DossierStatus s) noexcept {
  switch (s) {
    case DossierStatus::early: return "early";
    case DossierStatus::on_time: return "on_time";
    case DossierStatus::late: return "late";
    case DossierStatus::pending: return "pending";
    case DossierStatus::pending_overdue: return "pending_overdue";
  }
  return "?";
}

const char* to_string(GroupKey k) noexcept {
  switch (k) {
    case GroupKey::unit: return "unit";
    case GroupKey::level: return "level";
    case GroupKey::procedure: return "procedure";
    case GroupKey::field: return "field";
    case GroupKey::year: return "year";
    case GroupKey::quarter: return "quarter";
    case GroupKey::month: return "month";
  }
  return "?";
}

namespace {

std::optional<double> share(long long part, long long whole) {
  if (whole <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::optional<double> DossierCounts::on_time_rate() const noexcept { return share(early + on_time, resolved()); }
std::optional<double> DossierCounts::fully_online_share() const noexcept { return share(fully_online, total); }
std::optional<double> DossierCounts::paid_online_share() const noexcept { return share(paid_online, total); }
std::optional<double> DossierCounts::digitised_share() const noexcept { return share(digitised, resolved()); }
std::optional<double> DossierCounts::apology_coverage() const noexcept { return share(apologised, late_or_overdue()); }

std::optional<double> DossierCounts::metric(DossierMetric m) const noexcept {
  switch (m) {
    case DossierMetric::on_time_rate: return on_time_rate();
    case DossierMetric::fully_online_share: return fully_online_share();
    case DossierMetric::paid_online_share: return paid_online_share();
    case DossierMetric::digitised_share: return digitised_share();
    case DossierMetric::apology_coverage: return apology_coverage();
  }
  return std::nullopt;
}

const char* to_string(DossierMetric m) noexcept {
  switch (m) {
    case DossierMetric::on_time_rate: return "on_time_rate";
    case DossierMetric::fully_online_share: return "fully_online_share";
    case DossierMetric::paid_online_share: return "paid_online_share";
    case DossierMetric::digitised_share: return "digitised_share";
    case DossierMetric::apology_coverage: return "apology_coverage";
  }
  return "?";
}

std::optional<DossierMetric> dossier_metric_from_string(std::string_view name) noexcept {
  for (auto m : all_dossier_metrics) {
    if (name == to_string(m)) return m;
  }
  return std::nullopt;
}

std::string dossier_metric_names() {
  std::string out;
  const std::size_t n = std::size(all_dossier_metrics);
  for (std::size_t i = 0; i < n; ++i) {
    out += (i == 0 ? "" : i + 1 == n ? " or " : ", ");
    out += to_string(all_dossier_metrics[i]);
  }
  return out;
}

void DossierCounts::add(const DossierCounts& o) noexcept {
  total += o.total;
  early += o.early;
  on_time += o.on_time;
  late += o.late;
  pending += o.pending;
  pending_overdue += o.pending_overdue;
  fully_online += o.fully_online;
  paid_online += o.paid_online;
  digitised += o.digitised;
  apologised += o.apologised;
}

Date due_day(const WorkCalendar& calendar, const DateTime& received_at, int working_days,
             const CountingConvention& convention) {
  if (received_at.is_special()) throw error(error_kind::argument, "due_day", "not a date-time");
  if (working_days < 0 || working_days > 3650) {
    throw error(error_kind::argument, "due_day", "expected 0 to 3650 working days, got " + std::to_string(working_days));
  }
  if (convention.cutoff_minute && (*convention.cutoff_minute < 0 || *convention.cutoff_minute > 24 * 60)) {
    throw error(error_kind::argument, "due_day: cutoff_minute",
                "expected a minute of the day from 0 to 1440, got " + std::to_string(*convention.cutoff_minute));
  }
  const Date received = received_at.date();
  const long minute = received_at.time_of_day().total_seconds() / 60;
  // The working day the dossier counts as received on.
  Date start = calendar.roll_forward(received);
  if (start == received && convention.cutoff_minute && minute >= *convention.cutoff_minute) {
    start = calendar.next_working_day(received);
  }
  if (working_days == 0) return start;
  return calendar.add_working_days(start, convention.receipt_day_counts ? working_days - 1 : working_days);
}

namespace {

constexpr std::size_t kColumns = 12;
constexpr std::size_t kKeptRejections = 1000;

// A group's key: one value per grouping key, compared as a tuple (no separator to collide with).
using Key = std::vector<std::string>;
struct KeyHash {
  std::size_t operator()(const Key& key) const noexcept {
    std::size_t h = key.size();
    for (const auto& part : key) h = h * 1000003u ^ (std::hash<std::string>{}(part) + 0x9e3779b9u + (h << 6) + (h >> 2));
    return h;
  }
};

struct Problem {
  const char* kind;  // the key counted in rejected_by
  std::string detail;
};

// Splits a CSV record; quoted fields may hold commas and doubled quotes, not line breaks.
bool split(std::string_view line, std::array<std::string_view, kColumns>& out, std::size_t& count,
           std::vector<std::string>& unquoted) {
  count = 0;
  if (line.find('"') == std::string_view::npos) {
    std::size_t start = 0;
    while (true) {
      std::size_t comma = line.find(',', start);
      if (count < kColumns) out[count] = line.substr(start, comma == std::string_view::npos ? comma : comma - start);
      ++count;
      if (comma == std::string_view::npos) return true;
      start = comma + 1;
    }
  }
  unquoted.clear();
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    char c = i < line.size() ? line[i] : ',';
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else if (i == line.size()) {
        return false;  // an unclosed quote
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      unquoted.push_back(field);
      field.clear();
      was_quoted = false;
    } else {
      field += c;
    }
  }
  count = unquoted.size();
  for (std::size_t i = 0; i < std::min(count, kColumns); ++i) out[i] = unquoted[i];
  return true;
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int& value) {
  value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

// "YYYY-MM-DD", "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM:SS".
bool parse_timestamp(std::string_view s, Date& date, int& minute) {
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

bool parse_flag(std::string_view s, bool& v) {
  if (s == "1" || s == "true") return v = true, true;
  if (s == "0" || s == "false") return v = false, true;
  return false;
}

// One reader's share of the work: the rows of a contiguous part of the file.
class Accumulator {
 public:
  Accumulator(const WorkCalendar& calendar, const DossierOptions& options) : calendar_(calendar), options_(options) {}

  // Returns false when reading must stop (stop_at_first_error and a bad row).
  bool row(std::string_view line, std::size_t line_number) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return true;  // blank lines are not rows
    ++read_;
    Problem p = parse(line, line_number);
    if (p.kind) {
      ++rejected_;
      ++rejected_by_[p.kind];
      if (rejections_.size() < kKeptRejections) rejections_.push_back({line_number, p.detail});
      if (options_.stop_at_first_error) {
        first_error_ = RejectedRow{line_number, p.detail};
        return false;
      }
    }
    return true;
  }

  std::size_t lines = 0;  // physical lines seen, for numbering the next part
  std::size_t read_ = 0, rejected_ = 0;
  std::optional<RejectedRow> first_error_;
  std::vector<RejectedRow> rejections_;
  std::map<std::string, std::size_t> rejected_by_;
  std::unordered_map<Key, DossierCounts, KeyHash> groups_;
  std::vector<LateDossier> late_;

 private:
  Problem parse(std::string_view line, std::size_t line_number) {
    // Checked first, so no reason below ever quotes bytes a JSON or CSV writer cannot carry.
    if (const std::size_t bad = invalid_utf8_at(line); bad != std::string_view::npos) {
      return {"invalid UTF-8", "byte " + std::to_string(bad + 1) + " of the line is not valid UTF-8"};
    }
    std::size_t count = 0;
    if (!split(line, f_, count, unquoted_)) return {"bad quoting", "a quoted field is not closed"};
    if (count != kColumns) {
      return {"wrong column count", "expected " + std::to_string(kColumns) + " columns, found " + std::to_string(count)};
    }
    const std::string_view id = f_[0], unit = f_[1], level = f_[2], procedure = f_[3], field = f_[4];
    if (id.empty()) return {"missing id", "the dossier id is empty"};
    if (unit.empty()) return {"missing unit", "the unit code is empty"};
    if (procedure.empty()) return {"missing procedure", "the procedure code is empty"};
    if (level != "province" && level != "district" && level != "commune") {
      return {"unknown level", "unknown level \"" + std::string(level) + "\"; expected province, district or commune"};
    }
    Date received, resolved;
    int received_minute = 0, resolved_minute = 0;
    if (!parse_timestamp(f_[5], received, received_minute)) {
      return {"unparsable date", "received_at \"" + std::string(f_[5]) + "\" is not YYYY-MM-DD[ HH:MM[:SS]]"};
    }
    int days = 0;
    auto [end, ec] = std::from_chars(f_[6].data(), f_[6].data() + f_[6].size(), days);
    if (f_[6].empty() || ec != std::errc() || end != f_[6].data() + f_[6].size()) {
      return {"bad processing time", "processing_days \"" + std::string(f_[6]) + "\" is not a whole number from 0 to 3650"};
    }
    if (days < 0) return {"negative processing time", "processing_days is negative (" + std::to_string(days) + ")"};
    if (days > 3650) return {"bad processing time", "processing_days " + std::to_string(days) + " exceeds 3650"};
    const bool has_resolution = !f_[7].empty();
    if (has_resolution && !parse_timestamp(f_[7], resolved, resolved_minute)) {
      return {"unparsable date", "resolved_at \"" + std::string(f_[7]) + "\" is not YYYY-MM-DD[ HH:MM[:SS]]"};
    }
    if (has_resolution && (resolved < received || (resolved == received && resolved_minute < received_minute))) {
      return {"resolved before received", "resolved_at " + std::string(f_[7]) + " is before received_at " + std::string(f_[5])};
    }
    bool flags[4];
    for (int i = 0; i < 4; ++i) {
      if (!parse_flag(f_[8 + i], flags[i])) {
        return {"bad flag", dossier_columns()[8 + i] + " \"" + std::string(f_[8 + i]) + "\" is not 0 or 1"};
      }
    }
    if (!calendar_.covers(received)) {
      return {"outside the calendar", "received_at " + to_iso(received) + " lies outside the calendar's years (" +
                                          std::to_string(calendar_.first_year()) + "–" + std::to_string(calendar_.last_year()) + ")"};
    }
    Date due;
    try {
      due = due_day(calendar_, DateTime(received, boost::posix_time::minutes(received_minute)), days, options_.convention);
    } catch (const error&) {
      return {"outside the calendar", "the due day lies beyond the calendar's years (" + std::to_string(calendar_.first_year()) +
                                          "–" + std::to_string(calendar_.last_year()) + ")"};
    }

    DossierStatus status;
    if (has_resolution && resolved <= options_.as_of) {
      status = resolved < due ? DossierStatus::early : resolved == due ? DossierStatus::on_time : DossierStatus::late;
    } else {
      status = options_.as_of <= due ? DossierStatus::pending : DossierStatus::pending_overdue;
    }

    key_.resize(options_.group_by.size());
    for (std::size_t i = 0; i < options_.group_by.size(); ++i) {
      std::string& part = key_[i];
      switch (options_.group_by[i]) {
        case GroupKey::unit: part.assign(unit); break;
        case GroupKey::level: part.assign(level); break;
        case GroupKey::procedure: part.assign(procedure); break;
        case GroupKey::field: part.assign(field); break;
        case GroupKey::year: part = std::to_string(received.year()); break;
        case GroupKey::quarter:
          part = std::to_string(received.year()) + "-Q" + std::to_string((received.month() - 1) / 3 + 1);
          break;
        case GroupKey::month: {
          char buf[16];
          std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(received.year()), static_cast<int>(received.month()));
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
    c.fully_online += flags[0];
    c.paid_online += flags[1];
    const bool is_resolved = status == DossierStatus::early || status == DossierStatus::on_time || status == DossierStatus::late;
    const bool is_late = status == DossierStatus::late || status == DossierStatus::pending_overdue;
    if (is_resolved) c.digitised += flags[2];
    if (is_late) c.apologised += flags[3];
    if (is_late && options_.keep_late) {
      LateDossier l{std::string(id), std::string(unit), std::string(level), std::string(procedure), std::string(field),
                    DateTime(received, boost::posix_time::minutes(received_minute)), due, std::nullopt, status, 0, flags[3],
                    line_number};
      if (status == DossierStatus::late) l.resolved = DateTime(resolved, boost::posix_time::minutes(resolved_minute));
      Date until = status == DossierStatus::late ? resolved : options_.as_of;
      l.working_days_late = calendar_.covers(until) ? calendar_.count_working_days(due, until) : 0;
      late_.push_back(std::move(l));
    }
    return {nullptr, {}};
  }

  const WorkCalendar& calendar_;
  const DossierOptions& options_;
  std::array<std::string_view, kColumns> f_;
  std::vector<std::string> unquoted_;
  Key key_;
};

void check_header(std::string_view header, const std::string& where) {
  if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
  if (header.substr(0, 3) == "\xEF\xBB\xBF") header.remove_prefix(3);  // UTF-8 BOM, and nothing else
  std::string expected;
  for (const auto& c : dossier_columns()) expected += (expected.empty() ? "" : ",") + c;
  if (header != expected) {
    throw error(error_kind::document, where + ":1", "the header must be exactly: " + expected);
  }
}

// Feeds the lines of `text` (starting at physical line `first_line`) to an accumulator: each
// '\n' ends a line, blank ones included, and a last line without one counts as a line too.
void feed(Accumulator& acc, std::string_view text, std::size_t first_line) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    ++acc.lines;
    if (!acc.row(line, first_line + acc.lines - 1)) return;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

DossierMetrics combine(std::vector<Accumulator>& parts, const DossierOptions& options, const std::string& where) {
  // Line numbers: each part counted its own lines; shift them by the parts before it.
  std::size_t offset = 0;
  for (auto& p : parts) {
    for (auto& r : p.rejections_) r.line += offset;
    for (auto& l : p.late_) l.line += offset;
    if (p.first_error_) p.first_error_->line += offset;
    offset += p.lines;
  }
  for (const auto& p : parts) {
    if (p.first_error_) {
      throw error(error_kind::document, where + ":" + std::to_string(p.first_error_->line), p.first_error_->reason);
    }
  }
  DossierMetrics out;
  out.group_by = options.group_by;
  std::map<Key, DossierCounts> merged;
  for (auto& p : parts) {
    out.rows_read += p.read_;
    out.rows_rejected += p.rejected_;
    for (const auto& [k, n] : p.rejected_by_) out.rejected_by[k] += n;
    for (auto& r : p.rejections_) {
      if (out.rejections.size() < kKeptRejections) out.rejections.push_back(std::move(r));
    }
    for (const auto& [k, c] : p.groups_) merged[k].add(c);
    for (auto& l : p.late_) out.late.push_back(std::move(l));
  }
  out.rows_used = out.rows_read - out.rows_rejected;
  for (auto& [k, c] : merged) {
    DossierGroup g;
    g.key = k;
    g.counts = c;
    out.all.add(c);
    out.groups.push_back(std::move(g));
  }
  return out;
}

void check_options(const DossierOptions& options) {
  if (options.as_of.is_special()) throw error(error_kind::argument, "dossiers", "a review date (as_of) is required");
  if (options.group_by.empty()) throw error(error_kind::argument, "dossiers", "group by at least one key");
  if (options.threads < 1 || options.threads > 64) {
    throw error(error_kind::argument, "dossiers: threads", "expected 1 to 64 parts, got " + std::to_string(options.threads));
  }
  if (options.buffer_bytes < 1) throw error(error_kind::argument, "dossiers: buffer_bytes", "expected at least 1 byte");
  const auto& cutoff = options.convention.cutoff_minute;
  if (cutoff && (*cutoff < 0 || *cutoff > 24 * 60)) {
    throw error(error_kind::argument, "dossiers: cutoff_minute",
                "expected a minute of the day from 0 to 1440, got " + std::to_string(*cutoff));
  }
}

}  // namespace

DossierMetrics read_dossiers_text(std::string_view csv, const WorkCalendar& calendar, const DossierOptions& options) {
  check_options(options);
  std::size_t nl = csv.find('\n');
  check_header(csv.substr(0, nl), "dossier log");
  std::vector<Accumulator> parts;
  parts.emplace_back(calendar, options);
  if (nl != std::string_view::npos) feed(parts[0], csv.substr(nl + 1), 2);
  return combine(parts, options, "dossier log");
}

DossierMetrics read_dossiers(const std::filesystem::path& path, const WorkCalendar& calendar, const DossierOptions& options) {
  check_options(options);
  const std::string where = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw error(error_kind::io, where, "is a directory, not a dossier log");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(error_kind::io, where, "cannot open the file for reading");
  // Read in parts at offsets, so a regular file of known size (not a device or a pipe).
  const std::uintmax_t size = std::filesystem::is_regular_file(path, ec) ? std::filesystem::file_size(path, ec) : 0;
  if (ec || !std::filesystem::is_regular_file(path, ec)) {
    throw error(error_kind::io, where, "is not a regular file; a dossier log is read in parts at offsets");
  }
  // The header is short: look for its line break in the first 4 KiB only.
  std::string head(static_cast<std::size_t>(std::min<std::uintmax_t>(size, 4096)), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const std::size_t header_end = head.find('\n');
  check_header(std::string_view(head).substr(0, header_end), where);
  // The body starts after the header and its line break (a header-only file may have none).
  const std::uintmax_t body_start = header_end == std::string::npos ? size : header_end + 1;
  // Split the body into parts at line boundaries.
  const int threads = options.threads;
  std::vector<std::uintmax_t> bounds{body_start};
  for (int t = 1; t < threads; ++t) {
    std::uintmax_t guess = body_start + (size - body_start) * static_cast<std::uintmax_t>(t) / static_cast<std::uintmax_t>(threads);
    if (guess <= bounds.back()) continue;
    in.clear();
    in.seekg(static_cast<std::streamoff>(guess));
    std::string rest;
    std::getline(in, rest);
    std::uintmax_t next = in ? static_cast<std::uintmax_t>(in.tellg()) : size;
    if (next > bounds.back() && next < size) bounds.push_back(next);
  }
  bounds.push_back(size);
  std::vector<Accumulator> parts;
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) parts.emplace_back(calendar, options);
  std::vector<std::exception_ptr> failures(parts.size());
  auto work = [&](std::size_t i) {
    try {
      std::ifstream part(path, std::ios::binary);
      part.seekg(static_cast<std::streamoff>(bounds[i]));
      const std::size_t chunk = options.buffer_bytes;
      std::string buffer;
      std::uintmax_t left = bounds[i + 1] - bounds[i];
      std::vector<char> block(chunk);
      while (left > 0) {
        std::size_t want = static_cast<std::size_t>(std::min<std::uintmax_t>(chunk, left));
        part.read(block.data(), static_cast<std::streamsize>(want));
        std::size_t got = static_cast<std::size_t>(part.gcount());
        if (got == 0) throw error(error_kind::io, where, "reading the file failed");
        left -= got;
        buffer.append(block.data(), got);
        // Feed the complete lines, each with its line break; keep the rest for the next block.
        const std::size_t last_nl = buffer.rfind('\n');
        if (last_nl == std::string::npos) continue;
        feed(parts[i], std::string_view(buffer.data(), last_nl + 1), 2);
        if (parts[i].first_error_) return;
        buffer.erase(0, last_nl + 1);
      }
      std::string& carry = buffer;
      if (!carry.empty()) feed(parts[i], carry, 2);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < parts.size(); ++i) pool.emplace_back(work, i);
  work(0);
  for (auto& t : pool) t.join();
  for (auto& f : failures) {
    if (!f) continue;
    try {
      std::rethrow_exception(f);
    } catch (...) {
      rethrow_as_error(where);  // a thread's failure, whatever it was, as a parindex::error at the file
    }
  }
  return combine(parts, options, where);
}

}  // namespace parindex
