// Reading one-stop dossier logs and aggregating their figures.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <exception>
#include <fstream>
#include <system_error>
#include <thread>

#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/dossiers/dossier_tally.hpp"
#include "parindex/core/error.hpp"
#include "parindex/core/utf8.hpp"
#include "csv_records.hpp"
#include "dossier_time.hpp"

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
  return due_day(calendar, received_at.date(), static_cast<int>(received_at.time_of_day().total_seconds() / 60), working_days,
                 convention);
}

Date due_day(const WorkCalendar& calendar, const Date& received, int received_minute, int working_days,
             const CountingConvention& convention) {
  if (working_days < 0 || working_days > 3650) {
    throw error(error_kind::argument, "due_day", "expected 0 to 3650 working days, got " + std::to_string(working_days));
  }
  if (convention.cutoff_minute && (*convention.cutoff_minute < 0 || *convention.cutoff_minute > 24 * 60)) {
    throw error(error_kind::argument, "due_day: cutoff_minute",
                "expected a minute of the day from 0 to 1440, got " + std::to_string(*convention.cutoff_minute));
  }
  // The working day the dossier counts as received on: the first on or after the day, or the
  // next one when received on a working day after the cutoff.
  const bool after_cutoff = convention.cutoff_minute && received_minute >= *convention.cutoff_minute &&
                            calendar.is_working_day(received);
  const long counted = working_days == 0 ? 0 : convention.receipt_day_counts ? working_days - 1 : working_days;
  return calendar.add_working_days_rolled(received, (after_cutoff ? 1 : 0) + counted);
}

namespace {

constexpr std::size_t kColumns = 12;

// One to three digits (0 to 999 working days, all in range): most rows' processing time,
// read without from_chars' generality. Anything else takes the general path.
bool small_whole_number(std::string_view s, int& value) noexcept {
  if (s.empty() || s.size() > 3) return false;
  int v = 0;
  for (char c : s) {
    const unsigned d = static_cast<unsigned>(static_cast<unsigned char>(c)) - '0';
    if (d > 9) return false;
    v = v * 10 + static_cast<int>(d);
  }
  value = v;
  return true;
}

// Splits a record holding quotes: quoted fields may hold commas and doubled quotes, not line
// breaks. False for an unclosed quote.
bool split_quoted(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
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
        return false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      fields.push_back(field);
      field.clear();
      was_quoted = false;
    } else {
      field += c;
    }
  }
  return true;
}

// One reader's share of the work: the rows of a contiguous part of the file. Parts sit side by
// side in a vector and each writes its own counters every row: on cache lines of their own, or
// two threads spend their time passing the shared line back and forth (false sharing doubled
// the CPU time of two threads and gained nothing).
class alignas(64) Accumulator {
 public:
  using Record = csv_records::Record<kColumns>;

  Accumulator(const WorkCalendar& calendar, const DossierOptions& options) : tally(calendar, options) {}

  // Returns false when reading must stop (stop_at_first_error and a bad row).
  bool row(const Record& record, std::size_t line_number) {
    if (record.line.empty()) return true;  // blank lines are not rows
    RowProblem p = parse(record);
    return p ? tally.reject(line_number, std::move(p)) : tally.add(record_, line_number);
  }

  std::size_t lines = 0;  // physical lines seen, for numbering the next part
  DossierTally tally;

 private:
  RowProblem parse(const Record& record) {
    // Checked first, so no reason below ever quotes bytes a JSON or CSV writer cannot carry.
    if (record.non_ascii) {
      if (const std::size_t bad = invalid_utf8_at(record.line); bad != std::string_view::npos) {
        return {"invalid UTF-8", "byte " + std::to_string(bad + 1) + " of the line is not valid UTF-8"};
      }
    }
    std::size_t count = record.count;
    if (!record.quoted) {
      return count == kColumns ? parse_fields([&](std::size_t i) { return record.field(i); }) : column_count(count);
    }
    if (!split_quoted(record.line, unquoted_)) return {"bad quoting", "a quoted field is not closed"};
    if (unquoted_.size() != kColumns) return column_count(unquoted_.size());
    return parse_fields([&](std::size_t i) { return std::string_view(unquoted_[i]); });
  }

  static RowProblem column_count(std::size_t count) {
    return {"wrong column count", "expected " + std::to_string(kColumns) + " columns, found " + std::to_string(count)};
  }

  // `field(i)` gives field i of 12.
  template <class Field>
  RowProblem parse_fields(const Field& field) {
    const std::string_view f[kColumns] = {field(0), field(1), field(2), field(3), field(4),  field(5),
                                          field(6), field(7), field(8), field(9), field(10), field(11)};
    DossierRecord& r = record_;
    r.id = f[0], r.unit = f[1], r.level = f[2], r.procedure = f[3], r.field = f[4];
    if (RowProblem p = check_names(r.id, r.unit, r.level, r.procedure)) return p;
    if (!parse_time_(f[5], r.received, r.received_minute)) {
      return {"unparsable date", "received_at \"" + std::string(f[5]) + "\" is not YYYY-MM-DD[ HH:MM[:SS]]"};
    }
    int days = 0;
    if (!small_whole_number(f[6], days)) {
      auto [end, ec] = std::from_chars(f[6].data(), f[6].data() + f[6].size(), days);
      if (f[6].empty() || ec != std::errc() || end != f[6].data() + f[6].size()) {
        return {"bad processing time", "processing_days \"" + std::string(f[6]) + "\" is not a whole number from 0 to 3650"};
      }
      if (RowProblem p = check_processing_days(days)) return p;
    }
    r.processing_days = days;
    r.resolved.reset();
    if (!f[7].empty()) {
      Date resolved;
      if (!parse_time_(f[7], resolved, r.resolved_minute)) {
        return {"unparsable date", "resolved_at \"" + std::string(f[7]) + "\" is not YYYY-MM-DD[ HH:MM[:SS]]"};
      }
      r.resolved = resolved;
    }
    if (RowProblem p = check_resolution_order(r, f[5], f[7])) return p;
    bool* flags[4] = {&r.fully_online, &r.paid_online, &r.digitised, &r.apology_issued};
    for (int i = 0; i < 4; ++i) {
      if (!parse_dossier_flag(f[8 + i], *flags[i])) {
        return {"bad flag", dossier_columns()[8 + i] + " \"" + std::string(f[8 + i]) + "\" is not 0 or 1"};
      }
    }
    return {};
  }

  std::vector<std::string> unquoted_;
  DossierTimeParser parse_time_;
  DossierRecord record_;
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
  csv_records::for_each_record<kColumns>(text, [&](const Accumulator::Record& record) {
    ++acc.lines;
    return acc.row(record, first_line + acc.lines - 1);
  });
}

// Reads `left` bytes of a part from `in` in blocks of `chunk` and feeds its complete lines, each
// block read straight after the previous block's incomplete last line.
void read_part(std::istream& in, std::uintmax_t left, std::size_t chunk, Accumulator& acc, const std::string& where) {
  std::vector<char> buffer(chunk);
  std::size_t carried = 0;  // bytes of an incomplete line at the buffer's start
  while (left > 0) {
    if (buffer.size() - carried < chunk) buffer.resize(carried + chunk);  // a line longer than a block
    const std::size_t want = static_cast<std::size_t>(std::min<std::uintmax_t>(chunk, left));
    in.read(buffer.data() + carried, static_cast<std::streamsize>(want));
    const std::size_t got = static_cast<std::size_t>(in.gcount());
    if (got == 0) throw error(error_kind::io, where, "reading the file failed");
    left -= got;
    const std::string_view text(buffer.data(), carried + got);
    const std::size_t last_nl = text.rfind('\n');
    if (last_nl == std::string_view::npos) {
      carried = text.size();
      continue;
    }
    feed(acc, text.substr(0, last_nl + 1), 2);
    if (acc.tally.first_error()) return;
    carried = text.size() - (last_nl + 1);
    std::memmove(buffer.data(), buffer.data() + last_nl + 1, carried);
  }
  if (carried > 0) feed(acc, std::string_view(buffer.data(), carried), 2);
}

DossierMetrics combine(std::vector<Accumulator>& parts, const std::string& where) {
  // Line numbers: each part counted its own lines; shift them by the parts before it.
  std::vector<std::size_t> offsets;
  std::size_t offset = 0;
  for (auto& p : parts) {
    offsets.push_back(offset);
    offset += p.lines;
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (const auto& first = parts[i].tally.first_error()) {
      throw error(error_kind::document, where + ":" + std::to_string(first->line + offsets[i]), first->reason);
    }
  }
  if (parts.size() == 1) return std::move(parts[0].tally).metrics();
  std::vector<DossierMetrics> figures;
  for (std::size_t i = 0; i < parts.size(); ++i) figures.push_back(std::move(parts[i].tally).metrics(offsets[i]));
  return merge_dossier_metrics(figures);
}

}  // namespace

void check_dossier_options(const DossierOptions& options) {
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

DossierMetrics read_dossiers_text(std::string_view csv, const WorkCalendar& calendar, const DossierOptions& options) {
  check_dossier_options(options);
  std::size_t nl = csv.find('\n');
  check_header(csv.substr(0, nl), "dossier log");
  std::vector<Accumulator> parts;
  parts.emplace_back(calendar, options);
  if (nl != std::string_view::npos) feed(parts[0], csv.substr(nl + 1), 2);
  return combine(parts, "dossier log");
}

DossierMetrics read_dossiers(const std::filesystem::path& path, const WorkCalendar& calendar, const DossierOptions& options) {
  check_dossier_options(options);
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
  parts.reserve(bounds.size() - 1);
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) parts.emplace_back(calendar, options);
  std::vector<std::exception_ptr> failures(parts.size());
  auto work = [&](std::size_t i) {
    try {
      std::ifstream part(path, std::ios::binary);
      part.seekg(static_cast<std::streamoff>(bounds[i]));
      read_part(part, bounds[i + 1] - bounds[i], options.buffer_bytes, parts[i], where);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    // Where no thread can be had, this one reads the part: the parts merge the same either way.
    try {
      pool.emplace_back(work, i);
    } catch (const std::system_error&) {
      work(i);
    }
  }
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
  return combine(parts, where);
}

}  // namespace parindex
